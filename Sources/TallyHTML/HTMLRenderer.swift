import TallyDocument

/// Renders document blocks to HTML. One walk serves the site and the Anki export: what differs
/// (math delimiters, how cells, cards, images and inline values look) is configured, not copied.
///
/// Safety: all text is escaped; raw HTML is shown as text unless `allowRawHTML` (a notebook's
/// `unsafe-html: true`); links with schemes other than http, https and mailto are dropped.
public struct HTMLRenderer {
    public enum MathStyle {
        /// `<span class="math inline">TeX</span>`, typeset in the browser by KaTeX.
        case katex
        /// MathJax delimiters `\(…\)` and `\[…\]`, as Anki renders them; `}}` is spaced apart so it
        /// can never end a cloze deletion.
        case mathJax
    }

    public var mathStyle: MathStyle
    public var allowRawHTML: Bool
    /// HTML for an inline `{swift}` expression (its value once evaluated).
    public var expression: (InlineExpression) -> String
    /// The URL to use for an image source, or nil to drop the image (a path outside the project).
    public var image: (String, SourceLocation) -> String?
    /// HTML for a Swift cell (code, outputs).
    public var cell: (Cell) -> String
    /// HTML for a card inside a notebook page.
    public var card: (Card) -> String
    /// Hook for math typeset at build time (TallySite runs KaTeX once per build): the whole element for
    /// a formula at a location, `block` when it stands alone as a paragraph; nil leaves the formula to
    /// the default (`.katex`: TeX in a `.math` element for the browser). Only consulted with `.katex`.
    public var typesetMath: ((Math, SourceLocation, _ block: Bool) -> String?)?

    /// Headings rendered so far, with their anchors (and their inlines, for contents that show math), for tables of contents.
    public private(set) var headings: [(level: Int, text: String, anchor: String, inlines: [Inline])] = []
    private var slugs = SlugMaker()

    public init(mathStyle: MathStyle, allowRawHTML: Bool = false) {
        self.mathStyle = mathStyle
        self.allowRawHTML = allowRawHTML
        self.expression = { "<code class=\"expression\">\($0.expression.htmlEscaped)</code>" }
        self.image = { source, _ in LinkPolicy.isSafe(source) ? source : nil }
        self.cell = { cell in HTMLRenderer.codeBlock(cell.code, language: "swift") }
        self.card = { _ in "" }
    }

    // MARK: Blocks

    public mutating func render(_ blocks: [Block]) -> String {
        blocks.map { render($0) }.joined()
    }

    public mutating func render(_ block: Block) -> String {
        switch block.kind {
        case .paragraph(let inlines):
            if inlines.count == 1, case .math(let m) = inlines[0].kind, m.display { return math(m, at: inlines[0].location, block: true) }
            return "<p>\(render(inlines))</p>\n"
        case .heading(let level, let inlines):
            let anchor = slugs.slug(for: inlines.plainText)
            headings.append((level, inlines.plainText, anchor, inlines))
            return "<h\(level) id=\"\(anchor.htmlEscaped)\">\(render(inlines))</h\(level)>\n"
        case .blockQuote(let blocks):
            return "<blockquote>\n\(render(blocks))</blockquote>\n"
        case .list(let list):
            return render(list)
        case .code(let language, let code):
            return HTMLRenderer.codeBlock(code, language: language)
        case .cell(let c):
            return cell(c)
        case .card(let c):
            return card(c)
        case .table(let table):
            return render(table)
        case .html(let html):
            return allowRawHTML ? html : "<pre class=\"raw-html\">\(html.htmlEscaped)</pre>\n"
        case .thematicBreak:
            return "<hr>\n"
        }
    }

