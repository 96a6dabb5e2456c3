/// Picks the format of a file for `--format auto`, and says why, from the marks each format leaves.
public enum FormatDetector {
    public static func detect(_ source: ImportSource) -> (format: ImportFormat, reason: String) {
        if source.name.lowercased().hasSuffix(".ipynb") {
            return (.jupyter, "its name ends in .ipynb")
        }
        let content = source.contentLines
        if let first = content.first, first.text == "---", content.dropFirst().first?.text.hasPrefix("card_id:") == true {
            return (.cards, "starts with a '---' / 'card_id:' card block")
        }
        if let ui = content.first(where: { FlashcardPageReader.isInterfaceMark($0.text) }) {
            return (.flashcardPage, "line \(ui.line) is the flashcard site's interface ('\(ui.text)')")
        }
        if let exportMark = exportMark(source.lines) {
            return (.markdown, exportMark)
        }
        let topics = source.lines.filter { MarkdownOutline.heading($0)?.level == 3 }.count
        if topics >= 2 {
            return (.headings, "has \(topics) '###' sections")
        }
        let questions = content.filter { $0.text.hasSuffix("?") }.count
        if questions >= 2, !content.contains(where: { MarkdownOutline.heading($0.text) != nil }) {
            return (.qa, "\(questions) of \(content.count) lines are questions ending in '?'")
        }
        return (.markdown, "no card blocks, '###' sections or question lines: read as prose")
    }

    /// Notebook apps export cells separated by a pair of `---` lines and fence math as ```` ```math ````.
    private static func exportMark(_ lines: [String]) -> String? {
        for (i, line) in lines.enumerated() {
            if line == "---", i + 1 < lines.count, lines[i + 1] == "---" {
                return "lines \(i + 1)-\(i + 2) are a '---' '---' cell separator of an exported notebook"
            }
            if line.hasPrefix("```math") { return "line \(i + 1) opens a ```math block of an exported notebook" }
        }
        return nil
    }
}
