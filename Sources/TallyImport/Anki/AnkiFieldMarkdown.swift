import Foundation

/// An Anki field's HTML turned back into Markdown where it maps cleanly: bold, italics, underline,
/// line breaks, paragraphs (`div`, `p`), lists, links, images, entities, and MathJax `\(…\)` / `\[…\]`
/// as `$…$` / `$$…$$`. Tags with no Markdown form that GitHub allows without attributes (`sub`, `sup`,
/// `kbd`, …) are kept as they are; anything else (a `span` with a style, a table, a font) is kept as
/// raw HTML and reported through `needsRawHTML`, so the notebook can opt in to it.
struct AnkiFieldMarkdown {
    private(set) var markdown = ""
    private(set) var needsRawHTML = false
    /// Image sources the field refers to, in order.
    private(set) var images: [String] = []

    private static let keptAsIs: Set<String> = ["sub", "sup", "kbd", "mark", "small", "ins", "del", "abbr"]
    private static let dropped: Set<String> = ["span", "font"]  // without attributes they carry nothing

    init(html: String) {
        let chars = Array(html)
        var i = 0
        var lists: [(ordered: Bool, count: Int)] = []
        func has(_ s: String, at j: Int) -> Bool {
            let c = Array(s); return j + c.count <= chars.count && Array(chars[j..<(j + c.count)]) == c
        }
        while i < chars.count {
            if has("\\(", at: i) || has("\\[", at: i) {
                let display = chars[i + 1] == "["
                let close = display ? "\\]" : "\\)"
                var j = i + 2
                while j < chars.count, !has(close, at: j) { j += 1 }
                if j < chars.count {
                    let tex = Self.decodeEntities(Self.withoutTags(String(chars[(i + 2)..<j])))
                    markdown += display ? "$$\(tex.trimmingCharacters(in: .whitespaces))$$" : "$\(tex.trimmingCharacters(in: .whitespaces))$"
                    i = j + 2
                    continue
                }
            }
            switch chars[i] {
            case "<":
                guard let end = chars[i...].firstIndex(of: ">") else { markdown += "\\<"; i += 1; continue }
                tag(String(chars[(i + 1)..<end]), lists: &lists)
                i = end + 1
            case "&":
                if let end = chars[i...].prefix(12).firstIndex(of: ";") {
                    let entity = String(chars[i...end])
                    let decoded = Self.decodeEntities(entity)
                    if decoded != entity { text(decoded); i = end + 1; continue }
                }
                text("&"); i += 1
            default:
                text(String(chars[i])); i += 1
            }
        }
        markdown = markdown.replacingOccurrences(of: #"\n{3,}"#, with: "\n\n", options: .regularExpression)
            .replacingOccurrences(of: #"(\\\n)+$"#, with: "", options: .regularExpression)
            .trimmingCharacters(in: .whitespacesAndNewlines)
    }

    private mutating func text(_ s: String) {
        for c in s {
            // Characters Markdown would read as syntax are escaped; cloze braces and colons are not syntax.
            if "\\*_`[]<>$".contains(c) { markdown += "\\" }
            if c == "#", markdown.isEmpty || markdown.hasSuffix("\n") { markdown += "\\" }
            markdown.append(c)
        }
    }

    private mutating func tag(_ inside: String, lists: inout [(ordered: Bool, count: Int)]) {
        let closing = inside.hasPrefix("/")
        let body = closing ? String(inside.dropFirst()) : inside
        let name = body.prefix { $0.isLetter || $0.isNumber }.lowercased()
        let attributes = body.dropFirst(name.count).trimmingCharacters(in: CharacterSet(charactersIn: " /"))
        switch name {
        case "b", "strong": markdown += "**"
        case "i", "em": markdown += "*"
        case "br": markdown += "\\\n"
        case "div", "p":
            if !markdown.isEmpty, !markdown.hasSuffix("\n\n") { markdown += markdown.hasSuffix("\n") ? "\n" : "\n\n" }
        case "ul", "ol":
            if closing { _ = lists.popLast(); markdown += "\n\n" } else {
                if !markdown.isEmpty, !markdown.hasSuffix("\n") { markdown += "\n\n" }
                lists.append((name == "ol", 0))
            }
        case "li":
            guard !closing, var list = lists.popLast() else { break }
            list.count += 1
            if !markdown.isEmpty, !markdown.hasSuffix("\n") { markdown += "\n" }
            markdown += String(repeating: "  ", count: lists.count) + (list.ordered ? "\(list.count). " : "- ")
            lists.append(list)
        case "img":
            guard let src = Self.attribute("src", in: attributes) else { break }
            images.append(src)
            let alt = Self.attribute("alt", in: attributes) ?? ""
            markdown += "![\(alt)](\(src.contains(" ") ? "<\(src)>" : src))"
        case "a":
            if closing {
                if let link = pendingLink { markdown += "](\(link))" }
                pendingLink = nil
            } else if let href = Self.attribute("href", in: attributes) {
                pendingLink = href
                markdown += "["
            }
        case _ where Self.dropped.contains(name) && attributes.isEmpty:
            break
        case _ where Self.keptAsIs.contains(name) && attributes.isEmpty:
            markdown += "<\(closing ? "/" : "")\(name)>"
        default:
            needsRawHTML = true
            markdown += "<\(inside)>"
        }
    }

    private var pendingLink: String?

    private static func attribute(_ name: String, in attributes: String) -> String? {
        let pattern = name + #"\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))"#
        guard let regex = try? NSRegularExpression(pattern: pattern, options: .caseInsensitive),
              let match = regex.firstMatch(in: attributes, range: NSRange(attributes.startIndex..., in: attributes)) else { return nil }
        for group in 1...3 {
            if let range = Range(match.range(at: group), in: attributes) { return decodeEntities(String(attributes[range])) }
        }
        return nil
    }

    private static func withoutTags(_ s: String) -> String {
        s.replacingOccurrences(of: "<br\\s*/?>", with: " ", options: [.regularExpression, .caseInsensitive])
            .replacingOccurrences(of: "<[^>]*>", with: "", options: .regularExpression)
    }

    private static let named: [String: String] = [
        "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": "\u{a0}",
        "ndash": "–", "mdash": "—", "hellip": "…", "times": "×", "minus": "−",
    ]

    static func decodeEntities(_ s: String) -> String {
        guard s.contains("&") else { return s }
        let regex = try! NSRegularExpression(pattern: "&(#x[0-9a-fA-F]+|#[0-9]+|[a-zA-Z]+);")
        var out = s
        for match in regex.matches(in: s, range: NSRange(s.startIndex..., in: s)).reversed() {
            guard let whole = Range(match.range, in: out), let inner = Range(match.range(at: 1), in: s) else { continue }
            let name = String(s[inner])
            var replacement: String?
            if name.hasPrefix("#x") { replacement = UInt32(name.dropFirst(2), radix: 16).flatMap(Unicode.Scalar.init).map { String($0) } }
            else if name.hasPrefix("#") { replacement = UInt32(name.dropFirst()).flatMap(Unicode.Scalar.init).map { String($0) } }
            else { replacement = named[name.lowercased()] }
            if let replacement { out.replaceSubrange(whole, with: replacement) }
        }
        return out
    }
}
