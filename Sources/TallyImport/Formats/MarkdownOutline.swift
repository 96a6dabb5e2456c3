import Foundation

/// Markdown split at its ATX headings (`#` … `######`), skipping fenced code, where `#` is not a heading.
struct MarkdownOutline {
    struct Section {
        /// 0 for the text before the first heading.
        var level: Int
        var title: String
        /// The heading's line (1 for the text before the first heading).
        var line: Int
        var body: [String]

        /// The body without its leading and trailing blank lines.
        var bodyText: String {
            let isBlank = { (line: String) in line.trimmingCharacters(in: .whitespaces).isEmpty }
            guard let first = body.firstIndex(where: { !isBlank($0) }),
                  let last = body.lastIndex(where: { !isBlank($0) }) else { return "" }
            return body[first...last].joined(separator: "\n")
        }
    }

    /// Sections start at headings of level `deepest` or less; deeper headings stay in the body.
    static func sections(of lines: [String], deepest: Int) -> [Section] {
        var sections = [Section(level: 0, title: "", line: 1, body: [])]
        var fence: String?
        for (index, line) in lines.enumerated() {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if let f = fence {
                if trimmed.hasPrefix(f), trimmed.allSatisfy({ $0 == f.first }) { fence = nil }
            } else if trimmed.hasPrefix("```") || trimmed.hasPrefix("~~~") {
                fence = String(trimmed.prefix { $0 == trimmed.first })
            } else if let (level, title) = heading(line), level <= deepest {
                sections.append(Section(level: level, title: title, line: index + 1, body: []))
                continue
            }
            sections[sections.count - 1].body.append(line)
        }
        if sections[0].bodyText.isEmpty { sections.removeFirst() }
        return sections
    }

    /// The notes' title: a level-1 heading that opens the file, unless it heads a table of contents.
    static func title(of sections: [Section]) -> Section? {
        guard let first = sections.first, first.level == 1 else { return nil }
        return isContents(first) ? nil : first
    }

    /// Whether `section` is a table of contents ("Index", "Contents", "TOC").
    static func isContents(_ section: Section) -> Bool {
        let name = section.title.lowercased().trimmingCharacters(in: CharacterSet(charactersIn: " :"))
        return ["index", "contents", "table of contents", "toc"].contains(name)
    }

    /// The title the notes give themselves, else one made by `ImportTitle.fallback` from their
    /// table of contents or the file's name.
    static func title(of sections: [Section], source: ImportSource, noun: String) -> String {
        if let own = title(of: sections) { return own.title }
        let contents = sections.first(where: isContents).map(ImportTitle.topics(ofContents:)) ?? []
        return ImportTitle.fallback(for: source, noun: noun, topics: contents)
    }

    static func heading(_ line: String) -> (level: Int, title: String)? {
        guard let match = line.range(of: #"^ {0,3}#{1,6}(\s|$)"#, options: .regularExpression) else { return nil }
        let level = line[match].filter { $0 == "#" }.count
        let title = line[match.upperBound...].replacingOccurrences(of: #"\s+#*\s*$"#, with: "", options: .regularExpression)
        return (level, title.trimmingCharacters(in: .whitespaces))
    }
}
