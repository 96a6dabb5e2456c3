import TallyDocument

/// Card blocks (`---` / `card_id: X` / `---` / front / `---` / back / `---`): the deck-file format that
/// `NotebookParser` already reads. Every card keeps its written id.
enum CardBlocksReader {
    static func read(_ source: ImportSource) -> ImportedNotebook {
        let (parsed, diagnostics) = NotebookParser.parse(source.text, path: source.path)
        var notebook = ImportedNotebook(title: ImportTitle.fallback(for: source, noun: "Flashcards"), source: source)
        // A block the parser cannot read is skipped; the import goes on, so its problem is a warning.
        notebook.warnings += diagnostics.map { .warning($0.message, at: $0.location, rule: $0.rule) }
        for card in parsed.cards {
            notebook.addCard(id: card.identity == .written ? card.id : nil,
                             front: card.frontSource, back: card.backSource, line: card.location.line)
        }
        return notebook
    }
}
