import Foundation

/// Reads a deck file: a sequence of card blocks
///
///     ---
///     card_id: X
///     ---
///     front (Markdown)
///     ---
///     back (Markdown)
///     ---
///
/// `card_id` is the card's identity. A back ends at a `---` followed by the next card's header or the end of file.
enum DeckFileParser {
    static func looksLikeDeckFile(_ lines: [Substring]) -> Bool {
        let content = lines.drop(while: { $0.trimmingWhitespace().isEmpty })
        guard let first = content.first, first.trimmingWhitespace() == "---" else { return false }
        return content.dropFirst().first.map(isHeader) ?? false
    }

    static func isHeader(_ line: Substring) -> Bool { line.hasPrefix("card_id:") }

    static func parse(lines: [Substring], path: String) -> (notebook: Notebook, diagnostics: [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        var blocks: [Block] = []
        func isRule(_ i: Int) -> Bool { lines.indices.contains(i) && lines[i].trimmingWhitespace() == "---" }
        func startsCard(_ i: Int) -> Bool { isRule(i) && lines.indices.contains(i + 1) && isHeader(lines[i + 1]) }
        func onlyBlankAfter(_ i: Int) -> Bool { lines[(i + 1)...].allSatisfy { $0.trimmingWhitespace().isEmpty } }

        var i = lines.firstIndex(where: { !$0.trimmingWhitespace().isEmpty }) ?? lines.count
        while i < lines.count {
            if lines[i].trimmingWhitespace().isEmpty { i += 1; continue }
            let at = SourceLocation(file: path, line: i + 1)
            guard startsCard(i) else {
                diagnostics.append(.error("expected a card block starting with '---' and 'card_id: …'", at: at, rule: .cardSyntax))
                i = ((i + 1)..<lines.count).first(where: startsCard) ?? lines.count
                continue
            }
            let id = lines[i + 1].dropFirst("card_id:".count).trimmingWhitespace()
            let headerEnd = SourceLocation(file: path, line: i + 2, column: lines[i + 1].utf8.count + 1)
            guard isRule(i + 2) else {
                diagnostics.append(.error("expected '---' after 'card_id: \(id)'", at: SourceLocation(file: path, line: i + 3), rule: .cardSyntax))
                i = ((i + 1)..<lines.count).first(where: startsCard) ?? lines.count
                continue
            }
            let frontStart = i + 3
            guard let separator = (frontStart..<lines.count).first(where: isRule) else {
                diagnostics.append(.error("unterminated card '\(id)': no '---' between front and back", at: at, rule: .unterminatedCard))
                break
            }
            guard let end = ((separator + 1)..<lines.count).first(where: { isRule($0) && (startsCard($0 + 1) || onlyBlankAfter($0)) }) else {
                diagnostics.append(.error("unterminated card '\(id)': its back is not closed by '---'", at: at, rule: .unterminatedCard))
                break
            }
            if !CardIdentity.isValid(id) {
                diagnostics.append(.error("card id '\(id)' may contain only letters, digits and - _ . :", at: at.advanced(byLines: 1, column: 10), rule: .invalidCardID))
            }
            let front = CardSide.parse(lines: lines, range: frontStart..<separator, firstLine: 1, origin: at.moved(toLine: 1))
            let back = CardSide.parse(lines: lines, range: (separator + 1)..<end, firstLine: 1, origin: at.moved(toLine: 1))
            diagnostics += front.diagnostics + back.diagnostics
            let card = Card(id: id, identity: .written, front: front.blocks, back: back.blocks,
                            frontSource: front.source, backSource: back.source, classes: [],
                            location: at, headerLocation: headerEnd)
            blocks.append(Block(.card(card), at: at))
            i = end + 1
        }
        return (Notebook(path: path, format: .deckFile, frontMatter: FrontMatter(), blocks: blocks), diagnostics)
    }
}
