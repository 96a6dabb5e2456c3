import Foundation

/// Cloze deletions on the site: the front shows a blank (or the hint), the back shows the answer
/// highlighted — as Anki does. Works on rendered HTML, where `{{c1::…}}` braces survive escaping.
enum ClozeHTML {
    /// `{{c1::answer}}` or `{{c1::answer::hint}}`; answers may not contain `}}` (TallyHTML spaces it in math).
    private static let deletion = try! NSRegularExpression(pattern: #"\{\{c\d+::(.*?)(?:::(.*?))?\}\}"#,
                                                          options: [.dotMatchesLineSeparators])

    static func blanked(_ html: String) -> String {
        replace(html) { _, hint in "<span class=\"cloze\">[\(hint ?? "…")]</span>" }
    }

    static func revealed(_ html: String) -> String {
        replace(html) { answer, _ in "<span class=\"cloze revealed\">\(answer)</span>" }
    }

    private static func replace(_ html: String, _ body: (String, String?) -> String) -> String {
        let ns = html as NSString
        var out = ""
        var last = 0
        for match in deletion.matches(in: html, range: NSRange(location: 0, length: ns.length)) {
            out += ns.substring(with: NSRange(location: last, length: match.range.location - last))
            let answer = ns.substring(with: match.range(at: 1))
            let hint = match.range(at: 2).location == NSNotFound ? nil : ns.substring(with: match.range(at: 2))
            out += body(answer, hint)
            last = match.range.location + match.range.length
        }
        return out + ns.substring(from: last)
    }
}
