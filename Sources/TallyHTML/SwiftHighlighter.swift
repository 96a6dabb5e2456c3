import TallyDocument

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

    /// `code` as HTML: every `SwiftLexer` token escaped, comments, strings, numbers, keywords and
    /// capitalised words (types) wrapped in `<span class="tok-comment|string|number|keyword|type">`.
    public static func highlight(_ code: String) -> String {
        var out = ""
        for token in SwiftLexer.tokens(in: code) {
            switch token.kind {
            case .lineComment, .blockComment: out += span("comment", token.text)
            case .string: out += span("string", token.text)
            case .number: out += span("number", token.text)
            case .word where keywords.contains(token.text): out += span("keyword", token.text)
            case .word where token.text.first!.isUppercase: out += span("type", token.text)
            case .word, .other: out += token.text.htmlEscaped
            }
        }
        return out
    }

    private static func span(_ cls: String, _ text: String) -> String {
        "<span class=\"tok-\(cls)\">\(text.htmlEscaped)</span>"
    }
}
