import Foundation

/// How a section of heading-structured notes becomes cards. A section short enough to review at a
/// glance becomes one card (heading → front, body → back). A longer one is split where its own
/// structure allows: one card per `####` sub-heading, or per list item written `Term: explanation`;
/// a long section with neither stays prose, with a warning, rather than one card with a screenful on
/// its back.
enum SectionCards {
    /// More than this many non-blank lines, or characters, is longer than a card's back should be.
    static let longLines = 20
    static let longCharacters = 2_000

    static func isLong(_ body: String) -> Bool {
        body.count > longCharacters
            || body.split(separator: "\n").filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }.count > longLines
    }

    /// Whether a heading asks something: it ends with `?` or opens with an interrogative word.
    static func isQuestion(_ heading: String) -> Bool {
        let text = heading.trimmingCharacters(in: .whitespaces)
        if text.hasSuffix("?") { return true }
        let first = text.split(separator: " ").first.map { $0.lowercased() } ?? ""
        return ["why", "what", "how", "when", "which", "who", "where"].contains(first)
    }

    /// Adds `section` (a heading already added by the caller) to `notebook` as cards, by the rules above.
    static func add(_ section: MarkdownOutline.Section, to notebook: inout ImportedNotebook) {
        let body = section.bodyText
        guard isLong(body) else {
            return notebook.addCard(front: section.title, back: body, line: section.line)
        }
        let parts = MarkdownOutline.sections(of: section.body, deepest: section.level + 1)
            .filter { $0.level == 0 || $0.level == section.level + 1 }
        if parts.contains(where: { $0.level > 0 }) {
            for part in parts {
                let line = section.line + part.line
                guard part.level > 0 else { notebook.addProse(part.bodyText); continue }
                notebook.addHeading(level: part.level, part.title)
                if part.bodyText.isEmpty {
                    notebook.warn("sub-section '\(part.title)' has no body: no card made", line: line)
                } else {
                    notebook.addCard(front: "\(section.title): \(part.title)", back: part.bodyText, line: line)
                }
            }
            return
        }
        let items = section.body.enumerated().compactMap { offset, line in termItem(line).map { ($0, $1, offset) } }
        let listLines = section.body.filter { $0.range(of: #"^\s*([-*+]|\d+[.)])\s"#, options: .regularExpression) != nil }
        if items.count >= 2, items.count == listLines.count {
            var intro: [String] = []
            for line in section.body where termItem(line) == nil { intro.append(line) }
            notebook.addProse(intro.joined(separator: "\n"))
            for (term, explanation, offset) in items {
                notebook.addCard(front: "\(section.title): \(term)", back: explanation, line: section.line + 1 + offset)
            }
            return
        }
        notebook.warn("section '\(section.title)' is too long for one card and has no sub-headings or 'Term: explanation' "
                      + "list to split it by: kept as prose, no card made", line: section.line)
        notebook.addProse(body)
    }

    /// `- **Term**: explanation`, `* Term – explanation`: the term and its explanation.
    private static func termItem(_ line: String) -> (term: String, explanation: String)? {
        let pattern = #"^\s*(?:[-*+]|\d+[.)])\s+(?:\*\*)?([^:*–—]{1,60}?)(?:\*\*)?\s*(?::|\s[–—-])\s+(.+)$"#
        guard let regex = try? NSRegularExpression(pattern: pattern),
              let match = regex.firstMatch(in: line, range: NSRange(line.startIndex..., in: line)),
              let term = Range(match.range(at: 1), in: line), let rest = Range(match.range(at: 2), in: line) else { return nil }
        return (line[term].trimmingCharacters(in: .whitespaces), String(line[rest]))
    }
}
