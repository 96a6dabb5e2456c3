/// A recursive-descent parser for the TeX subset of checked formulas (see `CheckedFormula`).
///
/// Grammar, loosest first (spacing commands such as `\,` `\quad` are dropped before parsing):
///
///     chain    := sum ("=" sum)*  [ "." | "," ]
///     sum      := ["+" | "-"] product (("+" | "-") product)*
///     product  := juxtaposed (("\cdot" | "\times" | "/" | "\odot") ["-"] juxtaposed)*
///     juxtaposed := factor factor*                       (implicit multiplication)
///     factor   := primary ("_" arg | "'" | "(" args ")" | "^" arg)*
///     primary  := number | letter | \greek | \mathrm{word} | \hat arg | \frac arg arg
///               | \sqrt[n] arg | \exp … \max (args or one factor) | \sum_{i=1}^{n} product
///               | ( sum ) | [ sum ] | | sum | | \lVert sum \rVert | \left( sum \right) | \bigl( sum \bigr) | { sum }
///     arg      := "{" sum "}" | one character or command
///
/// So implicit multiplication binds tighter than `\cdot` and `/` (`a / 2b` is a/(2b)), the body of
/// `\sum` is the product that follows it (up to the next `+`, `-` or `=`), and, as in TeX, `\frac12`
/// is ½ and `x^23` is x²·3.
struct FormulaParser {
    private var tokens: [FormulaToken]
    private var position = 0
    private let source: [UInt8]
    private let end: Int
    /// Inside `| … |` a bar closes instead of opening; likewise `\|` inside `\| … \|`.
    private var closingBars: [String] = []

    init(_ tex: String) throws(FormulaError) {
        tokens = try FormulaLexer.tokens(tex).filter { !Self.isLayoutOnly($0) }
        end = tex.utf8.count
        source = Array(tex.utf8)
    }

    /// The sides of `a = b = c`.
    static func chain(_ tex: String) throws(FormulaError) -> [FormulaExpression] {
        var parser = try FormulaParser(tex)
        guard !parser.tokens.isEmpty else { throw FormulaError("the formula is empty", at: 0) }
        var sides = [try parser.sum()]
        while parser.take("=") { sides.append(try parser.sum()) }
        if parser.position == parser.tokens.count - 1, parser.peekIs(".") || parser.peekIs(",") { parser.position += 1 }
        try parser.expectEnd()
        return sides
    }

    /// One expression, as in a binding's TeX (`\theta_{t+1}`) or a `for` variable.
    static func expression(_ tex: String) throws(FormulaError) -> FormulaExpression {
        var parser = try FormulaParser(tex)
        guard !parser.tokens.isEmpty else { throw FormulaError("expected TeX", at: 0) }
        let expression = try parser.sum()
        try parser.expectEnd()
        return expression
    }

    // MARK: Levels

    private mutating func sum() throws(FormulaError) -> FormulaExpression {
        let start = offset
        var lhs: FormulaExpression
        if take("-") {
            lhs = FormulaExpression(.negation(try product()), at: start)
        } else {
            _ = take("+")
            lhs = try product()
        }
        while let op: FormulaOperator = peekIs("+") ? .plus : (peekIs("-") ? .minus : nil) {
            position += 1
            lhs = FormulaExpression(.binary(op, lhs, try product()), at: lhs.offset)
        }
        return lhs
    }

    private mutating func product() throws(FormulaError) -> FormulaExpression {
        var lhs = try juxtaposed()
        while let op = explicitProductOperator() {
            position += 1
            let start = offset
            let rhs = take("-") ? FormulaExpression(.negation(try juxtaposed()), at: start) : try juxtaposed()
            lhs = FormulaExpression(.binary(op, lhs, rhs), at: lhs.offset)
        }
        return lhs
    }

    private func explicitProductOperator() -> FormulaOperator? {
        guard let token = peek else { return nil }
        switch token.kind {
        case .command("cdot"): return .cdot
        case .command("times"): return .times
        case .command("odot"): return .odot
        case .character("/"): return .divide
        default: return nil
        }
    }