    private mutating func render(_ list: List) -> String {
        let tag = list.ordered ? "ol" : "ul"
        let start = list.ordered && list.start != 1 ? " start=\"\(list.start)\"" : ""
        var out = "<\(tag)\(start)>\n"
        for item in list.items {
            var body = ""
            for block in item.blocks {
                if list.tight, case .paragraph(let inlines) = block.kind {
                    body += render(inlines)
                } else {
                    body += render(block)
                }
            }
            if let checked = item.checked {
                let box = "<input type=\"checkbox\" disabled\(checked ? " checked" : "")> "
                out += "<li class=\"task\">\(box)\(body)</li>\n"
            } else {
                out += "<li>\(body)</li>\n"
            }
        }
        return out + "</\(tag)>\n"
    }

    private mutating func render(_ table: Table) -> String {
        func align(_ i: Int) -> String {
            guard table.alignments.indices.contains(i) else { return "" }
            switch table.alignments[i] {
            case .none: return ""
            case .left: return " style=\"text-align:left\""
            case .center: return " style=\"text-align:center\""
            case .right: return " style=\"text-align:right\""
            }
        }
        var out = "<div class=\"table-wrap\"><table>\n<thead><tr>"
        for (i, cell) in table.header.enumerated() { out += "<th\(align(i))>\(render(cell))</th>" }
        out += "</tr></thead>\n<tbody>\n"
        for row in table.rows {
            out += "<tr>"
            for (i, cell) in row.enumerated() { out += "<td\(align(i))>\(render(cell))</td>" }
            out += "</tr>\n"
        }
        return out + "</tbody></table></div>\n"
    }

    public static func codeBlock(_ code: String, language: String) -> String {
        let body = language == "swift" ? SwiftHighlighter.highlight(code) : code.htmlEscaped
        let cls = language.isEmpty ? "" : " class=\"language-\(language.htmlEscaped)\""
        return "<pre><code\(cls)>\(body)</code></pre>\n"
    }

    // MARK: Inlines

    public func render(_ inlines: [Inline]) -> String {
        inlines.map(render).joined()
    }

    private func render(_ inline: Inline) -> String {
        switch inline.kind {
        case .text(let s): return s.htmlEscaped
        case .code(let s): return "<code>\(s.htmlEscaped)</code>"
        case .softBreak: return "\n"
        case .lineBreak: return "<br>\n"
        case .emphasis(let c): return "<em>\(render(c))</em>"
        case .strong(let c): return "<strong>\(render(c))</strong>"
        case .strikethrough(let c): return "<del>\(render(c))</del>"
        case .link(let destination, let title, let c):
            guard LinkPolicy.isSafe(destination) else { return render(c) }
            let t = title.isEmpty ? "" : " title=\"\(title.htmlEscaped)\""
            return "<a href=\"\(destination.htmlEscaped)\"\(t)>\(render(c))</a>"
        case .image(let source, let title, let alt):
            guard let url = image(source, inline.location) else { return render(alt) }
            let t = title.isEmpty ? "" : " title=\"\(title.htmlEscaped)\""
            return "<img src=\"\(url.htmlEscaped)\" alt=\"\(alt.plainText.htmlEscaped)\"\(t)>"
        case .html(let s): return allowRawHTML ? s : s.htmlEscaped
        case .math(let m): return math(m, at: inline.location, block: false)
        case .expression(let e): return expression(e)
        }
    }

    private func math(_ m: Math, at location: SourceLocation, block: Bool) -> String {
        switch mathStyle {
        case .katex:
            if let typeset = typesetMath?(m, location, block) { return typeset + (block ? "\n" : "") }
            let kind = m.display ? "display" : "inline"
            let tag = block ? "div" : "span"
            return "<\(tag) class=\"math \(kind)\">\(m.tex.htmlEscaped)</\(tag)>" + (block ? "\n" : "")
        case .mathJax:
            var tex = m.tex
            while tex.contains("}}") { tex = tex.replacingOccurrences(of: "}}", with: "} }") }
            tex = tex.htmlEscaped
            let text = m.display ? "\\[\(tex)\\]" : "\\(\(tex)\\)"
            return block ? "<div>\(text)</div>\n" : text
        }
    }
}
