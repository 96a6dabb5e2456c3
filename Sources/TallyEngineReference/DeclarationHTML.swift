import Foundation
import TallyHTML

/// A declaration's tokens as HTML: keywords, names and parameters marked for the style sheet, and a
/// type the reference documents linked to its entry.
enum DeclarationHTML {
    /// `links`: mangled name → `page#anchor` of the entries the reference has.
    static func render(_ fragments: [SymbolGraph.Symbol.Fragment], links: [String: String]) -> String {
        fragments.map { f -> String in
            let text = f.spelling.htmlEscaped
            switch f.kind {
            case "keyword", "attribute": return "<span class=\"kw\">\(text)</span>"
            case "identifier": return "<span class=\"name\">\(text)</span>"
            case "externalParam": return "<span class=\"label\">\(text)</span>"
            case "internalParam", "genericParameter": return "<span class=\"param\">\(text)</span>"
            case "typeIdentifier":
                if let id = f.preciseIdentifier, let href = links[id] { return "<a class=\"type\" href=\"\(href.htmlEscaped)\">\(text)</a>" }
                return "<span class=\"type\">\(text)</span>"
            case "number", "string": return "<span class=\"lit\">\(text)</span>"
            default: return text
            }
        }.joined()
    }

    /// `page#anchor` with the anchor percent-encoded for a URL fragment.
    static func href(page: String, anchor: String) -> String { page + "#" + fragment(anchor) }

    static func fragment(_ anchor: String) -> String {
        anchor.addingPercentEncoding(withAllowedCharacters: .urlFragmentAllowed) ?? anchor
    }
}
