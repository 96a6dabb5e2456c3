/// Prints a formula's tree back as text, in one of three styles.
///
/// - `tex`: TeX that parses back to the same tree (delimiter sizes, fraction commands and transpose
///   spellings as written; spacing commands dropped).
/// - `canonical`: TeX with sizes, fonts' spelling and spacing normalised, used as the key that
///   matches a binding's TeX (`W^{1}`, `W^1` and `W^{ 1 }` print alike).
/// - `readable`: for messages, with Greek letters, operators and accents in Unicode:
///   `\theta_t - \eta\, g_t` prints as `θ_t - η g_t`.
public enum FormulaPrinter {
    public enum Style: Sendable { case tex, canonical, readable }

    /// An expression as text in `style`.
    public static func print(_ e: FormulaExpression, _ style: Style = .tex) -> String {
        Printer(style: style).print(e)
    }

    /// A name as text in `style`: `\\theta_t`, or `θ_t` when readable.
    public static func print(_ s: FormulaSymbol, _ style: Style = .tex) -> String {
        Printer(style: style).symbol(s)
    }

    /// The sides of a formula joined by ` = `.
    public static func print(_ formula: CheckedFormula, _ style: Style = .tex) -> String {
        formula.sides.map { print($0, style) }.joined(separator: " = ")
    }
}

private struct Printer {
    let style: FormulaPrinter.Style
    var readable: Bool { style == .readable }

    func print(_ e: FormulaExpression) -> String {
        switch e.kind {
        case .number(let text):
            return text
        case .symbol(let s):
            return symbol(s)
        case .negation(let operand):
            // Only an edited formula has a sum right under a minus: print it as -(a + b).
            if case .binary(let op, _, _) = operand.kind, !op.isMultiplicative { return "-(" + print(operand) + ")" }
            return "-" + print(operand)
        case .binary(let op, let lhs, let rhs):
            let (l, r) = (print(lhs), print(rhs))
            return l + joiner(op, l, r) + r
        case .fraction(let numerator, let denominator, let command):
            if readable { return wrapped(numerator) + "/" + wrapped(denominator) }
            return "\\\(style == .canonical ? "frac" : command){\(print(numerator))}{\(print(denominator))}"
        case .power(let base, let exponent):
            return print(base) + "^" + script(exponent)
        case .transpose(let base, let spelling):
            if readable { return print(base) + "ᵀ" }
            if style == .canonical { return print(base) + "^{\\top}" }
            let bare = spelling.count == 1 || (spelling.hasPrefix("\\") && spelling.dropFirst().allSatisfy(\.isLetter))
            return print(base) + "^" + (bare ? spelling : "{\(spelling)}")
        case .root(let radicand, let index):
            if readable { return (index.map(print) ?? "") + "√" + wrapped(radicand) }
            return "\\sqrt" + (index.map { "[\(print($0))]" } ?? "") + "{\(print(radicand))}"
        case .function(let function, let base, let power, let arguments, let delimiter):
            var text = readable ? function.rawValue : "\\" + function.rawValue
            if let base { text += "_" + script(base) }
            if let power { text += "^" + script(power) }
            if let delimiter {
                return text + enclose(arguments.map(print).joined(separator: ", "), delimiter)
            }
            return text + " " + print(arguments[0])
        case .call(let s, let arguments, let delimiter):
            return symbol(s) + enclose(arguments.map(print).joined(separator: ", "), delimiter)
        case .group(let inner, let delimiter), .absolute(let inner, let delimiter):
            return enclose(print(inner), delimiter)
        case .norm(let inner, let delimiter):
            if readable { return "‖" + print(inner) + "‖" }
            return enclose(print(inner), delimiter)
        case .bigOperator(let op, let index, let lower, let upper, let body):
            var text = readable ? (op == .sum ? "∑" : "∏") : "\\" + op.rawValue
            if let lower, let upper {
                text += "_{\(symbol(index))=\(print(lower))}^" + script(upper)
            } else {
                text += "_" + (readable ? symbol(index) : "{\(symbol(index))}")
            }
            return text + " " + print(body)
        }
    }

