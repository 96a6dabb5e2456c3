/// Displays a value under the cell that calls it on the notebook's page: numbers formatted,
/// vectors and matrices as aligned tables, charts (`SVGRenderable`) as inline SVG, anything else
/// as its text. Outside `tally` (no result channel) it prints the value instead.
public func show(_ value: Any) {
    guard NotebookRuntime.isAttached else {
        print(value)
        return
    }
    NotebookRuntime.show(value)
}
