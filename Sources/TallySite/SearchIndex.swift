import Foundation
import TallyDocument

/// What the search box searches: one entry per section of each notebook and one per card, with plain
/// text taken from the document model (never from the rendered HTML). Written as `search-index.js`,
/// a script that sets a global, because browsers refuse to `fetch` a local JSON file from `file://`.
struct SearchIndex {
    struct Entry: Encodable, Equatable {
        enum Kind: String, Encodable { case section, card }
        var kind: Kind
        /// The section's heading (the notebook's title before its first heading), or the card's front.
        var title: String
        var notebook: String
        /// The page, relative to the site root, with the section's or card's anchor.
        var href: String
        var text: String
    }

    static let fileName = "search-index.js"

    private(set) var entries: [Entry] = []

    /// Adds `notebook`'s sections and cards; `title` is the notebook's title as plain text, `anchors` are
    /// the ids its page gave its headings, in order; `plainText` reads inlines as text (formulas as their
    /// typeset reading, so a heading "The $\sigma$ function" is found and shown as "The σ function").
    mutating func add(_ notebook: Notebook, title notebookTitle: String, href: String, anchors: [String],
                      plainText: @escaping ([Inline]) -> String = { $0.plainText }) {
        var walker = PlainTextWalker(anchors: anchors, plainText: plainText)
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
                title = Self.collapsed(plainText(inlines))
                anchor = walker.nextAnchor()
            case .card(let card):
                // Cards are entries of their own, so a word on a card finds the card, not also its section.
                let front = Self.collapsed(Self.withoutClozeMarks(PlainTextWalker.text(of: card.front, plainText: plainText)))
                let back = Self.collapsed(PlainTextWalker.text(of: card.back, plainText: plainText))
                entries.append(Entry(kind: .card, title: front, notebook: notebookTitle,
                                     href: href + "#card-\(card.id)", text: front + " " + back))
            default:
                text.append(walker.text(of: block))
            }
        }
        endSection()
    }

    /// The file's contents: `window.tallySearchIndex = [...]`.
    func script() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let json = String(decoding: try encoder.encode(entries), as: UTF8.self)
        return "window.tallySearchIndex = \(json);\n"
    }

    static func collapsed(_ text: String) -> String {
        text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    /// `{{c1::answer::hint}}` → `answer`: the words a reader would search for.
    static func withoutClozeMarks(_ text: String) -> String {
        text.replacingOccurrences(of: #"\{\{c\d+::(.*?)(?:::[^}]*)?\}\}"#, with: "$1", options: .regularExpression)
    }
}

/// The text a reader sees in blocks. Also hands out heading anchors in the order the page's renderer
/// made them, which counts headings nested in quotes and lists but not those on cards (cards render apart).
private struct PlainTextWalker {
    private var anchors: [String]
    private var next = 0
    private let plainText: ([Inline]) -> String

    init(anchors: [String], plainText: @escaping ([Inline]) -> String) {
        self.anchors = anchors
        self.plainText = plainText
    }

    mutating func nextAnchor() -> String? {
        defer { next += 1 }
        return anchors.indices.contains(next) ? anchors[next] : nil
    }

    mutating func text(of block: Block) -> String {
        switch block.kind {
        case .paragraph(let inlines): return plainText(inlines)
        case .heading(_, let inlines):
            _ = nextAnchor()
            return plainText(inlines)
        case .blockQuote(let blocks): return blocks.map { text(of: $0) }.joined(separator: " ")
        case .list(let list): return list.items.flatMap(\.blocks).map { text(of: $0) }.joined(separator: " ")
        case .code(_, let code): return code
        case .cell(let cell): return cell.options.hide ? "" : cell.code
        case .card(let card): return Self.text(of: card.front, plainText: plainText) + " " + Self.text(of: card.back, plainText: plainText)
        case .table(let table): return (table.header + table.rows.flatMap { $0 }).map(plainText).joined(separator: " ")
        case .html, .thematicBreak: return ""
        }
    }

    /// Text of a card's side: its headings have anchors of their own, so they don't use the page's.
    static func text(of blocks: [Block], plainText: @escaping ([Inline]) -> String) -> String {
        var walker = PlainTextWalker(anchors: [], plainText: plainText)
        return blocks.map { walker.text(of: $0) }.joined(separator: " ")
    }
}