    private mutating func juxtaposed() throws(FormulaError) -> FormulaExpression {
        var lhs = try factor()
        while canStartFactor {
            lhs = FormulaExpression(.binary(.implicit, lhs, try factor()), at: lhs.offset)
        }
        return lhs
    }

    private mutating func factor() throws(FormulaError) -> FormulaExpression {
        var node = try primary()
        while let token = peek {
            if token.isCharacter("_"), case .power(let base, let exponent) = node.kind,
               case .symbol(var symbol) = base.kind, symbol.subscript == nil {
                // w^{a}_j is w_j^{a}, as TeX typesets it.
                position += 1
                symbol.subscript = try argument()
                node.kind = .power(FormulaExpression(.symbol(symbol), at: base.offset), exponent)
            } else if token.isCharacter("_") {
                guard case .symbol(var symbol) = node.kind else {
                    throw FormulaError("a subscript is supported only on a name (x_i, \\theta_t)", at: token.offset)
                }
                guard symbol.subscript == nil else { throw FormulaError("double subscript", at: token.offset) }
                position += 1
                symbol.subscript = try argument()
                node.kind = .symbol(symbol)
            } else if token.isCharacter("'") {
                guard case .symbol(var symbol) = node.kind else {
                    throw FormulaError("a prime is supported only on a name (\\sigma')", at: token.offset)
                }
                position += 1
                symbol.primes += 1
                node.kind = .symbol(symbol)
            } else if case .symbol(let symbol) = node.kind, let delimiter = openingParenthesis() {
                let arguments = try delimitedList(delimiter)
                node = FormulaExpression(.call(symbol, arguments: arguments, delimiter: delimiter), at: node.offset)
            } else if token.isCharacter("^") {
                position += 1
                node = try superscript(on: node)
            } else if token.isCharacter("!") {
                throw FormulaError("! (factorial) is not supported in a checked formula", at: token.offset)
            } else {
                break
            }
        }
        return node
    }

    private mutating func superscript(on base: FormulaExpression) throws(FormulaError) -> FormulaExpression {
        if let spelling = transposeMark() {
            return FormulaExpression(.transpose(base, spelling: spelling), at: base.offset)
        }
        return FormulaExpression(.power(base, try argument()), at: base.offset)
    }

    /// `^\top`, `^T`, `^{\top}`, `^{T}`, `^\intercal`, `^{\mathsf T}`, `^\mathsf{T}`: consumed, with
    /// their spelling. (A capital T as exponent is always a transpose, as the docs say.)
    private mutating func transposeMark() -> String? {
        let marks: [[FormulaToken.Kind]] = [
            [.command("top")], [.command("intercal")], [.letter("T")],
            [.command("mathsf"), .letter("T")], [.command("mathsf"), .character("{"), .letter("T"), .character("}")],
            [.command("mathrm"), .character("{"), .letter("T"), .character("}")],
        ]
        for mark in marks {
            for braced in [false, true] {
                let kinds = braced ? [.character("{")] + mark + [.character("}")] : mark
                guard position + kinds.count <= tokens.count,
                      zip(tokens[position...], kinds).allSatisfy({ $0.kind == $1 }) else { continue }
                let spelling = tokens[position..<(position + kinds.count)].map(\.text)
                position += kinds.count
                let inner = braced ? spelling.dropFirst().dropLast() : spelling[...]
                return inner.count == 1 ? inner.first! : inner.joined(separator: inner.first == "\\mathsf" && inner.count == 2 ? " " : "")
            }
        }
        return nil
    }

    // MARK: Primaries

    private mutating func primary() throws(FormulaError) -> FormulaExpression {
        guard let token = peek else { throw FormulaError("the formula ends where a value was expected", at: end) }
        let start = token.offset
        switch token.kind {
        case .number(let text):
            position += 1
            return FormulaExpression(.number(text), at: start)
        case .letter(let letter):
            position += 1
            return FormulaExpression(.symbol(FormulaSymbol(base: .latin(letter))), at: start)
        case .character("("), .character("["):
            let delimiter = FormulaDelimiter(open: token.text, close: token.text == "(" ? ")" : "]")
            position += 1
            return FormulaExpression(.group(try enclosed(delimiter), delimiter: delimiter), at: start)
        case .character("{"):
            position += 1
            let inner = try sum()
            try expect("}")
            return inner
        case .character("|"):
            position += 1
            let delimiter = FormulaDelimiter(open: "|", close: "|")
            return FormulaExpression(.absolute(try enclosed(delimiter), delimiter: delimiter), at: start)
        case .command(let name):
            return try command(name, token)
        case .character(let c):
            throw FormulaError(c == "=" ? "= needs a value on each side" : "unexpected \(c)", at: start)
        }
    }

