import Foundation

/// Recognises a callout in a converted block quote: its first paragraph starts with `[!kind]`, then
/// optionally `-` or `+` (foldable), then the title to the end of that line (GitHub's alerts have none).
enum CalloutSyntax {
    private static let marker = try! NSRegularExpression(pattern: #"^\[!([A-Za-z][A-Za-z0-9_-]*)\]([+-]?)[ \t]*"#)

    static func callout(in blocks: [Block]) -> Callout? {
        guard case .paragraph(let inlines)? = blocks.first?.kind, case .text(let first)? = inlines.first?.kind,
              let match = marker.firstMatch(in: first, range: NSRange(first.startIndex..., in: first)),
              let kind = Range(match.range(at: 1), in: first), let fold = Range(match.range(at: 2), in: first),
              let whole = Range(match.range, in: first) else { return nil }
        var rest = inlines
        let after = String(first[whole.upperBound...])
        if after.isEmpty { rest.removeFirst() } else { rest[0].kind = .text(after) }
        // The title is the rest of the marker's line; the paragraph's later lines are the callout's first paragraph.
        let lineEnd = rest.firstIndex { if case .softBreak = $0.kind { return true }; if case .lineBreak = $0.kind { return true }; return false }
        let title = Array(rest[..<(lineEnd ?? rest.endIndex)])
        let body = lineEnd.map { Array(rest[($0 + 1)...]) } ?? []
        var content = Array(blocks.dropFirst())
        if !body.isEmpty { content.insert(Block(.paragraph(body), at: body[0].location), at: 0) }
        let folding: Callout.Folding = first[fold] == "-" ? .folded : first[fold] == "+" ? .open : .none
        return Callout(kind: first[kind].lowercased(), title: title, folding: folding, blocks: content)
    }
}
