/// `**Q:** question` … `**A:** answer` written in prose (as students do in Jupyter and Obsidian): each
/// pair becomes a card; the prose around them stays prose. The answer runs to the next question, or
/// to a blank line followed by something that is not part of it.
enum QuestionAnswerPairs {
    static func add(_ markdown: String, to notebook: inout ImportedNotebook) {
        let lines = markdown.components(separatedBy: "\n")
        var prose: [String] = []
        var i = 0
        while i < lines.count {
            guard let question = strip(lines[i], marker: "Q") else { prose.append(lines[i]); i += 1; continue }
            notebook.addProse(prose.joined(separator: "\n"))
            prose = []
            var front = [question], back: [String] = []
            i += 1
            while i < lines.count, strip(lines[i], marker: "A") == nil, strip(lines[i], marker: "Q") == nil,
                  !lines[i].trimmingCharacters(in: .whitespaces).isEmpty {
                front.append(lines[i]); i += 1
            }
            while i < lines.count, lines[i].trimmingCharacters(in: .whitespaces).isEmpty { i += 1 }
            if i < lines.count, let answer = strip(lines[i], marker: "A") {
                back = [answer]
                i += 1
                while i < lines.count, strip(lines[i], marker: "Q") == nil,
                      !lines[i].trimmingCharacters(in: .whitespaces).isEmpty {
                    back.append(lines[i]); i += 1
                }
                notebook.addCard(front: front.joined(separator: "\n"), back: back.joined(separator: "\n"), line: 1)
            } else {
                prose += ["**Q:** " + front.joined(separator: "\n")]
            }
        }
        notebook.addProse(prose.joined(separator: "\n"))
    }

    /// The text after `**Q:**` (or `**Q**:`, `Q:`) at the start of `line`, else nil.
    private static func strip(_ line: String, marker: String) -> String? {
        let trimmed = line.trimmingCharacters(in: .whitespaces)
        for prefix in ["**\(marker):**", "**\(marker)**:", "\(marker):"] where trimmed.hasPrefix(prefix) {
            return trimmed.dropFirst(prefix.count).trimmingCharacters(in: .whitespaces)
        }
        return nil
    }
}
