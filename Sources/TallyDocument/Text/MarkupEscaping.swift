extension String {
    /// Text made safe for HTML element content and quoted attribute values: `& < > " '` become
    /// `&amp; &lt; &gt; &quot; &#39;` (the five characters HTML5 requires escaping in both places).
    public var htmlEscaped: String { escaped(apostrophe: true) }

    /// Text made safe for XML element content and double-quoted attribute values (`& < > "`), as the JUnit
    /// report writes it. The engine's SVG writer keeps its own copy: the engine links into notebook
    /// programs and depends on no other module.
    public var xmlEscaped: String { escaped(apostrophe: false) }

    private func escaped(apostrophe: Bool) -> String {
        var out = ""
        out.reserveCapacity(utf8.count)
        for c in unicodeScalars {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'" where apostrophe: out += "&#39;"
            default: out.unicodeScalars.append(c)
            }
        }
        return out
    }
}
