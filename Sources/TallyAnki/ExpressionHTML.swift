import TallyResults
import TallyHTML

/// A computed `{swift}` value as a card shows it: numbers as text or a small table, charts as SVG media (Anki
/// shows an `<img>` of an SVG file; inline SVG in a field is easily mangled by Anki's editor).
enum ExpressionHTML {
    static func html(text: String, display: Display, media: CardMedia) -> String {
        switch display {
        case .text:
            return "<span class=\"tally-value\">\(text.htmlEscaped)</span>"
        case .table(let rows):
            let body = rows.map { row in "<tr>" + row.map { "<td>\($0.htmlEscaped)</td>" }.joined() + "</tr>" }
            return "<table class=\"tally-value\">\(body.joined())</table>"
        case .svg(let svg):
            let name = media.add(AnkiMedia(data: Array(svg.utf8), fileExtension: "svg"))
            return "<img src=\"\(name.htmlEscaped)\" alt=\"\(text.htmlEscaped)\">"
        }
    }
}
