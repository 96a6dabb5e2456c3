/// Notes exported from a notebook app (Jupyter Markdown cells): kept as a prose notebook, tables and
/// math as written (bare `\begin{…}` blocks get `$$` delimiters); a section headed by a question becomes
/// cards (see `SectionCards`). A section repeated word for word —
/// usually a cell pasted twice — is reported and left out; the first copy stays.
enum NotebookExportReader {
    static func read(_ source: ImportSource) -> ImportedNotebook {
        let sections = MarkdownOutline.sections(of: source.lines, deepest: 6)
        let title = MarkdownOutline.title(of: sections)
        var notebook = ImportedNotebook(title: MarkdownOutline.title(of: sections, source: source, noun: "Notes"), source: source)
        var firstSeen: [String: Int] = [:]
        for (index, section) in sections.enumerated() {
            let words = fingerprint(section)
            if section.level > 0, !words.isEmpty {
                if let first = firstSeen[words] {
                    notebook.warn("section '\(section.title)' repeats the section at line \(first) word for word: left out", line: section.line)
                    continue
                }
                firstSeen[words] = section.line
            }
            if section.level > 0, !(index == 0 && title != nil) { notebook.addHeading(level: section.level, section.title) }
            var body = section
            body.body = BareMathEnvironments.delimited(section.body)
            // A section whose heading asks a question is a question with its answer: cards, as the notes meant.
            if section.level > 0, SectionCards.isQuestion(section.title), !body.bodyText.isEmpty {
                SectionCards.add(body, to: &notebook)
            } else {
                notebook.addProse(body.bodyText)
            }
        }
        return notebook
    }

    /// The heading and the body's words, ignoring blank lines and `---` cell separators; empty when the body is.
    private static func fingerprint(_ section: MarkdownOutline.Section) -> String {
        let words = section.body.joined(separator: "\n").split(whereSeparator: \.isWhitespace).filter { $0 != "---" }
        return words.isEmpty ? "" : "\(section.level) \(section.title)\n" + words.joined(separator: " ")
    }
}