    private mutating func command(_ name: String, _ token: FormulaToken) throws(FormulaError) -> FormulaExpression {
        let start = token.offset
        if GreekLetters.isGreek(name) || Self.symbolCommands.contains(name) {
            position += 1
            return FormulaExpression(.symbol(FormulaSymbol(base: GreekLetters.isGreek(name) ? .greek(name) : .command(name))), at: start)
        }
        if let function = FormulaFunction(rawValue: name) {
            position += 1
            // \tanh' is a name (the derivative), applied like any symbol.
            if peekIs("'") { return FormulaExpression(.symbol(FormulaSymbol(base: .function(name))), at: start) }
            return try functionApplication(function, at: start)
        }
        switch name {
        case "frac", "dfrac", "tfrac", "cfrac":
            position += 1
            let numerator = try argument()
            let denominator = try argument()
            return FormulaExpression(.fraction(numerator, denominator, command: name), at: start)
        case "sqrt":
            position += 1
            var index: FormulaExpression?
            if take("[") {
                index = try sum()
                try expect("]")
            }
            return FormulaExpression(.root(try argument(), index: index), at: start)
        case "sum", "prod":
            position += 1
            return try bigOperator(name == "sum" ? .sum : .prod, at: start)
        case "left", "big", "Big", "bigg", "Bigg", "bigl", "Bigl", "biggl", "Biggl", "bigm", "Bigm":
            position += 1
            let size = name == "left" ? "left" : String(name.hasSuffix("l") || name.hasSuffix("m") ? name.dropLast() : name[...])
            return try sized(size, at: start)
        case "lvert", "vert":
            position += 1
            let delimiter = FormulaDelimiter(open: "\\" + name, close: name == "vert" ? "\\vert" : "\\rvert")
            return FormulaExpression(.absolute(try enclosed(delimiter), delimiter: delimiter), at: start)
        case "lVert", "Vert", "|":
            position += 1
            let delimiter = FormulaDelimiter(open: "\\" + name, close: name == "lVert" ? "\\rVert" : "\\" + name)
            return FormulaExpression(.norm(try enclosed(delimiter), delimiter: delimiter), at: start)
        case "mathrm", "operatorname", "text", "textrm", "textit", "mathit", "mathsf", "mathbf", "boldsymbol", "bm", "mathcal", "mathbb":
            position += 1
            return FormulaExpression(.symbol(try fontSymbol(name)), at: start)
        case "hat", "bar", "tilde", "vec", "dot", "ddot", "widehat", "widetilde", "overline":
            position += 1
            let argument = try self.argument()
            guard case .symbol(var symbol) = argument.kind, symbol.accent == nil else {
                throw FormulaError("\\\(name) is supported only on a letter (\\\(name) y)", at: start)
            }
            symbol.accent = name
            return FormulaExpression(.symbol(symbol), at: start)
        default:
            let hint = Self.relations.contains(name) ? " (only = chains are checked)" : ""
            var construct = "\\" + name
            if name == "begin", position + 3 < tokens.count, tokens[position + 1].isCharacter("{") {
                // \begin{cases}: name the environment.
                let words = tokens[(position + 2)...].prefix { !$0.isCharacter("}") }.map(\.text).joined()
                construct += "{\(words)}"
            }
            throw FormulaError("\(construct) is not supported in a checked formula\(hint)", at: start)
        }
    }

