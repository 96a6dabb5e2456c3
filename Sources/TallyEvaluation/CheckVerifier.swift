import TallyDocument
import TallyProtocol
import TallyResults

/// Compares a stated value with what was computed: elementwise, shape included, each number within
/// its tolerance (`StatedValue.allowedError(at:)`).
enum CheckVerifier {
    /// Checks every pass of a check (a check in a loop runs once per iteration) and reports the
    /// first pass that fails, naming it when there were several.
    static func verify(_ stated: StatedValue, passes: [CheckPass]) -> (CheckOutcome, [Diagnostic]) {
        guard let total = passes.last?.pass, total > 1 else { return verify(stated, computed: passes.first?.value) }
        var last: (CheckOutcome, [Diagnostic])?
        for pass in passes {
            var (outcome, diagnostics) = verify(stated, computed: pass.value)
            outcome.pass = pass.pass
            if !diagnostics.isEmpty {
                diagnostics = diagnostics.map { d in
                    var d = d
                    d.message += " (on pass \(pass.pass) of \(total) through this line)"
                    return d
                }
                return (outcome, diagnostics)
            }
            last = (outcome, diagnostics)
        }
        return last!
    }

    static func verify(_ stated: StatedValue, computed: ProgramValue?) -> (CheckOutcome, [Diagnostic]) {
        var outcome = CheckOutcome(location: stated.numbers.first?.location ?? stated.location, stated: stated, value: computed,
                                   wrongNumbers: [], passed: false)
        guard let computed else { return (outcome, []) }
        if let exact = stated.exact {
            switch (exact, computed) {
            case (.boolean(let b), .boolean(let c)) where b == c: outcome.passed = true
            case (.string(let s), .string(let c)) where s == c: outcome.passed = true
            default: break
            }
            let written = if case .string(let text) = computed { Self.quoted(text) } else { computed.summary }
            return (outcome, outcome.passed ? [] : [.error("stated \(stated.text), computed \(written)", at: stated.location, rule: .statedValue)])
        }
        guard let numbers = computed.numbers, let shape = computed.shape else {
            return (outcome, [.error("stated \(stated.text), computed \(computed.summary), which is not a number", at: stated.location, rule: .statedValue)])
        }
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
            diagnostics.append(.error("stated \(number.text)\(number.isPercentage ? "%" : ""), computed \(NumberFormatting.computed(value, comparedWith: number))"
                                      + " (tolerance \(NumberFormatting.plain(tolerance)))\(element)",
                                      at: number.location, rule: .statedValue))
        }
        outcome.passed = diagnostics.isEmpty
        return (outcome, diagnostics)
    }

    /// A string as a Swift literal would write it.
    private static func quoted(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
            .replacingOccurrences(of: "\n", with: "\\n") + "\""
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
