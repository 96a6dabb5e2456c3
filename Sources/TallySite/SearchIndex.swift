import Foundation
import TallyDocument

/// What the search box searches: one entry per section of each notebook and one per card, with plain
/// text taken from the document model (never from the rendered HTML). Written as `search-index.js`,
/// a script that sets a global, because browsers refuse to `fetch` a local JSON file from `file://`.
struct SearchIndex {
    struct Entry: Codable, Equatable {
        enum Kind: String, Codable { case section, card }
        var kind: Kind
        /// The section's heading (the notebook's title before its first heading), or the card's front.
        var title: String
        var notebook: String
        /// The page, relative to the site root, with the section's or card's anchor.
        var href: String
        var text: String
    }

    static let fileName = "search-index.js"

    var entries: [Entry] = []

    /// Adds `notebook`'s sections and cards; `notebookTitle` is its title as plain text, a section's anchor is
    /// its heading's in the page's `outline`, and `math` reads a formula as text (the site: its typeset reading,
    /// so a heading "The $\sigma$ function" is found and shown as "The σ function"; nil: its TeX).
    mutating func add(_ notebook: Notebook, title notebookTitle: String? = nil, href: String, outline: Outline,
                      math: ((Math, SourceLocation) -> String)? = nil) {
        let notebookTitle = notebookTitle ?? notebook.title
        var title = notebookTitle
        var anchor: String?
        var text: [String] = []
        func endSection() {
            let body = Self.collapsed(text.joined(separator: " "))
            if !body.isEmpty || anchor != nil {
                entries.append(Entry(kind: .section, title: title, notebook: notebookTitle,
                                     href: href + (anchor.map { "#\($0)" } ?? ""), text: body))
            }
            text = []
        }
        for block in notebook.blocks {
            switch block.kind {
            case .heading(_, let inlines):
                endSection()
                title = Self.collapsed(inlines.plainText(math: math))
                anchor = outline.anchor(at: block.location)
            case .card(let card):
                // Cards are entries of their own, so a word on a card finds the card, not also its section.
                let front = Self.collapsed(card.front.plainText(math: math))
                let back = Self.collapsed(card.back.plainText(math: math))
                entries.append(Entry(kind: .card, title: front, notebook: notebookTitle,
                                     href: href + "#card-\(card.id)", text: front + " " + back))
            default:
                text.append([block].plainText(math: math))
            }
        }
        endSection()
    }

    /// The file's contents: `window.tallySearchIndex = [...]`.
    func script() throws -> String {
        try GlobalScript.assigning(Self.global, to: entries)
    }

    /// The file's contents from each page's entries encoded apart (`json()`), in site order.
    static func script(pages: [String]) -> String {
        GlobalScript.assigning(global, concatenating: pages)
    }

    /// The entries as a JSON array, as kept with a page (`PageCache.Page.search`).
    func json() throws -> String { try GlobalScript.json(entries) }

    private static let global = "tallySearchIndex"

    static func collapsed(_ text: String) -> String {
        text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }
}