    /// `\exp(x)`, `\log_2(x)`, `\tanh^2(x)`, `\max(0, x)`, `\ln p`.
    private mutating func functionApplication(_ function: FormulaFunction, at start: Int) throws(FormulaError) -> FormulaExpression {
        var base: FormulaExpression?
        var power: FormulaExpression?
        while let token = peek, token.isCharacter("_") || token.isCharacter("^") {
            position += 1
            if token.isCharacter("_") {
                guard function == .log, base == nil else {
                    throw FormulaError("a subscript on \\\(function.rawValue) is not supported in a checked formula", at: token.offset)
                }
                base = try argument()
            } else {
                guard power == nil else { throw FormulaError("double superscript", at: token.offset) }
                power = try argument()
            }
        }
        if let delimiter = openingParenthesis() {
            let arguments = try delimitedList(delimiter)
            if arguments.count > 1, !function.takesSeveralArguments {
                throw FormulaError("\\\(function.rawValue) takes one argument", at: start)
            }
            return FormulaExpression(.function(function, base: base, power: power, arguments: arguments, delimiter: delimiter), at: start)
        }
        guard !function.takesSeveralArguments else {
            throw FormulaError("\\\(function.rawValue) needs its arguments in parentheses", at: start)
        }
        guard canStartFactor else { throw FormulaError("\\\(function.rawValue) needs an argument", at: start) }
        let argument = try factor()
        return FormulaExpression(.function(function, base: base, power: power, arguments: [argument], delimiter: nil), at: start)
    }

    /// `\sum_{i=1}^{n} body`, `\sum_i body`, `\prod_{k=1}^{K} body` (limits in either order).
    private mutating func bigOperator(_ op: FormulaBigOperator, at start: Int) throws(FormulaError) -> FormulaExpression {
        var index: FormulaSymbol?
        var lower: FormulaExpression?
        var upper: FormulaExpression?
        while let token = peek, token.isCharacter("_") || token.isCharacter("^") {
            position += 1
            if token.isCharacter("_") {
                guard index == nil else { throw FormulaError("double subscript", at: token.offset) }
                let braced = take("{")
                let indexStart = offset
                guard case .symbol(let symbol) = try primary().kind, symbol.subscript == nil else {
                    throw FormulaError("\\\(op.rawValue) needs an index such as i: \\\(op.rawValue)_{i=1}^{n}", at: indexStart)
                }
                index = symbol
                if braced {
                    if take("=") { lower = try sum() }
                    try expect("}")
                }
            } else {
                guard upper == nil else { throw FormulaError("double superscript", at: token.offset) }
                upper = try argument()
            }
        }
        guard let index else {
            throw FormulaError("\\\(op.rawValue) needs an index and bounds: \\\(op.rawValue)_{i=1}^{n}", at: start)
        }
        guard (lower == nil) == (upper == nil) else {
            throw FormulaError("\\\(op.rawValue) needs both bounds (\\\(op.rawValue)_{i=1}^{n}) or none (\\\(op.rawValue)_i)", at: start)
        }
        guard canStartFactor else { throw FormulaError("\\\(op.rawValue) needs a body", at: start) }
        let body = try product()
        return FormulaExpression(.bigOperator(op, index: index, lower: lower, upper: upper, body: body), at: start)
    }

    /// After `\left` or `\bigl`: the delimiter, the enclosed sum, the matching closer.
    private mutating func sized(_ size: String, at start: Int) throws(FormulaError) -> FormulaExpression {
        guard let token = peek else { throw FormulaError("\\\(size) needs a delimiter", at: start) }
        position += 1
        let pairs: [String: (close: String, kind: String)] = [
            "(": (")", "group"), "[": ("]", "group"), "|": ("|", "abs"), "\\lvert": ("\\rvert", "abs"),
            "\\vert": ("\\vert", "abs"), "\\lVert": ("\\rVert", "norm"), "\\|": ("\\|", "norm"), "\\Vert": ("\\Vert", "norm"),
        ]
        guard let pair = pairs[token.text] else {
            throw FormulaError("\\\(size == "left" ? "left" : size + "l")\(token.text) is not supported in a checked formula", at: token.offset)
        }
        let delimiter = FormulaDelimiter(size: size, open: token.text, close: pair.close)
        let inner = try enclosed(delimiter)
        switch pair.kind {
        case "abs": return FormulaExpression(.absolute(inner, delimiter: delimiter), at: start)
        case "norm": return FormulaExpression(.norm(inner, delimiter: delimiter), at: start)
        default: return FormulaExpression(.group(inner, delimiter: delimiter), at: start)
        }
    }

