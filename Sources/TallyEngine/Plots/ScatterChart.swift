/// Markers at the points of named series, e.g. two classes of a data set.
///
///     ScatterChart([Series("class 0", points: zeros), Series("class 1", points: ones)])
public struct ScatterChart: SVGRenderable {
    /// The point sets, one marker style and legend entry each.
    public var series: [Series]
    /// The chart's title (default none).
    public var title: String
    /// The x axis label (default none).
    public var xLabel: String
    /// The y axis label (default none).
    public var yLabel: String

    /// A chart of `series` as markers.
    public init(_ series: [Series], title: String = "", xLabel: String = "", yLabel: String = "") {
        self.series = series
        self.title = title
        self.xLabel = xLabel
        self.yLabel = yLabel
    }

    /// The chart as a self-contained SVG document (no script, nothing loaded).
    public var svg: String {
        let frame = ChartFrame(
            x: Axis(values: series.flatMap(\.x), padding: 0.05),
            y: Axis(values: series.flatMap(\.y), padding: 0.05),
            title: title, xLabel: xLabel, yLabel: yLabel,
            legend: legendEntries(series, mark: .dot))
        let body = series.enumerated().map { index, points in
            let dots = zip(points.x, points.y).compactMap { frame.pixel($0, $1) }.map {
                "<circle cx=\"\(svgNumber($0.x))\" cy=\"\(svgNumber($0.y))\" r=\"3\"/>"
            }.joined()
            return "<g class=\"series\" data-name=\"\(xmlEscaped(points.name))\" fill=\"\(seriesColor(index))\""
                + " fill-opacity=\"0.8\">\(dots)</g>"
        }.joined()
        return frame.document(body: body)
    }
}

/// A scatter chart of one unnamed set of points, e.g. `scatter(x: heights, y: weights)`.
public func scatter(x: [Double], y: [Double], title: String = "", xLabel: String = "",
                    yLabel: String = "") -> ScatterChart {
    ScatterChart([Series("", x: x, y: y)], title: title, xLabel: xLabel, yLabel: yLabel)
}
