/// Reads `{check …}` into a `FormulaCheckBlock` (the grammar is documented there).
struct FormulaCheckBlockParser {
    private let characters: [Character]
    /// UTF-8 offset of each character (and of the end).
    private let offsets: [Int]
    private var i = 0

    init(_ line: String) {
        characters = Array(line)
        var offsets: [Int] = []
        var offset = 0
        for c in characters {
            offsets.append(offset)
            offset += c.utf8.count
        }
        offsets.append(offset)
        self.offsets = offsets
    }

    mutating func parse(into block: inout FormulaCheckBlock) throws(FormulaError) {
        skipSpaces()
        guard take("{"), word() == "check" else { throw error("a check block starts with {check", at: 0) }
        var seen: Set<String> = []
        while true {
            skipSpaces()
            if take("}") { break }
            let start = i
            let keyword = word()
            guard ["for", "where", "tolerance"].contains(keyword) else {
                throw error(keyword.isEmpty ? "expected for, where, tolerance or }" : "unknown clause \(keyword): expected for, where or tolerance", at: start)
            }
            guard seen.insert(keyword).inserted else { throw error("\(keyword) appears twice", at: start) }
            switch keyword {
            case "for":
                repeat { block.variables.append(try variable()) } while takeComma()
            case "where":
                repeat { block.bindings.append(try binding()) } while takeComma()
            default:
                skipSpaces()
                let at = i
                guard let value = number(), value > 0 else { throw error("tolerance needs a positive number such as 1e-4", at: at) }
                block.tolerance = value
            }
        }
        skipSpaces()
        guard i == characters.count else { throw error("unexpected text after the check block", at: i) }
        let names = block.variables.map { FormulaPrinter.print($0.symbol, .canonical) }
        if let repeated = names.enumerated().first(where: { names[..<$0.offset].contains($0.element) }) {
            throw error("\(block.variables[repeated.offset].tex) is given two ranges", at: block.variables[repeated.offset].offset)
        }
    }

    private mutating func variable() throws(FormulaError) -> FormulaCheckBlock.Variable {
        skipSpaces()
        let start = i
        while i < characters.count, !atWord("in"), characters[i] != "}" { i += 1 }
        let tex = String(characters[start..<i]).trimmingSpaces
        guard !tex.isEmpty, atWord("in") else { throw error("expected a range such as x in -6...6", at: start) }
        let parsed: FormulaExpression
        do {
            parsed = try FormulaParser.expression(tex)
        } catch {
            throw self.error(error.message, at: start, plus: error.offset)
        }
        guard case .symbol(let symbol) = parsed.kind else { throw error("\(tex) is not a name", at: start) }
        i += 2
        skipSpaces()
        let lowerStart = i
        guard let lower = number() else { throw error("expected a number after in", at: lowerStart) }
        let lowerText = String(characters[lowerStart..<i])
        guard take("."), take("."), take(".") else { throw error("expected ... between the bounds (x in -6...6)", at: i) }
        let upperStart = i
        guard let upper = number() else { throw error("expected a number after ...", at: upperStart) }
        let upperText = String(characters[upperStart..<i])
        guard lower <= upper else { throw error("the range \(lowerText)...\(upperText) is empty", at: lowerStart) }
        let integer = [lowerText, upperText].allSatisfy { !$0.contains(".") && !$0.contains("e") && !$0.contains("E") }
        return .init(tex: tex, symbol: symbol, lower: lower, upper: upper, isInteger: integer, offset: offsets[start])
    }

    private mutating func binding() throws(FormulaError) -> FormulaCheckBlock.Binding {
        skipSpaces()
        let start = i
        var depth = 0
        while i < characters.count {
            let c = characters[i]
            if c == "{" { depth += 1 } else if c == "}" { if depth == 0 { break }; depth -= 1 }
            if c == "=" && depth == 0 { break }
            i += 1
        }
        let tex = String(characters[start..<i]).trimmingSpaces
        guard take("=") else { throw error("expected TeX = Swift in a where clause", at: start) }
        guard !tex.isEmpty else { throw error("a binding needs the TeX it binds before =", at: start) }
        let expression: FormulaExpression
        do {
            expression = try FormulaParser.expression(tex)
        } catch {
            throw self.error(error.message, at: start, plus: error.offset)
        }
        skipSpaces()
        let swiftStart = i
        try skipSwiftExpression()
        let swift = String(characters[swiftStart..<i]).trimmingSpaces
        guard !swift.isEmpty else { throw error("\(tex) = needs a Swift expression", at: swiftStart) }
        return .init(tex: tex, expression: expression, swift: swift, offset: offsets[start])
    }

