/// A small Swift tokenizer for code on pages and cards: keywords, types, numbers, strings and comments
/// become `<span class="tok-…">`. Everything is escaped; the CSS (site and Anki note type) colours the classes.
public enum SwiftHighlighter {
    static let keywords: Set<String> = [
        "let", "var", "func", "return", "if", "else", "guard", "for", "in", "while", "repeat", "switch", "case",
        "default", "break", "continue", "struct", "class", "enum", "protocol", "extension", "import", "init",
        "self", "Self", "true", "false", "nil", "try", "throw", "throws", "do", "catch", "where", "as", "is",
        "static", "public", "private", "fileprivate", "internal", "mutating", "inout", "some", "any", "defer",
        "typealias", "associatedtype", "operator", "subscript", "lazy", "final", "override", "async", "await",
    ]

    public static func highlight(_ code: String) -> String {
        let chars = Array(code)
        var out = ""
        var i = 0
        func span(_ cls: String, _ text: String) { out += "<span class=\"tok-\(cls)\">\(text.htmlEscaped)</span>" }
        while i < chars.count {
            let c = chars[i]
            if c == "/", i + 1 < chars.count, chars[i + 1] == "/" {
                var j = i
                while j < chars.count, chars[j] != "\n" { j += 1 }
                span("comment", String(chars[i..<j]))
                i = j
            } else if c == "/", i + 1 < chars.count, chars[i + 1] == "*" {
                var j = i + 2
                while j + 1 < chars.count, !(chars[j] == "*" && chars[j + 1] == "/") { j += 1 }
                j = min(j + 2, chars.count)
                span("comment", String(chars[i..<j]))
                i = j
            } else if c == "\"" {
                var j = i + 1
                while j < chars.count, chars[j] != "\"", chars[j] != "\n" {
                    j += chars[j] == "\\" ? 2 : 1
                }
                j = min(j + 1, chars.count)
                span("string", String(chars[i..<j]))
                i = j
            } else if c.isNumber {
                var j = i
                while j < chars.count, chars[j].isNumber || chars[j] == "." || chars[j] == "_" || chars[j] == "e" {
                    if chars[j] == ".", !(j + 1 < chars.count && chars[j + 1].isNumber) { break }
                    j += 1
                }
                span("number", String(chars[i..<j]))
                i = j
            } else if c.isLetter || c == "_" {
                var j = i
                while j < chars.count, chars[j].isLetter || chars[j].isNumber || chars[j] == "_" { j += 1 }
                let word = String(chars[i..<j])
                if keywords.contains(word) {
                    span("keyword", word)
                } else if word.first!.isUppercase {
                    span("type", word)
                } else {
                    out += word.htmlEscaped
                }
                i = j
            } else {
                out += String(c).htmlEscaped
                i += 1
            }
        }
        return out
    }
}
