/// Notes structured by headings: a `# Title`, `##` groups, and `###` topics. Each `###` section becomes a
/// section of the notebook and cards by the rules of `SectionCards` (one card, or one per sub-point).
/// A `###` section with no body is kept as a heading and reported; it makes no card.
enum HeadingNotesReader {
    static func read(_ source: ImportSource) -> ImportedNotebook {
        let sections = MarkdownOutline.sections(of: source.lines, deepest: 3)
        let title = MarkdownOutline.title(of: sections)
        var notebook = ImportedNotebook(title: MarkdownOutline.title(of: sections, source: source, noun: "Notes"), source: source)
        for (index, section) in sections.enumerated() {
            if section.level > 0, !(index == 0 && title != nil) { notebook.addHeading(level: section.level, section.title) }
            guard section.level == 3 else {
                notebook.addProse(section.bodyText)
                continue
            }
            if section.bodyText.isEmpty {
                notebook.warn("section '\(section.title)' has no body: kept as a heading, no card made", line: section.line)
            } else {
                SectionCards.add(section, to: &notebook)
            }
        }
        return notebook
    }
}
