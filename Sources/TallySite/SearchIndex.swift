import Foundation
import TallyDocument

/// What the search box searches: one entry per section of each notebook and one per card, with plain
/// text taken from the document model (never from the rendered HTML). Written as scripts that set a
/// global, because browsers refuse to `fetch` a local JSON file from `file://`: each notebook's
/// entries as `search/PAGE.js`, listed by `search-index.js`, which the search box loads on first use.
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

    /// The entries as one script, `window.tallySearchIndex = [...]` (all of them at once; the site
    /// writes a part per notebook, `script(page:)`). Throws only if JSON encoding fails (it does not).
    func script() throws -> String {
        try GlobalScript.assigning(Self.global, to: entries)
    }

    /// A notebook's part of the index, `search/PAGE.js` (`SitePlan.Page.searchScript`): a script adding
    /// the entries under the page's address, `(window.tallySearchIndex = window.tallySearchIndex || {})["PAGE"] = [...]`.
    /// Kept and linked with the page, so an unchanged notebook's entries are never encoded again.
    /// The entries are written as `JSONEncoder` writes `Entry` with sorted keys.
    func script(page href: String) -> String {
        GlobalScript.adding(Self.global, key: href, json: JSONText.array(ofObjects: entries.map {
            [("href", $0.href), ("kind", $0.kind.rawValue), ("notebook", $0.notebook), ("text", $0.text), ("title", $0.title)]
        }))
    }

    /// `search-index.js`: the list of parts, in site order, that search loads on first use —
    /// `window.tallySearchParts = [{"page": PAGE, "script": "search/PAGE.js"}, …]`; a line per
    /// notebook, whatever its entries. Throws only if JSON encoding fails (it does not).
    static func manifest(_ pages: [SitePlan.Page]) throws -> String {
        try GlobalScript.assigning("tallySearchParts", to: pages.map { ["page": $0.href, "script": $0.searchScript] })
    }

    private static let global = "tallySearchIndex"

    /// Whitespace runs as one space, none at the ends (`String.collapsingWhitespace`).
    private static func collapsed(_ text: String) -> String { text.collapsingWhitespace() }
}
