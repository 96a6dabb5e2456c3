import Foundation

/// What a reader sees of Anki's HTML, for assertions: character references decoded. `compact` also drops
/// whitespace, so TeX compares whatever spacing kept `}}` apart.
enum HTMLText {
    static func decoded(_ html: String) -> String {
        var out = ""
        var rest = Substring(html)
        while let amp = rest.firstIndex(of: "&") {
            out += rest[..<amp]
            rest = rest[amp...]
            guard let semi = rest.firstIndex(of: ";"), rest.distance(from: rest.startIndex, to: semi) < 10 else {
                out.append("&")
                rest = rest.dropFirst()
                continue
            }
            let name = rest[rest.index(after: rest.startIndex)..<semi]
            let named = ["amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'"]
            if let text = named[String(name)] {
                out += text
            } else if name.hasPrefix("#x") || name.hasPrefix("#X"), let n = UInt32(name.dropFirst(2), radix: 16),
                      let scalar = Unicode.Scalar(n) {
                out.unicodeScalars.append(scalar)
            } else if name.hasPrefix("#"), let n = UInt32(name.dropFirst()), let scalar = Unicode.Scalar(n) {
                out.unicodeScalars.append(scalar)
            } else {
                out += rest[...semi]
            }
            rest = rest[rest.index(after: semi)...]
        }
        return out + rest
    }

    static func compact(_ html: String) -> String {
        decoded(html).filter { !$0.isWhitespace }
    }

    /// The text a reader sees: no `<style>` block, no tags (Anki keeps a deletion's answer in a `data-cloze`
    /// attribute of the question), references decoded, whitespace dropped.
    static func visible(_ html: String) -> String {
        var text = html.replacingOccurrences(of: "<style>[\\s\\S]*?</style>", with: "", options: .regularExpression)
        text = text.replacingOccurrences(of: "<[^>]*>", with: "", options: .regularExpression)
        return compact(text)
    }
}
