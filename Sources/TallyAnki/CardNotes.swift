import Foundation
import TallyDocument
import TallyResults
import TallyHTML

/// Turns the cards of parsed notebooks into Anki notes: both sides rendered to HTML with MathJax delimiters,
/// the note type chosen from how the card is written, deck and tags from front matter, folders and headings,
/// and a Source field that names the card's notebook and section (a link to the card on the study site when the
/// project says where the site lives). Cards Anki cannot take become diagnostics.
public struct CardNotes {
    public var sources: SourceSet
    /// Where the card's page is on the site (e.g. `optimizers/adam.html`), given by whoever plans the site.
    public var pageHref: ((Notebook) -> String)?
    /// The published site, e.g. `https://me.example/notes/` (from `site-url:` or `--site-url`). With it and
    /// `pageHref`, Source links to the card; without, it is text (a relative link is dead inside Anki).
    public var siteURL: String?
    /// Evaluated notebooks by path: their `{swift}` values replace the expressions. A card showing a value that
    /// was not computed is an error (rule `uncomputed-card-value`) and is left out, never exported as code.
    public var evaluations: [String: NotebookEvaluation]

    public init(sources: SourceSet, pageHref: ((Notebook) -> String)? = nil, siteURL: String? = nil,
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
            let evaluation = evaluations[notebook.path]
            renderer.expression = { expression in
                // `problems` has left out every card whose values were not computed.
                guard let value = evaluation?.expression(expression), value.isComputed else { return "" }
                return ExpressionHTML.html(text: value.text, display: value.display, media: media)
            }
            let deck = deckName(of: notebook)
            let notebookPath = sources.relativePath(of: notebook)
            var macros = TeXMacros()
            for (card, headings, before) in cardsWithHeadings(in: notebook) {
                macros.define(from: before)
                renderer.expandTeX = { [macros] in macros.expand($0) }
                let problems = Self.problems(with: card) + uncomputedValues(on: card, evaluation: evaluation)
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
                // Anki runs only the front (Text) through its cloze filter: a deletion on the back shows its answer.
                renderer.clozeStyle = .markup
                let front = renderer.render(card.front)
                renderer.clozeStyle = .revealed
                let fields = [front, renderer.render(card.back), sourceField(card, notebook, section: headings.last)]
                notes.append(AnkiNote(guid: card.guid ?? AnkiGUID.forCard(id: card.id), noteType: type, fields: fields,
                                      tags: AnkiTags.normalize(notebook.frontMatter.tags + headings + card.tags),
                                      deckName: deck, location: card.location, clozeNumbers: card.front.clozeNumbers,
                                      cardID: card.id, notebook: notebookPath))
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
        let wantsCloze = card.classes.contains("cloze") || !card.back.clozeNumbers.isEmpty
        if wantsCloze && !card.isCloze {
            found.append(.error("cloze card '\(card.id)' has no deletion such as {{c1::…}} on its front", at: card.location, rule: .clozeWithoutDeletion))
        }
        return found
    }

    /// Each `{swift}` value on `card` that its notebook's evaluation did not compute (no evaluation, or the
    /// expression trapped or was never reached), as an error at the expression.
    func uncomputedValues(on card: Card, evaluation: NotebookEvaluation?) -> [Diagnostic] {
        (card.front + card.back).inlineExpressions.compactMap { expression in
            if let result = evaluation?.expression(expression), result.isComputed { return nil }
            return .error("card '\(card.id)' shows `\(expression.expression)`, whose value was not computed: the card is left out of the deck",
                          at: expression.location, rule: .uncomputedCardValue)
        }
    }

    /// Front matter `deck:`, else the notebook's folder below the root (`a/b/x.md` → `a::b`), else the root's name.
    func deckName(of notebook: Notebook) -> String {
        if let deck = notebook.frontMatter.deck?.trimmingWhitespace(), !deck.isEmpty { return deck }
        let folders = sources.relativePath(of: notebook).split(separator: "/").dropLast()
        return folders.isEmpty ? sources.root.lastPathComponent : folders.joined(separator: "::")
    }

    /// Each card with the text of the headings it sits under, and the blocks between the previous card and it
    /// (where the page's TeX macros are defined).
    private func cardsWithHeadings(in notebook: Notebook) -> [(Card, [String], [Block])] {
        var open: [(level: Int, text: String)] = []
        var result: [(Card, [String], [Block])] = []
        var before: [Block] = []
        for block in notebook.blocks {
            switch block.kind {
            case .heading(let level, let inlines):
                open.removeAll { $0.level >= level }
                open.append((level, inlines.plainText))
                before.append(block)
            case .card(let card):
                result.append((card, open.map(\.text), before))
                before = []
            default:
                before.append(block)
            }
        }
        return result
    }

    /// Where the card comes from, as the student reads it: `Notebook › Section`, linked to the card on the site
    /// when the site's address is known. Nothing in it moves when unrelated text of the notebook moves.
    private func sourceField(_ card: Card, _ notebook: Notebook, section: String?) -> String {
        let place = ([notebook.title] + (section.map { [$0] } ?? [])).joined(separator: " › ").htmlEscaped
        guard let siteURL, let pageHref else { return place }
        let href = siteURL + pageHref(notebook) + "#card-" + card.id
        return "<a href=\"\(href.htmlEscaped)\">\(place)</a>"
    }
}

extension ExpressionResult {
    /// Whether the program computed the value: the evaluator records an empty result for an expression that
    /// trapped or was never reached (and a check without a computed value for `expr => stated`).
    var isComputed: Bool {
        if let check { return check.computed != nil }
        return !(text.isEmpty && numbers.isEmpty && display == .text(""))
    }
}
