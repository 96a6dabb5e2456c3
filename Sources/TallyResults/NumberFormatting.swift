import Foundation
import TallyDocument

/// How computed numbers are written: on pages, in messages, and when `--fix` rewrites a stated number.
public enum NumberFormatting {
    /// The one rule for showing a computed number, in prose, tooltips, Anki fields and tables:
    /// an integer (by type) in full; a real number with 6 significant digits (`0.731059`, `1e-10`),
    /// except that a real of magnitude 10⁶ up to 10¹⁵ is written in full, rounded to an integer
    /// (`1234567`, not `1.23457e+06`, whose digits would hide the value). A negative zero is written `0`.
    public static func display(_ value: Double, integer: Bool) -> String {
        let value = value == 0 ? 0 : value
        if integer, value.isFinite, abs(value) < 1e18 { return String(Int(value)) }
        if value.isFinite, abs(value) >= 1e6, abs(value) < 1e15 { return String(Int(value.rounded())) }
        return special(value) ?? String(format: "%.6g", value)
    }

    /// With a printf-style format (`%.3f`, `%d`, `%e`, …) as written in `{swift %.3f}`.
    public static func printf(_ format: String, _ value: Double) -> String {
        if format.hasSuffix("d") {
            guard value.isFinite, abs(value) < 9.2e18 else { return special(value) ?? String(value) }
            return String(format: format.replacingOccurrences(of: "d", with: "lld"), Int64(value.rounded()))
        }
        return String(format: format, value)
    }

    /// A tolerance: plain decimals (`0.00005`), exponent notation only when very large or small.
    public static func plain(_ value: Double) -> String {
        guard value != 0, abs(value) >= 1e-9, abs(value) < 1e12 else { return special(value) ?? String(format: "%g", value) }
        var text = String(format: "%.10f", value)
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text
    }

    /// A computed number in a failed check's message: two digits more than the stated one.
    package static func computed(_ value: Double, comparedWith stated: StatedValue.Number) -> String {
        if let s = special(value) { return s }
        let shape = Spelling(stated.text)
        if shape.exponent != nil { return String(format: "%.\(shape.decimals + 2)e", value) }
        var text = String(format: "%.\(shape.decimals + 2)f", value)
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text
    }

    /// `value` written like `stated`: the same number of decimals, exponent notation if it used it,
    /// its sign style (a leading `+`, a Unicode minus). nil for nan and infinities.
    package static func rewritten(_ value: Double, like stated: StatedValue.Number) -> String? {
        guard value.isFinite else { return nil }
        let shape = Spelling(stated.text)
        var body: String
        if let exponent = shape.exponent {
            let formatted = String(format: "%.\(shape.decimals)e", abs(value))
            let parts = formatted.split(separator: "e")
            let power = Int(parts[1]) ?? 0
            let digits = String(abs(power)).leftPadded(to: exponent.digits)
            let sign = power < 0 ? "-" : (exponent.plus ? "+" : "")
            body = parts[0] + exponent.letter + sign + digits
        } else {
            body = String(format: "%.\(shape.decimals)f", abs(value))
        }
        // A value that rounds to zero is written without a sign.
        if value < 0, Double(body) != 0 { return (shape.unicodeMinus ? "−" : "-") + body }
        return (shape.plus ? "+" : "") + body
    }

    private static func special(_ value: Double) -> String? {
        if value.isNaN { return "nan" }
        if value.isInfinite { return value < 0 ? "-inf" : "inf" }
        return nil
    }

    /// How a stated number is spelled: `-1.50e-03`, `+2`, `−0.5`.
    private struct Spelling {
        var decimals = 0
        var exponent: (letter: String, plus: Bool, digits: Int)?
        var plus = false
        var unicodeMinus = false

        init(_ text: String) {
            plus = text.hasPrefix("+")
            unicodeMinus = text.hasPrefix("−")
            var mantissa = Substring(text)
            if let e = text.firstIndex(where: { $0 == "e" || $0 == "E" }) {
                mantissa = text[..<e]
                let power = text[text.index(after: e)...]
                let digits = power.drop { $0 == "+" || $0 == "-" }
                exponent = (String(text[e]), power.hasPrefix("+"), digits.count)
            }
            if let dot = mantissa.firstIndex(of: ".") { decimals = mantissa.distance(from: dot, to: mantissa.endIndex) - 1 }
        }
    }
}