    func symbol(_ s: FormulaSymbol) -> String {
        var text: String
        switch s.base {
        case .latin(let letter):
            text = letter
        case .greek(let name):
            text = readable ? GreekLetters.table[name]!.letter : "\\" + name
        case .word(let word, let command):
            text = readable ? word : "\\\(style == .canonical ? "mathrm" : command){\(word)}"
        case .command(let name):
            text = readable ? (["partial": "∂", "nabla": "∇", "ell": "ℓ"][name] ?? name) : "\\" + name
        case .function(let name):
            text = readable ? name : "\\" + name
        }
        if let font = s.font, style == .tex { text = "\\\(font){\(text)}" }
        if let accent = s.accent {
            if readable {
                let marks = ["hat": "\u{0302}", "widehat": "\u{0302}", "bar": "\u{0304}", "overline": "\u{0304}",
                             "tilde": "\u{0303}", "widetilde": "\u{0303}", "vec": "\u{20D7}", "dot": "\u{0307}", "ddot": "\u{0308}"]
                text += marks[accent] ?? ""
            } else {
                text = "\\\(accent){\(text)}"
            }
        }
        text += String(repeating: "'", count: s.primes)
        if let sub = s.subscript { text += "_" + script(sub) }
        return text
    }

    /// A sub- or superscript: one character bare, anything else in braces.
    private func script(_ e: FormulaExpression) -> String {
        var text = print(e)
        if readable { text = text.replacingOccurrences(of: " + ", with: "+").replacingOccurrences(of: " - ", with: "-") }
        if text.count == 1 { return text }
        if readable, case .symbol = e.kind, !text.contains("_") { return text.count <= 2 ? text : "{\(text)}" }
        return "{\(text)}"
    }

    private func joiner(_ op: FormulaOperator, _ l: String, _ r: String) -> String {
        switch op {
        case .implicit:
            // Two numbers side by side would read as one: 2\,3.
            if let last = l.last, let first = r.first, last.isNumber, first.isNumber || first == "." {
                return readable ? " · " : "\\,"
            }
            return readable && r.hasPrefix("(") ? "" : " "
        case .cdot: return readable ? " · " : " \\cdot "
        case .times: return readable ? " × " : " \\times "
        case .odot: return readable ? " ⊙ " : " \\odot "
        case .divide: return "/"
        case .plus, .minus: return " \(op.rawValue) "
        }
    }

    private func enclose(_ text: String, _ delimiter: FormulaDelimiter) -> String {
        if readable || style == .canonical {
            let plain = ["\\lvert": "|", "\\rvert": "|", "\\vert": "|", "\\lVert": "‖", "\\rVert": "‖", "\\|": "‖", "\\Vert": "‖"]
            if readable { return (plain[delimiter.open] ?? delimiter.open) + text + (plain[delimiter.close] ?? delimiter.close) }
            let canonicalBars = ["\\lvert": "|", "\\rvert": "|", "\\vert": "|", "\\|": "\\lVert", "\\Vert": "\\lVert"]
            let open = canonicalBars[delimiter.open] ?? delimiter.open
            let close = open == "\\lVert" ? "\\rVert" : (canonicalBars[delimiter.close] ?? delimiter.close)
            return open + Self.separated(open, text) + close
        }
        let tex = delimiter.tex
        return tex.open + Self.separated(tex.open, text) + tex.close
    }

    /// `text` after `open`, with a space when `open` is a command that would run into it (`\lVert y`).
    private static func separated(_ open: String, _ text: String) -> String {
        guard let last = open.last, last.isLetter, open.contains("\\"), let first = text.first, first.isLetter else { return text }
        return " " + text
    }

    /// For readable fractions: parenthesised unless a single name, number or bracketed thing.
    private func wrapped(_ e: FormulaExpression) -> String {
        switch e.kind {
        case .number, .symbol, .call, .group, .absolute, .norm, .power:
            return print(e)
        case .function(_, _, _, _, let delimiter) where delimiter != nil:
            return print(e)
        default:
            return "(" + print(e) + ")"
        }
    }
}
