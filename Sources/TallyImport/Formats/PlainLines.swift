import Foundation

/// Notes typed line by line without Markdown in mind: each line stays its own paragraph
/// (Markdown would otherwise run them together), and a run of list items stays one list.
enum PlainLines {
    static func markdown(_ lines: [String]) -> String {
        var out = ""
        for (i, line) in lines.enumerated() {
            if i > 0 { out += isListItem(line) && isListItem(lines[i - 1]) ? "\n" : "\n\n" }
            out += line
        }
        return out
    }

    static func isListItem(_ line: String) -> Bool {
        line.range(of: #"^\s*([-*+]|\d+[.)])\s"#, options: .regularExpression) != nil
    }
}
