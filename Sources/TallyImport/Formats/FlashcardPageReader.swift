import Foundation

/// A page copied from a flashcard site: the site's interface lines, then each card's term on one line
/// and its definition on the lines after it. Terms are told from definitions by their shape (see `isTerm`).
/// Formulas copied from rendered math are garbled; they are reported and shown on the card as text to
/// rewrite, never as math.
enum FlashcardPageReader {
    /// Lines of the site's own interface, dropped wherever they appear.
    static let interfacePhrases: Set<String> = [
        "Looks like no tags are added yet.",
        "No analytics yet",
        "Send a link to your students to track their progress",
    ]

    static func isInterface(_ line: String) -> Bool {
        isInterfaceMark(line)
            || line == "|---|"  // the rule under the study-mode tabs
            || !line.hasPrefix("|") && line.hasSuffix(" |") && line.components(separatedBy: " | ").count >= 4  // the tabs
    }

    /// Lines only the site's page has (its counter and fixed messages): what `auto` recognises it by.
    static func isInterfaceMark(_ line: String) -> Bool {
        interfacePhrases.contains(line) || progressTotal(line) != nil
    }

    /// The site's counter, `1/52`: the number of cards on the page.
    static func progressTotal(_ line: String) -> Int? {
        guard line.range(of: #"^\d+/\d+$"#, options: .regularExpression) != nil else { return nil }
        return Int(line.split(separator: "/")[1])
    }

    static func read(_ source: ImportSource) -> ImportedNotebook {
        var notebook = ImportedNotebook(title: ImportTitle.fallback(for: source, noun: "Flashcards"), source: source)
        let all = source.contentLines
        let counter = all.first { progressTotal($0.text) != nil }
        let lines = all.filter { !isInterface($0.text) }
        let texts = lines.map(\.text)
        let termIndices = texts.indices.filter { $0 == 0 || isTerm(at: $0, in: texts) }
        for (n, start) in termIndices.enumerated() {
            let end = n + 1 < termIndices.count ? termIndices[n + 1] : lines.endIndex
            let term = lines[start]
            let back = lines[(start + 1)..<end].map { definitionLine($0, notebook: &notebook) }
            if back.isEmpty {
                notebook.warn("term has no definition: no card made", line: term.line)
            } else {
                notebook.addCard(front: term.text, back: PlainLines.markdown(back), line: term.line)
            }
        }
        if let counter, let total = progressTotal(counter.text), total != notebook.cards.count {
            notebook.warn("the page counts \(total) cards but \(notebook.cards.count) were found: check the cards around the warnings", line: counter.line)
        }
        return notebook
    }

    /// A term is a question (`…?`, possibly tagged `…? (eq)`), a line tagged like `Perceptron (eq)`,
    /// or a short title-like line followed by a definition-like one (a sentence, or a line ending in `:`).
    static func isTerm(at i: Int, in lines: [String]) -> Bool {
        let line = lines[i]
        if line.range(of: #"\?(\s*\([^)]*\))?$"#, options: .regularExpression) != nil { return true }
        if line.range(of: #"\s\([a-z]{1,4}( \+ [a-z]{1,4})*\)$"#, options: .regularExpression) != nil { return true }
        guard i + 1 < lines.count, isTitleLike(line) else { return false }
        let next = lines[i + 1]
        return !next.hasSuffix("?") && (next.hasSuffix(".") || next.hasSuffix(":") || wordCount(next) >= 12)
    }

    private static func isTitleLike(_ line: String) -> Bool {
        guard let last = line.last else { return false }
        return wordCount(line) <= 10 && !line.contains("=") && !".:;,!?".contains(last)
    }

    private static func wordCount(_ line: String) -> Int { line.split(whereSeparator: \.isWhitespace).count }

    /// The Markdown for one definition line, reporting formulas copied from rendered math.
    private static func definitionLine(_ line: (line: Int, text: String), notebook: inout ImportedNotebook) -> String {
        let text = line.text
        if RenderedMath.isGarbledLine(text) {
            notebook.warn("formula copied from rendered math is garbled, rewrite it in TeX: \(text)", line: line.line)
            return "**Formula to rewrite** (garbled when copied from rendered math): \(codeSpan(text))"
        }
        if RenderedMath.isBareTeX(text) { return "$$\(text)$$" }
        for fragment in RenderedMath.garbledFragments(in: text) {
            notebook.warn("formula copied from rendered math is garbled, rewrite it in TeX: \(fragment) (kept as text)", line: line.line)
        }
        return text
    }

    /// A code span that shows `text` literally, whatever backticks it contains.
    private static func codeSpan(_ text: String) -> String {
        var longest = 0, run = 0
        for c in text { run = c == "`" ? run + 1 : 0; longest = max(longest, run) }
        let fence = String(repeating: "`", count: longest + 1)
        let pad = text.hasPrefix("`") || text.hasSuffix("`") ? " " : ""  // Markdown strips one space each side
        return fence + pad + text + pad + fence
    }
}
