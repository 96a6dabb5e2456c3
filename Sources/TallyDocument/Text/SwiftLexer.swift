/// The one Swift tokenizer of the project: the site's and the Anki export's syntax highlighting
/// (`SwiftHighlighter`) and the `// =>` check scanner (`CellCheckScanner`) both read code through it, so
/// they agree on where strings and comments are. It is deliberately small (it does not know every Swift
/// literal form): it splits code into comments, string literals, numbers, words and single other characters.
///
/// Rules, in order at each position: `//` starts a comment to the end of the line; `/*` a comment to the
/// next `*/` (or the end); `"` a string literal to the next unescaped `"` or the end of the line; a digit a
/// number (digits, `_`, `e`, and `.` followed by a digit); a letter or `_` a word. Anything else is one character.
public enum SwiftLexer {
    public struct Token: Hashable, Sendable {
        public enum Kind: Hashable, Sendable {
            case lineComment, blockComment, string, number, word, other
        }

        public var kind: Kind
        public var text: String
        /// The token's first character, as an offset in `Character`s from the start of the code.
        public var offset: Int
    }

    /// The tokens of `code`, covering it completely and in order (concatenating their texts gives `code`).
    public static func tokens(in code: String) -> [Token] {
        let chars = Array(code)
        var tokens: [Token] = []
        var i = 0
        func token(_ kind: Token.Kind, to end: Int) {
            tokens.append(Token(kind: kind, text: String(chars[i..<end]), offset: i))
            i = end
        }
        while i < chars.count {
            let c = chars[i]
            if c == "/", i + 1 < chars.count, chars[i + 1] == "/" {
                var j = i
                while j < chars.count, chars[j] != "\n" { j += 1 }
                token(.lineComment, to: j)
            } else if c == "/", i + 1 < chars.count, chars[i + 1] == "*" {
                var j = i + 2
                while j + 1 < chars.count, !(chars[j] == "*" && chars[j + 1] == "/") { j += 1 }
                token(.blockComment, to: min(j + 2, chars.count))
            } else if c == "\"" {
                var j = i + 1
                while j < chars.count, chars[j] != "\"", chars[j] != "\n" {
                    j += chars[j] == "\\" ? 2 : 1
                }
                token(.string, to: min(j + 1, chars.count))
            } else if c.isNumber {
                var j = i
                while j < chars.count, chars[j].isNumber || chars[j] == "." || chars[j] == "_" || chars[j] == "e" {
                    if chars[j] == ".", !(j + 1 < chars.count && chars[j + 1].isNumber) { break }
                    j += 1
                }
                token(.number, to: j)
            } else if c.isLetter || c == "_" {
                var j = i
                while j < chars.count, chars[j].isLetter || chars[j].isNumber || chars[j] == "_" { j += 1 }
                token(.word, to: j)
            } else {
                token(.other, to: i + 1)
            }
        }
        return tokens
    }
}
