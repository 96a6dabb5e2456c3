import Foundation

/// Prints like numpy, with the columns aligned:
///
///     [[ 1.5, -2  ],
///      [10  ,  0.25]]
extension Tensor: CustomStringConvertible {
    public var description: String {
        // Too big to read as a table; say what it is instead of flooding the page.
        if count > 2000 { return "Tensor of shape \(shape)" }
        let cells = data.map(formatNumber)
        // Align every cell on its decimal point (or its end, for integers).
        let split = cells.map { cell -> (left: Int, right: Int) in
            let point = cell.firstIndex(of: ".").map { cell.distance(from: cell.startIndex, to: $0) } ?? cell.count
            return (point, cell.count - point)
        }
        let left = split.map(\.left).max() ?? 0
        let right = split.map(\.right).max() ?? 0
        let aligned = zip(cells, split).map { cell, s in
            String(repeating: " ", count: left - s.left) + cell + String(repeating: " ", count: right - s.right)
        }
        return render(shape[...], aligned[...], indent: 0)
    }

    private func render(_ shape: ArraySlice<Int>, _ cells: ArraySlice<String>, indent: Int) -> String {
        guard let n = shape.first else { return cells.first ?? "" }
        let inner = shape.dropFirst()
        let step = inner.reduce(1, *)
        let parts = (0..<n).map { i in
            render(inner, cells[(cells.startIndex + i * step)...].prefix(step), indent: indent + 1)
        }
        if inner.isEmpty {
            return "[" + parts.joined(separator: ", ") + "]"
        }
        let separator = "," + String(repeating: "\n", count: inner.count) + String(repeating: " ", count: indent + 1)
        return "[" + parts.joined(separator: separator) + "]"
    }
}

/// Up to six significant digits, without trailing zeros; exponent form for very large or small.
func formatNumber(_ x: Double) -> String {
    if x.isNaN { return "nan" }
    if x.isInfinite { return x > 0 ? "inf" : "-inf" }
    if x == x.rounded() && Swift.abs(x) < 1e15 { return String(Int64(x)) }
    let magnitude = Swift.abs(x)
    if magnitude >= 1e6 || magnitude < 1e-4 { return String(format: "%.5e", x) }
    var s = String(format: "%.6g", x)
    if s.contains(".") {
        while s.hasSuffix("0") { s.removeLast() }
        if s.hasSuffix(".") { s.removeLast() }
    }
    return s
}
