import Foundation

/// A summary's bytes as `NotebookSummaries` keeps them (`BinaryWriter`'s format): an incremental build
/// reads one per notebook, and decoding them as JSON was a sixth of its time. Every location is in the
/// notebook's own file, written once. A format change must change `NotebookSummaries`' key.
extension NotebookSummary {
    /// The summary's bytes. Throws `EncodingError.invalidValue` when a card or link is in another file
    /// (a summary describes one notebook).
    public func encoded() throws -> Data {
        let locations = cards.map(\.location) + links.map(\.location)
        let file = locations.first?.file ?? ""
        guard locations.allSatisfy({ $0.file == file }) else {
            throw EncodingError.invalidValue(file, .init(codingPath: [], debugDescription: "a notebook's summary names another file"))
        }
        var out = BinaryWriter()
        out.uint8(format == .notebook ? 0 : 1)
        out.optionalString(frontMatter.title)
        out.optionalString(frontMatter.deck)
        out.int(frontMatter.tags.count)
        frontMatter.tags.forEach { out.string($0) }
        out.bool(frontMatter.unsafeHTML)
        out.int(frontMatter.macros.count)
        for (name, expansion) in frontMatter.macros.sorted(by: { $0.key < $1.key }) {
            out.string(name)
            out.string(expansion)
        }
        out.string(title)
        out.int(cellCount)
        out.bool(isEmpty)
        out.bool(hasClozeInMath)
        out.bool(hasEvaluation)
        out.diagnostics(diagnostics)
        out.string(file)
        out.int(headings.count)
        for heading in headings {
            out.int(heading.level)
            out.string(heading.title)
            out.string(heading.anchor)
        }
        out.int(cards.count)
        for card in cards {
            out.string(card.id)
            out.int(card.location.line)
            out.int(card.location.column)
            out.uint8((card.identity == .written ? 1 : 0) | (card.isTopLevel ? 2 : 0))
        }
        out.int(links.count)
        for link in links {
            out.int(link.location.line)
            out.int(link.location.column)
            switch link {
            case .destination(let destination, _):
                out.uint8(0)
                out.string(destination)
            case .wikiLink(let wikiLink, _):
                out.uint8(wikiLink.isEmbed ? 2 : 1)
                out.string(wikiLink.target)
                out.optionalString(wikiLink.heading)
                out.optionalString(wikiLink.alias)
            }
        }
        return out.data
    }

    /// The summary `encoded()` wrote, or nil when `data` is not one (torn, foreign or of another format).
    public init?(encoded data: Data) {
        guard let summary = data.withUnsafeBytes({ raw -> NotebookSummary? in
            var input = BinaryReader(raw)
            return Self.read(&input).flatMap { input.isAtEnd ? $0 : nil }
        }) else { return nil }
        self = summary
    }

    private static func read(_ input: inout BinaryReader) -> NotebookSummary? {
        guard let formatByte = input.uint8(), formatByte < 2,
              let title = input.optionalString(), let deck = input.optionalString(),
              let tagCount = input.int(), let tags = input.array(tagCount, { $0.string() }),
              let unsafeHTML = input.bool(), let macroCount = input.int(),
              let macros = input.array(macroCount, { input -> (String, String)? in
                  guard let name = input.string(), let expansion = input.string() else { return nil }
                  return (name, expansion)
              }),
              let notebookTitle = input.string(), let cellCount = input.int(),
              let isEmpty = input.bool(), let hasClozeInMath = input.bool(), let hasEvaluation = input.bool(),
              let diagnostics = input.diagnostics(),
              let file = input.string(),
              case let origin = SourceLocation(file: file, line: 1),  // the path looked up once, then moved
              let headingCount = input.int(),
              let headings = input.array(headingCount, { input -> Heading? in
                  guard let level = input.int(), let title = input.string(), let anchor = input.string() else { return nil }
                  return Heading(level: level, title: title, anchor: anchor)
              }),
              let cardCount = input.int(),
              let cards = input.array(cardCount, { input -> CardEntry? in
                  guard let id = input.string(), let line = input.int(), let column = input.int(),
                        let kind = input.uint8(), kind < 4 else { return nil }
                  return CardEntry(id: id, identity: kind & 1 != 0 ? .written : .assigned,
                                   location: origin.moved(toLine: line, column: column), isTopLevel: kind & 2 != 0)
              }),
              let linkCount = input.int(),
              let links = input.array(linkCount, { input -> Link? in
                  guard let line = input.int(), let column = input.int(), let kind = input.uint8(), kind < 3,
                        let target = input.string() else { return nil }
                  let location = origin.moved(toLine: line, column: column)
                  if kind == 0 { return .destination(target, location) }
                  guard let heading = input.optionalString(), let alias = input.optionalString() else { return nil }
                  return .wikiLink(WikiLink(target: target, heading: heading, alias: alias, isEmbed: kind == 2), location)
              })
        else { return nil }
        let frontMatter = FrontMatter(title: title, deck: deck, tags: tags, unsafeHTML: unsafeHTML,
                                      macros: Dictionary(macros, uniquingKeysWith: { first, _ in first }))
        return NotebookSummary(format: formatByte == 0 ? .notebook : .deckFile, frontMatter: frontMatter, title: notebookTitle,
                               headings: headings, cards: cards, cellCount: cellCount, links: links, isEmpty: isEmpty,
                               hasClozeInMath: hasClozeInMath, hasEvaluation: hasEvaluation, diagnostics: diagnostics)
    }
}

extension BinaryWriter {
    /// `diagnostics`, after their count: each one's file, line, column, severity, message and rule.
    public mutating func diagnostics(_ diagnostics: [Diagnostic]) {
        int(diagnostics.count)
        for diagnostic in diagnostics {
            string(diagnostic.location.file)
            int(diagnostic.location.line)
            int(diagnostic.location.column)
            string(diagnostic.severity.rawValue)
            string(diagnostic.message)
            string(diagnostic.rule.rawValue)
        }
    }
}

extension BinaryReader {
    /// What `BinaryWriter.diagnostics` wrote, or nil.
    public mutating func diagnostics() -> [Diagnostic]? {
        guard let count = int() else { return nil }
        return array(count) { input -> Diagnostic? in
            guard let file = input.string(), let line = input.int(), let column = input.int(),
                  let severity = input.string().flatMap(Diagnostic.Severity.init(rawValue:)),
                  let message = input.string(), let rule = input.string() else { return nil }
            return Diagnostic(severity, at: SourceLocation(file: file, line: line, column: column), message, rule: RuleID(rawValue: rule))
        }
    }
}
