/// Cloze markup and the MathJax inside it.
///
/// Anki ends a deletion at the first `}}`, so `{{c1::\(\frac{1}{x^{2}}\)}}` would end inside the TeX. A space
/// between the braces means the same to MathJax and keeps the deletion whole.
public enum ClozeMath {
    private static let delimiters: [(open: String, close: String)] = [(#"\("#, #"\)"#), (#"\["#, #"\]"#)]

    /// `html` with every `}}` inside `\(…\)` and `\[…\]` written `} }`.
    public static func protectMath(in html: String) -> String {
        var out = ""
        var rest = Substring(html)
        while let (open, close) = nextMathOpening(in: rest) {
            guard let end = rest[open.upperBound...].range(of: close) else { break }
            out += rest[..<open.lowerBound]
            out += rest[open]
            out += separateBraces(rest[open.upperBound..<end.lowerBound])
            out += rest[end]
            rest = rest[end.upperBound...]
        }
        return out + rest
    }

    /// The distinct cloze numbers (`{{c2::…}}` → 2) in a field, ascending.
    public static func clozeNumbers(in text: String) -> [Int] {
        var numbers = Set<Int>()
        var rest = Substring(text)
        while let start = rest.range(of: "{{c") {
            let digits = rest[start.upperBound...].prefix(while: \.isASCII).prefix(while: \.isNumber)
            if !digits.isEmpty, rest[digits.endIndex...].hasPrefix("::"), let n = Int(digits), n > 0 {
                numbers.insert(n)
            }
            rest = rest[start.upperBound...]
        }
        return numbers.sorted()
    }

    private static func nextMathOpening(in text: Substring) -> (Range<Substring.Index>, String)? {
        delimiters.compactMap { d in text.range(of: d.open).map { ($0, d.close) } }
            .min { $0.0.lowerBound < $1.0.lowerBound }
    }

    private static func separateBraces(_ tex: Substring) -> String {
        var out = ""
        for ch in tex {
            if ch == "}", out.last == "}" { out += " " }
            out.append(ch)
        }
        return out
    }
}
