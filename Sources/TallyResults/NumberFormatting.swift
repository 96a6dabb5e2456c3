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

    /// A computed number in a failed check's message: two significant digits more than the stated
    /// number has, and more if needed until it differs visibly from it (`stated 20.5, computed
    /// 20.500000000001`); exponent notation if the stated number used it or the value is very small or
    /// large. A percentage is written as one (`12.4%`). Exact values print as Swift would (`1e-23`).
    package static func computed(_ value: Double, comparedWith stated: StatedValue.Number) -> String {
        if let s = special(value) { return s }
        let shape = Spelling(stated.text)
        let scaled = stated.isPercentage ? value * 100 : value
        let statedValue = stated.isPercentage ? stated.value * 100 : stated.value
        let magnitude = abs(scaled)
        let useExponent = shape.exponent != nil || (magnitude != 0 && (magnitude < 1e-4 || magnitude >= 1e15))
        var text = ""
        for digits in max(shape.significantDigits + 2, 2)...17 {
            text = useExponent ? exponentForm(scaled, significantDigits: digits) : fixedForm(scaled, significantDigits: digits)
            // Enough digits: the text says exactly the value, or visibly not the stated number.
            if Double(text) == scaled || Double(text) != statedValue { break }
        }
        return text + (stated.isPercentage ? "%" : "")
    }

    /// `value` with `significantDigits` significant digits, trailing zeros dropped (`0.74123`).
    private static func fixedForm(_ value: Double, significantDigits: Int) -> String {
        let leading = value == 0 ? 0 : Int(floor(log10(abs(value))))
        var text = String(format: "%.\(max(0, significantDigits - 1 - leading))f", value)
        if text.contains(".") {
            while text.hasSuffix("0") { text.removeLast() }
            if text.hasSuffix(".") { text.removeLast() }
        }
        return text
    }

    /// `1.23e-05`, trailing zeros of the mantissa dropped (`1e-23`).
    private static func exponentForm(_ value: Double, significantDigits: Int) -> String {
        let parts = String(format: "%.\(significantDigits - 1)e", value).split(separator: "e")
        var mantissa = String(parts[0])
        if mantissa.contains(".") {
            while mantissa.hasSuffix("0") { mantissa.removeLast() }
            if mantissa.hasSuffix(".") { mantissa.removeLast() }
        }
        return mantissa + "e" + parts[1]
    }

    /// `value` written like `stated`: its number of decimals, exponent notation if it used it, its
    /// sign style (a leading `+`, a Unicode minus), its thousands separators; a percentage stays one
    /// (the `%` after it is not part of `stated.text`). It never loses significant digits: it keeps at
    /// least as many as `stated` has (at least one), adding decimals when the value is smaller, so
    /// `0.001` fixed to 0.00004 becomes `0.00004`, not `0.000`. nil for nan and infinities.
    package static func rewritten(_ value: Double, like stated: StatedValue.Number) -> String? {
        guard value.isFinite else { return nil }
        let value = stated.isPercentage ? value * 100 : value
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
            let leading = value == 0 ? 0 : Int(floor(log10(abs(value))))
            let decimals = max(shape.decimals, max(1, shape.significantDigits) - 1 - leading)
            body = String(format: "%.\(decimals)f", abs(value))
            if shape.thousandsSeparators { body = grouped(body) }
        }
        // A value that rounds to zero is written without a sign.
        if value < 0, Double(body.replacingOccurrences(of: ",", with: "")) != 0 { return (shape.unicodeMinus ? "−" : "-") + body }
        return (shape.plus ? "+" : "") + body
    }

    /// `1234567.5` → `1,234,567.5`.
    private static func grouped(_ number: String) -> String {
        let parts = number.split(separator: ".", omittingEmptySubsequences: false)
        var digits = Array(parts[0])
        var index = digits.count - 3
        while index > 0 {
            digits.insert(",", at: index)
            index -= 3
        }
        return String(digits) + (parts.count > 1 ? "." + parts[1] : "")
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
        var thousandsSeparators = false
        /// Digits from the first non-zero one (`0.0120` has 3; `0` has 0).
        var significantDigits = 0

        init(_ text: String) {
            thousandsSeparators = text.contains(",")
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
            significantDigits = mantissa.filter(\.isNumber).drop { $0 == "0" }.count
        }
    }
}