    /// `\mathrm{ReLU}` is a word; `\mathbf{W}` and `\boldsymbol{\theta}` are the letter in a font.
    private mutating func fontSymbol(_ command: String) throws(FormulaError) -> FormulaSymbol {
        let start = offset
        var parts: [FormulaToken] = []
        var raw: String?
        if take("{") {
            let textStart = offset
            while let token = peek, !token.isCharacter("}") {
                guard !token.isCharacter("{") else { throw FormulaError("\\\(command){…} cannot hold braces in a checked formula", at: token.offset) }
                parts.append(token)
                position += 1
            }
            raw = String(decoding: source[textStart..<offset], as: UTF8.self).trimmingSpaces
            try expect("}")
        } else if let token = peek {
            parts = [token]
            position += 1
        }
        if parts.count == 1, command != "mathrm" && command != "operatorname" && command != "text" && command != "textrm" {
            switch parts[0].kind {
            case .letter(let l): return FormulaSymbol(base: .latin(l), font: command)
            case .command(let g) where GreekLetters.isGreek(g): return FormulaSymbol(base: .greek(g), font: command)
            default: break
            }
        }
        // The text as written (`\mathrm{DCG@}`, `\text{true class}`): a name that may need a binding.
        let word = raw ?? parts.map(\.text).joined()
        guard !word.isEmpty else { throw FormulaError("\\\(command){} is empty", at: start) }
        if parts.count == 1, case .letter(let l) = parts[0].kind, command != "text", command != "textrm" {
            return FormulaSymbol(base: .latin(l), font: command)
        }
        return FormulaSymbol(base: .word(word, command: command))
    }

    // MARK: Arguments and delimiters

    /// A TeX argument: `{…}` (any sum), or one token: a digit (`\frac12`), a letter, a Greek letter.
    private mutating func argument() throws(FormulaError) -> FormulaExpression {
        guard let token = peek else { throw FormulaError("the formula ends where an argument was expected", at: end) }
        switch token.kind {
        case .character("{"):
            position += 1
            let inner = try sum()
            try expect("}")
            return inner
        case .number(let text) where text.count > 1:
            // TeX takes one character: \frac12 is ½. Leave the rest as a token of its own.
            let first = String(text.first!)
            let rest = String(text.dropFirst())
            tokens[position] = FormulaToken(kind: .number(rest), offset: token.offset + 1, text: rest)
            return FormulaExpression(.number(first), at: token.offset)
        case .number, .letter, .command:
            return try primary()
        case .character(let c):
            throw FormulaError("unexpected \(c) where an argument was expected", at: token.offset)
        }
    }

    /// The sum between `delimiter.open` (already taken) and its closer.
    private mutating func enclosed(_ delimiter: FormulaDelimiter) throws(FormulaError) -> FormulaExpression {
        closingBars.append(delimiter.close)
        defer { closingBars.removeLast() }
        let inner = try sum()
        try close(delimiter)
        return inner
    }

    /// A comma-separated list between `delimiter.open` (already taken) and its closer.
    private mutating func delimitedList(_ delimiter: FormulaDelimiter) throws(FormulaError) -> [FormulaExpression] {
        closingBars.append(delimiter.close)
        defer { closingBars.removeLast() }
        var items = [try sum()]
        while take(",") { items.append(try sum()) }
        try close(delimiter)
        return items
    }

    private mutating func close(_ delimiter: FormulaDelimiter) throws(FormulaError) {
        let at = offset
        if peekIs("=") {
            throw FormulaError("= is supported only between the sides of a checked formula, not inside \(delimiter.tex.open) \(delimiter.tex.close)", at: at)
        }
        if let size = delimiter.size {
            let closers = size == "left" ? ["right"] : [size + "r", size]
            guard let token = peek, case .command(let name) = token.kind, closers.contains(name) else {
                throw FormulaError("expected \(delimiter.tex.close) to close \(delimiter.tex.open)", at: at)
            }
            position += 1
        }
        guard let token = peek, token.text == delimiter.close || (delimiter.close == ")" && token.isCharacter(")")) else {
            throw FormulaError("expected \(delimiter.tex.close) to close \(delimiter.tex.open)", at: at)
        }
        position += 1
    }

