import TallyDocument

/// Compares a stated value with what was computed: elementwise, shape included, each number within
/// its tolerance (`StatedValue.allowedError(at:)`).
enum CheckVerifier {
    static func verify(_ stated: StatedValue, computed: RawValue?) -> (CheckOutcome, [Diagnostic]) {
        var outcome = CheckOutcome(location: stated.numbers.first?.location ?? stated.location, stated: stated, computed: nil, computedShape: nil,
                                   wrongNumbers: [], passed: false)
        guard let computed else { return (outcome, []) }
        guard computed.isNumeric else {
            let text = computed.text.map { "'\($0)'" } ?? "a chart"
            return (outcome, [.error("stated \(stated.text), computed \(text), which is not a number", at: stated.location, rule: .statedValue)])
        }
        let numbers = computed.doubles
        let shape = computed.shape ?? []
        outcome.computed = numbers
        outcome.computedShape = shape
        // A stated scalar may be checked against any value holding one number (a 1-element tensor).
        let shapesAgree = shape == stated.shape || (stated.shape.isEmpty && numbers.count == 1)
        guard shapesAgree, computed.isWellFormed, numbers.count == stated.numbers.count else {
            let message = "stated \(describe(stated.shape)), computed \(computed.isWellFormed ? describe(shape) : "a ragged array")"
            return (outcome, [.error(message, at: stated.location, rule: .statedValue)])
        }
        var diagnostics: [Diagnostic] = []
        for (i, number) in stated.numbers.enumerated() {
            let tolerance = stated.allowedError(at: i)
            let value = numbers[i]
            // Inclusive, forgiving the rounding error of decimal numbers in binary (0.7395 - 0.739 > 0.0005
            // in Double); a nan fails.
            guard !(abs(value - number.value) <= tolerance * (1 + 1e-9)) else { continue }
            outcome.wrongNumbers.append(.init(stated: number, computed: value, tolerance: tolerance))
            let element = stated.shape.isEmpty ? "" : " at \(index(i, in: stated.shape))"
            diagnostics.append(.error("stated \(number.text), computed \(NumberFormatting.computed(value, comparedWith: number))"
                                      + " (tolerance \(NumberFormatting.plain(tolerance)))\(element)",
                                      at: number.location, rule: .statedValue))
        }
        outcome.passed = diagnostics.isEmpty
        return (outcome, diagnostics)
    }

    private static func describe(_ shape: [Int]) -> String {
        switch shape.count {
        case 0: return "a number"
        case 1: return "a vector of \(shape[0])"
        case 2: return "a \(shape[0])×\(shape[1]) matrix"
        default: return "shape " + shape.map(String.init).joined(separator: "×")
        }
    }

    /// `[1]` in a vector, `[1][0]` in a matrix.
    private static func index(_ flat: Int, in shape: [Int]) -> String {
        var rest = flat
        var parts: [Int] = []
        for size in shape.reversed() {
            parts.insert(rest % size, at: 0)
            rest /= size
        }
        return parts.map { "[\($0)]" }.joined()
    }
}
