/// The tags a browser would make of an HTML text, found as its tokenizer finds them: a tag starts
/// at `<` followed by a letter; comments are skipped; the text inside `script`, `style`, `title`
/// and `textarea` is not markup. Escaped text (`&lt;script&gt;`) is therefore never a tag.
struct HTMLTag {
    var name: String
    /// Attribute names lowercased; values with character references decoded.
    var attributes: [(name: String, value: String)]
    /// For raw-text elements (`script`, `style`…): what stands between the tag and its end tag.
    var content: String

    func value(_ name: String) -> String? { attributes.first { $0.name == name }?.value }

    static func scan(_ html: String) -> [HTMLTag] {
        let s = Array(html.unicodeScalars)
        var tags: [HTMLTag] = []
        var i = 0
        func isLetter(_ c: Unicode.Scalar) -> Bool { c.properties.isAlphabetic && c.isASCII }
        func isSpace(_ c: Unicode.Scalar) -> Bool { " \t\n\r\u{0C}".unicodeScalars.contains(c) }
        func starts(_ text: String, at p: Int) -> Bool {
            let t = Array(text.unicodeScalars)
            return p + t.count <= s.count && zip(s[p..<p + t.count], t).allSatisfy { String($0).lowercased() == String($1) }
        }
        while i < s.count {
            guard s[i] == "<" else { i += 1; continue }
            if starts("<!--", at: i) {
                i += 4
                while i < s.count && !starts("-->", at: i) { i += 1 }
                i += 3
                continue
            }
            guard i + 1 < s.count, isLetter(s[i + 1]) else { i += 1; continue }
            i += 1
            var name = ""
            while i < s.count, !isSpace(s[i]), s[i] != "/", s[i] != ">" { name.unicodeScalars.append(s[i]); i += 1 }
            var attributes: [(String, String)] = []
            while i < s.count, s[i] != ">" {
                if isSpace(s[i]) || s[i] == "/" { i += 1; continue }
                var attribute = ""
                while i < s.count, !isSpace(s[i]), s[i] != "/", s[i] != ">", s[i] != "=" || attribute.isEmpty {
                    attribute.unicodeScalars.append(s[i]); i += 1
                }
                while i < s.count, isSpace(s[i]) { i += 1 }
                var value = ""
                if i < s.count, s[i] == "=" {
                    i += 1
                    while i < s.count, isSpace(s[i]) { i += 1 }
                    if i < s.count, s[i] == "\"" || s[i] == "'" {
                        let quote = s[i]
                        i += 1
                        while i < s.count, s[i] != quote { value.unicodeScalars.append(s[i]); i += 1 }
                        i += 1
                    } else {
                        while i < s.count, !isSpace(s[i]), s[i] != ">" { value.unicodeScalars.append(s[i]); i += 1 }
                    }
                }
                attributes.append((attribute.lowercased(), decodeReferences(value)))
            }
            i += 1
            let lower = name.lowercased()
            var content = ""
            if ["script", "style", "title", "textarea"].contains(lower) {
                while i < s.count, !starts("</\(lower)", at: i) { content.unicodeScalars.append(s[i]); i += 1 }
            }
            tags.append(HTMLTag(name: lower, attributes: attributes, content: content))
        }
        return tags
    }

    /// Numeric references and the named ones that can hide a URL scheme; enough to read a URL as a browser would.
    static func decodeReferences(_ text: String) -> String {
        var out = ""
        var rest = Substring(text)
        let named = ["amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "colon": ":", "tab": "\t", "newline": "\n"]
        while let amp = rest.firstIndex(of: "&") {
            out += rest[..<amp]
            rest = rest[rest.index(after: amp)...]
            let name = rest.prefix { $0.isLetter || $0.isNumber || $0 == "#" }
            var scalar: Unicode.Scalar?
            if name.hasPrefix("#x") || name.hasPrefix("#X") {
                scalar = UInt32(name.dropFirst(2), radix: 16).flatMap(Unicode.Scalar.init)
            } else if name.hasPrefix("#") {
                scalar = UInt32(name.dropFirst()).flatMap(Unicode.Scalar.init)
            }
            if let scalar {
                out.unicodeScalars.append(scalar)
            } else if let value = named[name.lowercased()] {
                out += value
            } else {
                out += "&"
                continue
            }
            rest = rest.dropFirst(name.count)
            if rest.first == ";" { rest = rest.dropFirst() }
        }
        return out + rest
    }
}