    /// `(`, `\left(` or `\bigl(` (and the other sizes) next: consumed, with its delimiter.
    private mutating func openingParenthesis() -> FormulaDelimiter? {
        guard let token = peek else { return nil }
        if token.isCharacter("(") {
            position += 1
            return .parentheses
        }
        let sizes = ["left": "left", "bigl": "big", "Bigl": "Big", "biggl": "bigg", "Biggl": "Bigg", "big": "big", "Big": "Big"]
        if case .command(let name) = token.kind, let size = sizes[name],
           position + 1 < tokens.count, tokens[position + 1].isCharacter("(") {
            position += 2
            return FormulaDelimiter(size: size, open: "(", close: ")")
        }
        return nil
    }

    // MARK: Tokens

    private var peek: FormulaToken? { position < tokens.count ? tokens[position] : nil }
    private var offset: Int { peek?.offset ?? end }

    private func peekIs(_ c: Character) -> Bool { peek?.isCharacter(c) ?? false }

    private mutating func take(_ c: Character) -> Bool {
        guard peekIs(c) else { return false }
        position += 1
        return true
    }

    private mutating func expect(_ c: Character) throws(FormulaError) {
        guard take(c) else {
            let found = peek.map { "found \($0.text)" } ?? "the formula ends"
            throw FormulaError("expected \(c), \(found)", at: offset)
        }
    }

    private func expectEnd() throws(FormulaError) {
        guard let token = peek else { return }
        if token.isCharacter(",") {
            throw FormulaError("a checked formula is one = chain: put the part after this comma in a formula of its own", at: token.offset)
        }
        if case .command(let name) = token.kind, Self.relations.contains(name) {
            throw FormulaError("\\\(name) is not supported in a checked formula (only = chains are checked)", at: token.offset)
        }
        throw FormulaError("unexpected \(token.text)", at: token.offset)
    }

    /// Whether the next token can begin a factor of an implicit product.
    private var canStartFactor: Bool {
        guard let token = peek else { return false }
        switch token.kind {
        case .number, .letter: return true
        case .character("("), .character("["), .character("{"): return true
        case .character("|"): return closingBars.last != "|"
        case .command(let name):
            if name == "|" { return closingBars.last != "\\|" }
            if name == "vert" { return closingBars.last != "\\vert" }
            if name == "Vert" { return closingBars.last != "\\Vert" }
            return !Self.nonFactorCommands.contains(name) && !Self.relations.contains(name)
        default: return false
        }
    }

    /// Commands that end a factor rather than start one.
    private static let nonFactorCommands: Set<String> = [
        "cdot", "times", "odot", "right", "bigr", "Bigr", "biggr", "Biggr", "rvert", "rVert", "top", "intercal",
    ]

    /// Relations and arrows: not part of a checked formula.
    private static let relations: Set<String> = [
        "le", "leq", "ge", "geq", "approx", "neq", "ne", "in", "sim", "propto", "equiv", "leftarrow", "rightarrow",
        "to", "gets", "mapsto", "Rightarrow", "implies", "iff", "lt", "gt", "ll", "gg", "coloneqq",
    ]

    /// Symbol commands that are names but not Greek letters; usable inside bound expressions.
    private static let symbolCommands: Set<String> = ["partial", "nabla", "ell"]

    /// Spacing and style commands that change only the layout.
    private static func isLayoutOnly(_ token: FormulaToken) -> Bool {
        switch token.kind {
        case .command(let name):
            return [",", ";", ":", "!", " ", "quad", "qquad", "enspace", "thinspace", "medspace", "thickspace",
                    "negthinspace", "displaystyle", "textstyle", "limits", "nolimits"].contains(name)
        case .character("~"):
            return true
        default:
            return false
        }
    }
}
