import TallyFormula

/// Finds checked formulas in a notebook's lines before Markdown sees them: a `{check …}` line
/// (`FormulaCheckBlock.isCheckBlock`) right after a display formula's closing `$$` (one line or
/// several) or a ```` ```math ```` fence's closing line. Each such check line is blanked (it stays
/// a line, so every line number holds), so it is never rendered; the formula itself is rendered as
/// any other. Lines inside other fenced code blocks are never looked at. A check line after
/// anything else is an error (rule `formula`) and is left as it is.
enum FormulaCheckScanner {
    /// How many lines up a multi-line `$$` formula's opening is looked for.
    static let maxFormulaLines = 200

    /// Scans `lines` (the file's lines from `firstLine`), blanking the check lines it takes.
    static func scan(_ lines: inout [Substring], firstLine: Int, file: String) -> (checks: [FormulaCheck], diagnostics: [Diagnostic]) {
        var checks: [FormulaCheck] = []
        var diagnostics: [Diagnostic] = []
        var fence: (char: Character, length: Int, math: Bool, start: Int)?
        var k = 0
        while k < lines.count {
            // Only a fence line or a `{check` line matters, and both start (after blanks and `>`) with one of
            // three bytes: other lines are passed over without reading their Characters.
            let lead = lines[k].utf8.first { $0 != 0x20 && $0 != 0x09 && $0 != UInt8(ascii: ">") }
            guard lead == UInt8(ascii: "`") || lead == UInt8(ascii: "~") || lead == UInt8(ascii: "{") && fence == nil else {
                k += 1
                continue
            }
            let content = contentOf(lines[k])
            if let open = fence {
                if let f = fenceMark(content), f.char == open.char, f.length >= open.length, f.info.isEmpty {
                    fence = nil
                    if open.math, k + 1 < lines.count, contentOf(lines[k + 1]).utf8.first == UInt8(ascii: "{"),
                       FormulaCheckBlock.isCheckBlock(String(contentOf(lines[k + 1]))) {
                        let tex = lines[(open.start + 1)..<k].map { String(contentOf($0)) }.joined(separator: "\n")
                        checks.append(take(&lines, at: k + 1, tex: tex, formulaLine: open.start, firstLine: firstLine, file: file))
                        k += 1
                    }
                }
                k += 1
                continue
            }
            if let f = fenceMark(content) {
                fence = (f.char, f.length, f.info.split(separator: " ").first == "math", k)
            } else if content.utf8.first == UInt8(ascii: "{"), FormulaCheckBlock.isCheckBlock(String(content)) {
                if let (tex, start) = displayFormula(endingAt: k - 1, lines) {
                    checks.append(take(&lines, at: k, tex: tex, formulaLine: start, firstLine: firstLine, file: file))
                } else {
                    diagnostics.append(.error("{check} must stand on the line right after a display formula ($$…$$ or a ```math block)",
                                              at: SourceLocation(file: file, line: firstLine + k, column: column(of: content, in: lines[k])),
                                              rule: .formula))
                }
            }
            k += 1
        }
        return (checks, diagnostics)
    }

    /// Records the check on line `k` and blanks the line.
    private static func take(_ lines: inout [Substring], at k: Int, tex: String, formulaLine: Int, firstLine: Int, file: String) -> FormulaCheck {
        let content = contentOf(lines[k])
        let check = FormulaCheck(tex: tex, checkBlock: String(content).trimmingWhitespace(),
                                 location: SourceLocation(file: file, line: firstLine + formulaLine),
                                 checkLocation: SourceLocation(file: file, line: firstLine + k, column: column(of: content, in: lines[k])))
        lines[k] = ""
        return check
    }

    /// The `$$…$$` formula whose closing `$$` ends line `end`: its TeX and its first line.
    private static func displayFormula(endingAt end: Int, _ lines: [Substring]) -> (String, Int)? {
        guard end >= 0 else { return nil }
        let last = contentOf(lines[end]).trimmingWhitespace()
        guard last.hasSuffix("$$") else { return nil }
        if last.hasPrefix("$$"), last.count > 4 {
            return (String(last.dropFirst(2).dropLast(2)), end)
        }
        var start = end - 1
        while start >= 0, end - start <= maxFormulaLines {
            let line = contentOf(lines[start]).trimmingWhitespace()
            if line.isEmpty { return nil }  // math never crosses a paragraph
            if line.hasPrefix("$$") {
                let body = [String(line.dropFirst(2))] + lines[(start + 1)..<end].map { String(contentOf($0)) } + [String(last.dropLast(2))]
                return (body.joined(separator: "\n").trimmingWhitespaceAndNewlines(), start)
            }
            start -= 1
        }
        return nil
    }

    /// A line without its indentation and block-quote markers.
    private static func contentOf(_ line: Substring) -> Substring {
        var rest = line[...]
        while let c = rest.first, c == " " || c == "\t" || c == ">" { rest = rest.dropFirst() }
        return rest
    }

    private static func column(of content: Substring, in line: Substring) -> Int {
        line.utf8.distance(from: line.startIndex, to: content.startIndex) + 1
    }

    /// An opening or closing code fence: ``` or ~~~ (three or more), with its info string.
    private static func fenceMark(_ content: Substring) -> (char: Character, length: Int, info: Substring)? {
        guard let b = content.utf8.first, b == UInt8(ascii: "`") || b == UInt8(ascii: "~"),
              let c = content.first, c == "`" || c == "~" else { return nil }
        let run = content.prefix { $0 == c }
        guard run.count >= 3 else { return nil }
        return (c, run.count, content.dropFirst(run.count).trimmingWhitespace()[...])
    }
}
