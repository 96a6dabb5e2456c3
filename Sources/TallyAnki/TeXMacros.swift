import TallyDocument

/// Page-wide TeX macros for Anki fields. A page may define `\newcommand{\R}{\mathbb{R}}` (or `\renewcommand`,
/// `\def\R{…}`, with arguments `[2]` / `#1#2`) in one formula and use `\R` in later ones; KaTeX on the site keeps
/// such definitions for the whole page, but each Anki card is typeset alone, so a card's formulas get the
/// macros defined earlier on its page expanded in place. (Tally's own small expander: the macro syntax of
/// TeX's `\def` and LaTeX's `\newcommand`, without optional-argument defaults.)
struct TeXMacros {
    private struct Macro {
        var arguments: Int
        var body: [Character]
    }

    private var macros: [String: Macro] = [:]
    private static let definitionCommands: Set<String> = ["newcommand", "renewcommand", "providecommand", "def"]

    var isEmpty: Bool { macros.isEmpty }

    /// Records every definition in `tex`.
    mutating func define(from tex: String) {
        let chars = Array(tex)
        var i = 0
        while i < chars.count {
            guard chars[i] == "\\" else { i += 1; continue }
            let (command, afterCommand) = Self.controlSequence(chars, at: i)
            i = afterCommand
            switch command {
            case "newcommand", "renewcommand", "providecommand":
                var j = Self.skipSpaces(chars, from: i)
                var name: String?
                if j < chars.count, chars[j] == "{", let group = Self.group(chars, at: j) {
                    name = String(chars[(j + 1)..<(group - 1)]).trimmingWhitespace()
                    j = group
                } else if j < chars.count, chars[j] == "\\" {
                    let (n, end) = Self.controlSequence(chars, at: j)
                    name = "\\" + n
                    j = end
                }
                j = Self.skipSpaces(chars, from: j)
                var count = 0
                if j < chars.count, chars[j] == "[", let close = chars[j...].firstIndex(of: "]") {
                    count = Int(String(chars[(j + 1)..<close]).trimmingWhitespace()) ?? 0
                    j = Self.skipSpaces(chars, from: close + 1)
                }
                guard let name, name.hasPrefix("\\"), j < chars.count, chars[j] == "{", let end = Self.group(chars, at: j)
                else { continue }
                if command != "providecommand" || macros[String(name.dropFirst())] == nil {
                    macros[String(name.dropFirst())] = Macro(arguments: count, body: Array(chars[(j + 1)..<(end - 1)]))
                }
                i = end
            case "def":
                var j = Self.skipSpaces(chars, from: i)
                guard j < chars.count, chars[j] == "\\" else { continue }
                let (name, afterName) = Self.controlSequence(chars, at: j)
                j = afterName
                var count = 0
                while j + 1 < chars.count, chars[j] == "#", let digit = chars[j + 1].wholeNumberValue { count = max(count, digit); j += 2 }
                guard j < chars.count, chars[j] == "{", let end = Self.group(chars, at: j) else { continue }
                macros[name] = Macro(arguments: count, body: Array(chars[(j + 1)..<(end - 1)]))
                i = end
            default:
                continue
            }
        }
    }

    /// `tex` with every use of a known macro replaced by its body (arguments substituted), repeatedly for macros
    /// that use others, at most 32 rounds (a macro that uses itself stops there). Definitions are left as they are.
    func expand(_ tex: String) -> String {
        guard !macros.isEmpty, tex.contains("\\") else { return tex }
        var current = Array(tex)
        for _ in 0..<32 {
            var out: [Character] = []
            var changed = false
            var i = 0
            var definesNext = false
            while i < current.count {
                guard current[i] == "\\" else { out.append(current[i]); i += 1; continue }
                let (name, end) = Self.controlSequence(current, at: i)
                // The name right after a definition command is the one being defined: never expanded.
                let isDefinition = Self.definitionCommands.contains(name)
                guard !isDefinition, !definesNext, let macro = macros[name] else {
                    definesNext = isDefinition
                    out += current[i..<end]
                    i = end
                    continue
                }
                var arguments: [[Character]] = []
                var j = end
                for _ in 0..<macro.arguments {
                    j = Self.skipSpaces(current, from: j)
                    guard j < current.count else { break }
                    if current[j] == "{", let close = Self.group(current, at: j) {
                        arguments.append(Array(current[(j + 1)..<(close - 1)]))
                        j = close
                    } else if current[j] == "\\" {
                        let (_, e) = Self.controlSequence(current, at: j)
                        arguments.append(Array(current[j..<e]))
                        j = e
                    } else {
                        arguments.append([current[j]])
                        j += 1
                    }
                }
                guard arguments.count == macro.arguments else { out += current[i..<end]; i = end; continue }
                var body: [Character] = []
                var k = 0
                while k < macro.body.count {
                    if macro.body[k] == "#", k + 1 < macro.body.count, let n = macro.body[k + 1].wholeNumberValue,
                       n >= 1, n <= arguments.count {
                        body += arguments[n - 1]
                        k += 2
                    } else {
                        body.append(macro.body[k])
                        k += 1
                    }
                }
                // Braced, so `\R^2` stays `{\mathbb{R}}^2`; a letter after a macro name must stay apart from it.
                out += ["{"] + body + ["}"]
                changed = true
                i = j
            }
            current = out
            if !changed { break }
        }
        return String(current)
    }

    /// The definitions in the formulas of `blocks`, in reading order (cards are skipped: their own formulas are
    /// typeset with the page's macros, not added to them).
    mutating func define(from blocks: [Block]) {
        var collector = FormulaCollector()
        collector.visit(blocks)
        for tex in collector.formulas { define(from: tex) }
    }

    /// `\name` at `i`: the name (letters, or one other character) and the index after it.
    private static func controlSequence(_ chars: [Character], at i: Int) -> (String, Int) {
        var j = i + 1
        guard j < chars.count else { return ("", j) }
        if !chars[j].isLetter { return (String(chars[j]), j + 1) }
        while j < chars.count, chars[j].isLetter { j += 1 }
        return (String(chars[(i + 1)..<j]), j)
    }

    /// The index just past the group that opens at `i` (`{` … matching `}`), escapes respected.
    private static func group(_ chars: [Character], at i: Int) -> Int? {
        var depth = 0
        var j = i
        while j < chars.count {
            switch chars[j] {
            case "\\": j += 1
            case "{": depth += 1
            case "}":
                depth -= 1
                if depth == 0 { return j + 1 }
            default: break
            }
            j += 1
        }
        return nil
    }

    private static func skipSpaces(_ chars: [Character], from i: Int) -> Int {
        var j = i
        while j < chars.count, chars[j] == " " || chars[j] == "\n" || chars[j] == "\t" { j += 1 }
        return j
    }
}

/// The TeX of every formula in reading order, cards skipped (see `TeXMacros.define(from:)`).
private struct FormulaCollector: DocumentWalker {
    var formulas: [String] = []
    mutating func visitMath(_ inline: Inline, math: Math) { formulas.append(math.tex) }
    mutating func visitCard(_ block: Block, card: Card) {}
}
