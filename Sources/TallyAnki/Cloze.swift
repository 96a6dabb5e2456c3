/// Anki's cloze deletions, `{{c1::…}}`. (A `}}` inside math cannot end one: TallyHTML's MathJax mode spaces it.)
enum Cloze {
    /// The distinct cloze numbers (`{{c2::…}}` → 2) in a field, ascending.
    static func numbers(in text: String) -> [Int] {
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
}
