import Foundation

/// How numbers appear in formula messages.
enum FormulaNumberText {
    /// With `digits` significant digits, trailing zeros dropped: 1.8, 0.00247, 2.5e-05, nan.
    static func text(_ value: Double, digits: Int = 6) -> String {
        if value.isNaN { return "nan" }
        if value.isInfinite { return value < 0 ? "-inf" : "inf" }
        if value == 0 { return "0" }
        var text = String(format: "%.\(digits)g", value)
        let exponent = text.firstIndex { $0 == "e" }.map { String(text[$0...]) } ?? ""
        var mantissa = String(text.dropLast(exponent.count))
        if mantissa.contains(".") {
            while mantissa.hasSuffix("0") { mantissa.removeLast() }
            if mantissa.hasSuffix(".") { mantissa.removeLast() }
        }
        text = mantissa + exponent
        return text
    }

    /// Two values written with the fewest significant digits (at least 3) that tell them apart.
    static func contrasting(_ a: FormulaObservation.Value, _ b: FormulaObservation.Value) -> (String, String) {
        for digits in 3...17 {
            let pair = (value(a, digits: digits), value(b, digits: digits))
            if pair.0 != pair.1 { return pair }
        }
        return (value(a, digits: 17), value(b, digits: 17))
    }

    /// A reported value: a number, `[a, b]`, `[[a, b], [c, d]]`, at most 8 numbers shown.
    static func value(_ v: FormulaObservation.Value, digits: Int = 6) -> String {
        guard let numbers = v.values, let shape = v.shape else { return v.text ?? "?" }
        if shape.isEmpty, numbers.count == 1 { return text(numbers[0], digits: digits) }
        let shown = numbers.prefix(8).map { text($0, digits: digits) }
        if shape.count == 2, numbers.count <= 8, shape[1] > 0 {
            let rows = stride(from: 0, to: shown.count, by: shape[1]).map { "[" + shown[$0..<min($0 + shape[1], shown.count)].joined(separator: ", ") + "]" }
            return "[" + rows.joined(separator: ", ") + "]"
        }
        let more = numbers.count > 8 ? ", … (shape \(shape))" : ""
        return "[" + shown.joined(separator: ", ") + more + "]"
    }
}
