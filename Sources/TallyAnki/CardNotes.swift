import Foundation
import TallyDocument
import TallyResults
import TallyHTML

/// Turns the cards of parsed notebooks into Anki notes: both sides rendered to HTML with MathJax delimiters,
/// the note type chosen from how the card is written, deck and tags from front matter, folders and headings,
/// and a Source field that links back to the card on the site. Cards Anki cannot take become diagnostics.
public struct CardNotes {
    public var sources: SourceSet
    /// Where the card's page is on the site (e.g. `optimizers/adam.html`), given by whoever plans the site;
    /// nil: the Source field names the notebook's line without a link.
    public var pageHref: ((Notebook) -> String)?
    /// Prepended to page links, e.g. `https://me.example/notes/`. Empty: links relative to the site folder.
    public var siteURL: String
    /// Evaluated notebooks by path: their `{swift}` values replace the expressions (without one, a card shows
    /// the expression as code).
    public var evaluations: [String: NotebookEvaluation]

    public init(sources: SourceSet, pageHref: ((Notebook) -> String)? = nil, siteURL: String = "",
                evaluations: [String: NotebookEvaluation] = [:]) {
        self.sources = sources
        self.pageHref = pageHref
        self.siteURL = siteURL
        self.evaluations = evaluations
    }

    /// The notes of every publishable notebook; cards with problems are left out and reported.
    public func package() -> (package: AnkiDeckPackage, diagnostics: [Diagnostic]) {
        let media = CardMedia(sources: sources)
        var notes: [AnkiNote] = []
        var diagnostics: [Diagnostic] = []
        for notebook in sources.publishable {
            var renderer = HTMLRenderer(mathStyle: .mathJax, allowRawHTML: notebook.frontMatter.unsafeHTML)
            renderer.image = { source, location in media.source(for: source, in: notebook, at: location) }
            if let evaluation = evaluations[notebook.path] {
                let shown = renderer.expression
                renderer.expression = { expression in
                    guard let value = evaluation.expression(expression) else { return shown(expression) }
                    return ExpressionHTML.html(text: value.text, display: value.display, media: media)
                }
            }
            let deck = deckName(of: notebook)
            for (card, headings) in cardsWithHeadings(in: notebook) {
                let problems = Self.problems(with: card)
                guard problems.isEmpty else {
                    diagnostics += problems
                    continue
                }
                // A card teaching a formula that does not hold (its `{check}` failed) is not exported.
                if let failed = evaluations[notebook.path]?.formulas.first(where: { $0.cardID == card.id && !$0.passed }) {
                    diagnostics.append(.warning("card '\(card.id)' is not exported: its formula at line \(failed.location.line) does not hold",
                                                at: card.location, rule: .formula))
                    continue
                }
                let type: AnkiNoteType = card.isCloze ? .cloze : card.isReversed ? .basicAndReversed : .basic
                let fields = [renderer.render(card.front), renderer.render(card.back), sourceField(card, notebook)]
                notes.append(AnkiNote(guid: AnkiGUID.forCard(id: card.id), noteType: type, fields: fields,
                                      tags: AnkiTags.normalize(notebook.frontMatter.tags + headings),
                                      deckName: deck, location: card.location))
            }
        }
        return (AnkiDeckPackage(notes: notes, media: media.files), diagnostics + media.diagnostics)
    }

    /// What Anki cannot show: an empty side (a cloze card's back is optional), or a card marked `.cloze`,
    /// or with deletions on its back, that has none on its front.
    static func problems(with card: Card) -> [Diagnostic] {
        func isBlank(_ source: String) -> Bool { source.allSatisfy(\.isWhitespace) }
        var found: [Diagnostic] = []
        if isBlank(card.frontSource) {
            found.append(.error("card '\(card.id)' has an empty front", at: card.location, rule: .emptyCard))
        }
        if isBlank(card.backSource) && !card.isCloze {
            found.append(.error("card '\(card.id)' has an empty back", at: card.location, rule: .emptyCard))
        }
        let wantsCloze = card.classes.contains("cloze") || !Cloze.numbers(in: card.backSource).isEmpty
        if wantsCloze && !card.isCloze {
            found.append(.error("cloze card '\(card.id)' has no deletion such as {{c1::…}} on its front", at: card.location, rule: .clozeWithoutDeletion))
        }
        return found
    }

    /// Front matter `deck:`, else the notebook's folder below the root (`a/b/x.md` → `a::b`), else the root's name.
    func deckName(of notebook: Notebook) -> String {
        if let deck = notebook.frontMatter.deck?.trimmingCharacters(in: .whitespaces), !deck.isEmpty { return deck }
        let folders = sources.relativePath(of: notebook).split(separator: "/").dropLast()
        return folders.isEmpty ? sources.root.lastPathComponent : folders.joined(separator: "::")
    }

    /// Each card with the text of the headings it sits under.
    private func cardsWithHeadings(in notebook: Notebook) -> [(Card, [String])] {
        var open: [(level: Int, text: String)] = []
        var result: [(Card, [String])] = []
        for block in notebook.blocks {
            switch block.kind {
            case .heading(let level, let inlines):
                open.removeAll { $0.level >= level }
                open.append((level, inlines.plainText))
            case .card(let card):
                result.append((card, open.map(\.text)))
            default:
                break
            }
        }
        return result
    }

    private func sourceField(_ card: Card, _ notebook: Notebook) -> String {
        let place = "\(card.location.file):\(card.location.line)".htmlEscaped
        guard let pageHref else { return place }
        let href = siteURL + pageHref(notebook) + "#card-" + card.id
        return "<a href=\"\(href.htmlEscaped)\">\(place)</a>"
    }
}
