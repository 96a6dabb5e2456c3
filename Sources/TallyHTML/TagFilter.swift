import Foundation

/// GFM's tagfilter extension, applied to raw HTML even when a notebook allows it (`unsafe-html: true`):
/// the `<` of `<title>`, `<textarea>`, `<style>`, `<xmp>`, `<iframe>`, `<noembed>`, `<noframes>`,
/// `<script>` and `<plaintext>` (opening or closing, any case) becomes `&lt;`, as the GFM spec says.
public enum TagFilter {
    private static let pattern = try! NSRegularExpression(
        pattern: #"<(?=/?(?:title|textarea|style|xmp|iframe|noembed|noframes|script|plaintext)(?:[\s/>]|$))"#,
        options: [.caseInsensitive])

    public static func filter(_ html: String) -> String {
        pattern.stringByReplacingMatches(in: html, range: NSRange(html.startIndex..., in: html), withTemplate: "&lt;")
    }
}
