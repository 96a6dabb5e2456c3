import TallyProtocol

extension ProgramValue {
    /// How a page shows the value: a number as text, a vector as a one-row table, a matrix as a
    /// table, a chart as SVG, anything else as its text. Numbers follow `NumberFormatting.display`.
    public var display: Display {
        switch self {
        case .chart(let svg): return .svg(svg)
        case .string(let text): return .text(text)
        case .boolean(let flag): return .text(flag ? "true" : "false")
        case .integer, .real: return .text(formattedNumbers(format: nil)[0])
        case .tensor(let shape, _, _):
            let cells = formattedNumbers(format: nil)
            guard isWellFormed else { return .text("[" + cells.joined(separator: ", ") + "]") }
            switch shape.count {
            case 0: return .text(cells[0])
            case 1: return .table(rows: [cells])
            case 2: return .table(rows: (0..<shape[0]).map { Array(cells[$0 * shape[1] ..< ($0 + 1) * shape[1]]) })
            default: return .text("shape \(shape.map(String.init).joined(separator: "×")): [" + cells.joined(separator: ", ") + "]")
            }
        }
    }

    /// The value as inline text, with a printf format (`%.3f`) if the expression has one.
    public func inlineText(format: String?) -> String {
        switch self {
        case .chart: return ""
        case .string(let text): return text
        case .boolean(let flag): return flag ? "true" : "false"
        case .integer, .real: return formattedNumbers(format: format)[0]
        case .tensor(let shape, _, _):
            let cells = formattedNumbers(format: format)
            return shape.isEmpty && cells.count == 1 ? cells[0] : "[" + cells.joined(separator: ", ") + "]"
        }
    }

    /// Shape and count agree (a ragged Swift array does not).
    public var isWellFormed: Bool { (shape ?? []).reduce(1, *) == (numbers ?? []).count }

    /// The value as a failure message or a tooltip names it: a number formatted, a string quoted.
    public var summary: String {
        switch self {
        case .chart: return "a chart"
        case .string(let text): return "'\(text)'"
        default: return inlineText(format: nil)
        }
    }

    private func formattedNumbers(format: String?) -> [String] {
        (numbers ?? []).map { value in
            format.map { NumberFormatting.printf($0, value) } ?? NumberFormatting.display(value, integer: isInteger)
        }
    }
}
