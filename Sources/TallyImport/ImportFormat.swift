/// The note formats `tally import` reads, named as on the command line.
public enum ImportFormat: String, CaseIterable, Sendable {
    case cards, qa, flashcardPage = "flashcard-page", headings, markdown, jupyter

    public var description: String {
        switch self {
        case .cards: return "card blocks"
        case .qa: return "question/answer lines"
        case .flashcardPage: return "flashcard-site page"
        case .headings: return "heading-structured notes"
        case .markdown: return "exported notebook notes"
        case .jupyter: return "Jupyter notebook"
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
        }
    }
}
