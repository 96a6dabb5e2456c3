/// The note formats `tally import` reads, named as on the command line.
public enum ImportFormat: String, CaseIterable, Sendable {
    case cards, qa, flashcardPage = "flashcard-page", headings, markdown, jupyter, anki

    public var description: String {
        switch self {
        case .cards: return "card blocks"
        case .qa: return "question/answer lines"
        case .flashcardPage: return "flashcard-site page"
        case .headings: return "heading-structured notes"
        case .markdown: return "exported notebook notes"
        case .jupyter: return "Jupyter notebook"
        case .anki: return "Anki package"
        }
    }

    func read(_ source: ImportSource) -> ImportedNotebook {
        switch self {
        case .cards: return CardBlocksReader.read(source)
        case .qa: return QuestionAnswerReader.read(source)
        case .flashcardPage: return FlashcardPageReader.read(source)
        case .headings: return HeadingNotesReader.read(source)
        case .markdown: return NotebookExportReader.read(source)
        case .jupyter: return JupyterReader.read(source)
        case .anki:  // a package is binary and becomes several notebooks: `Importer` reads it itself
            var notebook = ImportedNotebook(title: source.stem, source: source)
            notebook.warn("an Anki package is imported from its .apkg or .colpkg file", line: 1)
            return notebook
        }
    }
}
