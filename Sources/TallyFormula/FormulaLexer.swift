/// Splits a formula's TeX into tokens, dropping white space and comments.
///
/// As in TeX, letters are one token each (`ab` is a times b) and a control sequence is a backslash
/// and either a run of letters (`\frac`) or one other character (`\,`, `\{`). Unicode operators some
/// notes paste in are read as their TeX spelling: `−` as `-`, `·` as `\cdot`, `×` as `\times`, and a
/// Greek letter such as `θ` as `\theta`.
enum FormulaLexer {
    static func tokens(_ tex: String) throws(FormulaError) -> [FormulaToken] {
        var tokens: [FormulaToken] = []
        let characters = Array(tex)
        var offsets: [Int] = []
        var offset = 0
        for c in characters {
            offsets.append(offset)
            offset += c.utf8.count
        }
        offsets.append(offset)
        var i = 0
        while i < characters.count {
            let c = characters[i]
            let start = offsets[i]
            if c.isWhitespace {
                i += 1
            } else if c == "%" {
                while i < characters.count, characters[i] != "\n" { i += 1 }
            } else if c == "\\" {
                var j = i + 1
                guard j < characters.count else { throw FormulaError("a lone \\ ends the formula", at: start) }
                if characters[j].isASCII, characters[j].isLetter {
                    while j < characters.count, characters[j].isASCII, characters[j].isLetter { j += 1 }
                } else {
                    j += 1
                }
                let name = String(characters[(i + 1)..<j])
                tokens.append(FormulaToken(kind: .command(name), offset: start, text: "\\" + name))
                i = j
            } else if c.isASCII, c.isNumber || (c == "." && i + 1 < characters.count && characters[i + 1].isASCII && characters[i + 1].isNumber) {
                var j = i
                var seenPoint = false
                while j < characters.count, characters[j].isASCII,
                      characters[j].isNumber || (characters[j] == "." && !seenPoint && j + 1 < characters.count
                                                  && characters[j + 1].isASCII && characters[j + 1].isNumber) {
                    if characters[j] == "." { seenPoint = true }
                    j += 1
                }
                let text = String(characters[i..<j])
                tokens.append(FormulaToken(kind: .number(text), offset: start, text: text))
                i = j
            } else if c.isASCII, c.isLetter {
                tokens.append(FormulaToken(kind: .letter(String(c)), offset: start, text: String(c)))
                i += 1
            } else if let greek = GreekLetters.command(forUnicode: c) {
                tokens.append(FormulaToken(kind: .command(greek), offset: start, text: String(c)))
                i += 1
            } else if let command = unicodeOperators[c] {
                tokens.append(FormulaToken(kind: command, offset: start, text: String(c)))
                i += 1
            } else {
                tokens.append(FormulaToken(kind: .character(c), offset: start, text: String(c)))
                i += 1
            }
        }
        return tokens
    }

    private static let unicodeOperators: [Character: FormulaToken.Kind] = [
        "−": .character("-"), "·": .command("cdot"), "⋅": .command("cdot"), "×": .command("times"),
        "⊙": .command("odot"), "√": .command("sqrt"), "∑": .command("sum"), "∏": .command("prod"),
        "∫": .command("int"), "′": .character("'"), "ᵀ": .command("top"), "∂": .command("partial"),
        "∇": .command("nabla"), "≈": .command("approx"), "≤": .command("le"), "≥": .command("ge"),
    ]
}
