import Foundation

/// The text alternative of a chart shown as an `<img>` (WCAG 1.1.1): its title and its series, read from
/// the SVG the engine draws (`ChartFrame`: a `<title>` first inside the root `<svg>`, one
/// `<g class="series" data-name="…">` per series).
enum ChartDescription {
    /// "Chart: Loss per epoch; series: train, validation". `caption` (an inline expression's text) comes
    /// first when there is one. Never empty: a chart without title or series is "Chart".
    static func alt(svg: String, caption: String?) -> String {
        var parts: [String] = []
        if let title = firstMatch(#"^<svg[^>]*><title>([^<]*)</title>"#, in: svg).first { parts.append(title) }
        var series: [String] = []
        for name in firstMatch(#"<g class="series" data-name="([^"]*)""#, in: svg, all: true) where !series.contains(name) {
            series.append(name)
        }
        var text = "Chart"
        if let caption, !caption.isEmpty { text += " of \(caption)" }
        if !parts.isEmpty { text += ": " + parts.joined(separator: ", ") }
        if !series.isEmpty { text += (parts.isEmpty ? ": " : "; ") + "series " + series.joined(separator: ", ") }
        return text
    }

    private static func firstMatch(_ pattern: String, in text: String, all: Bool = false) -> [String] {
        guard let regex = try? NSRegularExpression(pattern: pattern) else { return [] }
        let range = NSRange(text.startIndex..., in: text)
        let matches = all ? regex.matches(in: text, range: range) : regex.firstMatch(in: text, range: range).map { [$0] } ?? []
        return matches.compactMap { Range($0.range(at: 1), in: text).map { unescaped(String(text[$0])) } }
    }

    /// The five entities `xmlEscaped` writes, back to characters (`&amp;` last, so `&amp;lt;` stays `&lt;`).
    private static func unescaped(_ text: String) -> String {
        text.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
            .replacingOccurrences(of: "&amp;", with: "&")
    }
}