    /// Moves past a Swift expression: up to a top-level `,`, `}`, `for` or `tolerance`.
    private mutating func skipSwiftExpression() throws(FormulaError) {
        var stack: [Character] = []
        let pairs: [Character: Character] = ["(": ")", "[": "]", "{": "}"]
        while i < characters.count {
            let c = characters[i]
            if stack.isEmpty, c == "," || c == "}" || atWord("for") || atWord("tolerance") { return }
            if c == "\"" {
                i += 1
                while i < characters.count, characters[i] != "\"" { i += characters[i] == "\\" ? 2 : 1 }
                guard i < characters.count else { throw error("unterminated string literal", at: i) }
            } else if let close = pairs[c] {
                stack.append(close)
            } else if c == stack.last {
                stack.removeLast()
            } else if c == ")" || c == "]" {
                throw error("unbalanced \(c)", at: i)
            }
            i += 1
        }
        if !stack.isEmpty { throw error("expected \(stack.last!) in the Swift expression", at: i) }
    }

    // MARK: Characters

    private mutating func number() -> Double? {
        let start = i
        if i < characters.count, characters[i] == "-" || characters[i] == "+" { i += 1 }
        var digits = 0
        while i < characters.count, characters[i].isASCII, characters[i].isNumber { i += 1; digits += 1 }
        // A decimal point, unless it starts the `...` of a range.
        if i + 1 < characters.count, characters[i] == ".", characters[i + 1] != "." {
            i += 1
            while i < characters.count, characters[i].isASCII, characters[i].isNumber { i += 1; digits += 1 }
        }
        guard digits > 0 else { i = start; return nil }
        if i < characters.count, characters[i] == "e" || characters[i] == "E" {
            let mark = i
            i += 1
            if i < characters.count, characters[i] == "-" || characters[i] == "+" { i += 1 }
            var exponentDigits = 0
            while i < characters.count, characters[i].isASCII, characters[i].isNumber { i += 1; exponentDigits += 1 }
            if exponentDigits == 0 { i = mark }
        }
        return Double(String(characters[start..<i]))
    }

    private mutating func word() -> String {
        let start = i
        while i < characters.count, characters[i].isASCII, characters[i].isLetter { i += 1 }
        return String(characters[start..<i])
    }

    /// Whether the word `w` starts here (and is a whole word, preceded by a non-letter).
    private func atWord(_ w: String) -> Bool {
        let letters = Array(w)
        guard i + letters.count <= characters.count, Array(characters[i..<(i + letters.count)]) == letters else { return false }
        let before = i == 0 ? " " : characters[i - 1]
        let after = i + letters.count < characters.count ? characters[i + letters.count] : " "
        return !(before.isLetter || before.isNumber || before == "\\" || before == "_") && !(after.isLetter || after.isNumber || after == "_")
    }

    private mutating func skipSpaces() {
        while i < characters.count, characters[i] == " " || characters[i] == "\t" { i += 1 }
    }

    private mutating func take(_ c: Character) -> Bool {
        guard i < characters.count, characters[i] == c else { return false }
        i += 1
        return true
    }

    private mutating func takeComma() -> Bool {
        skipSpaces()
        return take(",")
    }

    private func error(_ message: String, at index: Int, plus bytes: Int = 0) -> FormulaError {
        FormulaError(message, at: offsets[min(index, characters.count)] + bytes, inCheckBlock: true)
    }
}

extension String {
    var trimmingSpaces: String {
        var s = Substring(self)
        while let f = s.first, f == " " || f == "\t" { s.removeFirst() }
        while let l = s.last, l == " " || l == "\t" { s.removeLast() }
        return String(s)
    }
}
