import TallyDocument

/// A value as the generated program sends it (see `NotebookRuntime` in TallyEngine/Display/).
struct RawValue: Codable, Hashable, Sendable {
    var kind: String
    var text: String?
    var svg: String?
    var shape: [Int]?
    /// Swift's own spelling of each number, so that nan and infinities survive JSON.
    var numbers: [String]?
    var integer: Bool?

    var doubles: [Double] { (numbers ?? []).map { Double($0) ?? .nan } }

    var isNumeric: Bool { kind == "numbers" }

    /// Shape and count agree (a ragged Swift array does not).
    var isWellFormed: Bool { (shape ?? []).reduce(1, *) == doubles.count }

    /// How a page shows the value.
    var display: Display {
        switch kind {
        case "svg": return .svg(svg ?? "")
        case "numbers" where isWellFormed:
            let cells = doubles.map { NumberFormatting.display($0, integer: integer ?? false) }
            let shape = shape ?? []
            switch shape.count {
            case 0: return .text(cells[0])
            case 1: return .table(rows: [cells])
            case 2: return .table(rows: (0..<shape[0]).map { Array(cells[$0 * shape[1] ..< ($0 + 1) * shape[1]]) })
            default: return .text("shape \(shape.map(String.init).joined(separator: "×")): [" + cells.joined(separator: ", ") + "]")
            }
        case "numbers": return .text("[" + doubles.map { NumberFormatting.display($0, integer: integer ?? false) }.joined(separator: ", ") + "]")
        default: return .text(text ?? "")
        }
    }

    /// The value as inline text, with the expression's printf format if it has one.
    func inlineText(format: String?) -> String {
        guard isNumeric else { return kind == "svg" ? "" : text ?? "" }
        let cells = doubles.map { value in
            format.map { NumberFormatting.printf($0, value) } ?? NumberFormatting.display(value, integer: integer ?? false)
        }
        return (shape ?? []).isEmpty && cells.count == 1 ? cells[0] : "[" + cells.joined(separator: ", ") + "]"
    }
}
