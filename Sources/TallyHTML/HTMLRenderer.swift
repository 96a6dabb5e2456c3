import Foundation
import TallyDocument

/// Renders document blocks to HTML. One walk serves the site and the Anki export: what differs
/// (math delimiters, how cells, cards, images and inline values look) is configured, not copied.
///
/// Safety: all text is escaped; raw HTML is shown as text unless `allowRawHTML` (a notebook's
/// `unsafe-html: true`); links with schemes other than http, https and mailto are dropped.
public struct HTMLRenderer: DocumentVisitor {
    public enum MathStyle {
        /// `<span class="math inline">TeX</span>`, typeset in the browser by KaTeX.
        case katex
        /// MathJax delimiters `\(…\)` and `\[…\]`, as Anki renders them; `}}` in the TeX is spaced apart so it
        /// can never end a cloze deletion.
        case mathJax
    }

    /// How cloze deletions (`TallyDocument.Cloze`, and deletions inside formulas) are shown.
    public enum ClozeStyle {
        /// Anki's own markup, `{{c1::answer::hint}}`, for Anki's cloze template to render (in `.katex` math, the
        /// TeX as written). In prose, braces and `::` in the answer become character references, so Anki's cloze
        /// reader ends each deletion exactly where the model does; in MathJax, every `}}` inside the formula is
        /// spaced (`} }`) while the `}}` that closes a deletion is kept.
        case markup
        /// The front of a card: each deletion is a blank, `[…]` or `[hint]`, as Anki shows it.
        case blank
        /// The answer: each deletion's content, highlighted.
        case revealed
    }

    public var mathStyle: MathStyle
    public var clozeStyle: ClozeStyle = .markup
    public var allowRawHTML: Bool
    /// Inside a deletion written as Anki markup: text must not end it or start its hint.
    private var insideClozeMarkup = false
    /// HTML for an inline `{swift}` expression (its value once evaluated).
    public var expression: (InlineExpression) -> String
    /// The URL to use for an image source, or nil to drop the image (a path outside the project).
    public var image: (String, SourceLocation) -> String?
    /// When `image` gives nil: the URL to link the image's alt text to (a remote image the site does not
    /// load), or nil to show the alt text alone.
    public var imageLink: (String, SourceLocation) -> String?
    /// The `href` for a link's destination as written, or nil to show the link's text without a link.
    /// Default: the destination when `LinkPolicy` allows it (the site also resolves links between notebooks).
    public var link: (String, SourceLocation) -> String?
    /// The URL an Obsidian wikilink points at (a page, with its anchor) or an embed shows (an image),
    /// or nil when it resolves to nothing (its text is then shown, marked unresolved). Default: nil.
    public var wikiLink: (WikiLink, SourceLocation) -> String?
    /// HTML for a Swift cell (code, outputs).
    public var cell: (Cell) -> String
    /// HTML for a card inside a notebook page.
    public var card: (Card) -> String
    /// Applied to each formula's TeX before it is written (Anki fields expand the page's macros with it).
    public var expandTeX: (String) -> String = { $0 }
    /// HTML placed right after a display formula that starts at the given place (a checked
    /// formula's ✓ or ✗); empty by default.
    public var formulaMark: (SourceLocation) -> String = { _ in "" }

    /// The anchors of the headings being rendered. Nil: `render(_:)` takes the outline of the blocks it is given.
    public var outline: Outline?
    /// Hook for math typeset at build time (TallySite runs KaTeX once per build): the whole element for
    /// a formula at a location, `block` when it stands alone as a paragraph; nil leaves the formula to
    /// the default (`.katex`: TeX in a `.math` element for the browser). Only consulted with `.katex`.
    public var typesetMath: ((Math, SourceLocation, _ block: Bool) -> String?)?

    public init(mathStyle: MathStyle, allowRawHTML: Bool = false) {
        self.mathStyle = mathStyle
        self.allowRawHTML = allowRawHTML
        self.expression = { "<code class=\"expression\">\($0.expression.htmlEscaped)</code>" }
        self.image = { source, _ in LinkPolicy.isSafe(source) ? source : nil }
        self.imageLink = { _, _ in nil }
        self.wikiLink = { _, _ in nil }
        self.link = { destination, _ in LinkPolicy.isSafe(destination) ? destination : nil }
        self.cell = { cell in HTMLRenderer.codeBlock(cell.code, language: "swift") }
        self.card = { _ in "" }
    }

    // MARK: Blocks

    /// The HTML written so far by the walk under way: every `visitX` appends to it (rather than returning
    /// its part for the parent to copy into its own), so a page's HTML is written once.
    private var out = ""

    /// The HTML of `blocks`; heading ids come from `outline` (or the blocks' own outline when it is nil).
    public func render(_ blocks: [Block]) -> String { render(blocks, after: "") }

    /// `html` followed by the HTML of `blocks` (as `render(_:)`), written into `html`'s own storage.
    public func render(_ blocks: [Block], after html: String) -> String {
        var copy = self
        if copy.outline == nil { copy.outline = Outline(blocks) }
        copy.out = html
        copy.renderBlocks(blocks)
        return copy.out
    }

    /// Footnote references made so far, by number: the second reference to a footnote gets its own id.
    private var footnoteReferences: [Int: Int] = [:]

    private mutating func renderBlocks(_ blocks: [Block]) {
        var inFootnotes = false
        for block in blocks {
            let isFootnote: Bool
            if case .footnoteDefinition = block.kind { isFootnote = true } else { isFootnote = false }
            if isFootnote != inFootnotes {
                out += isFootnote ? "<section class=\"footnotes\" data-footnotes>\n<ol>\n" : "</ol>\n</section>\n"
                inFootnotes = isFootnote
            }
            visit(block)
        }
        if inFootnotes { out += "</ol>\n</section>\n" }
    }

    /// What `write` appends, taken out of the walk's HTML (for a part that is changed before it is written).
    private mutating func captured(_ write: (inout HTMLRenderer) -> Void) -> String {
        let before = out
        out = ""
        write(&self)
        let written = out
        out = before
        return written
    }

    /// Footnotes render as cmark-gfm renders them: `<sup class="footnote-ref"><a href="#fn-1" id="fnref-1">1</a></sup>`
    /// and, at the end, `<section class="footnotes"><ol><li id="fn-1">… <a href="#fnref-1">↩</a>`.
    public mutating func visitFootnoteDefinition(_ block: Block, number: Int, blocks: [Block]) {
        let backref = "<a href=\"#fnref-\(number)\" class=\"footnote-backref\" data-footnote-backref aria-label=\"Back to content\">↩</a>"
        var body = captured { $0.renderBlocks(blocks) }
        if body.hasSuffix("</p>\n") {
            body = String(body.dropLast(5)) + " " + backref + "</p>\n"
        } else {
            body += "<p>\(backref)</p>\n"
        }
        out += "<li id=\"fn-\(number)\">\n"
        out += body
        out += "</li>\n"
    }

    public mutating func visitCallout(_ block: Block, callout: Callout) {
        let kind = String(callout.kind.map { $0.isLetter || $0.isNumber || $0 == "-" ? $0 : "-" }).htmlEscaped
        let (element, titleElement) = callout.folding == .none ? ("div", "p") : ("details", "summary")
        let open = callout.folding == .open ? " open" : ""
        out += "<\(element) class=\"callout callout-\(kind)\" data-callout=\"\(kind)\"\(open)>\n<\(titleElement) class=\"callout-title\">"
        if callout.title.isEmpty { out += callout.defaultTitle.htmlEscaped } else { renderInlines(callout.title) }
        out += "</\(titleElement)>\n"
        renderBlocks(callout.blocks)
        out += "</\(element)>\n"
    }

    public func defaultVisit(_ block: Block) {}
    public func defaultVisit(_ inline: Inline) {}

    public mutating func visitParagraph(_ block: Block, inlines: [Inline]) {
        if inlines.count == 1, case .math(let m) = inlines[0].kind, m.display {
            out += math(m, at: inlines[0].location, block: true, mark: formulaMark(inlines[0].location))
            return
        }
        out += "<p>"
        renderInlines(inlines)
        out += "</p>\n"
    }

    public mutating func visitHeading(_ block: Block, level: Int, inlines: [Inline]) {
        var slugs = SlugMaker()
        let anchor = outline?.anchor(at: block.location) ?? slugs.slug(for: inlines.plainText)
        out += "<h\(level) id=\"\(anchor.htmlEscaped)\">"
        renderInlines(inlines)
        out += "</h\(level)>\n"
    }

    public mutating func visitBlockQuote(_ block: Block, blocks: [Block]) {
        out += "<blockquote>\n"
        renderBlocks(blocks)
        out += "</blockquote>\n"
    }

    public mutating func visitCodeBlock(_ block: Block, language: String, code: String) {
        out += HTMLRenderer.codeBlock(code, language: language)
    }

    public mutating func visitCell(_ block: Block, cell: Cell) { out += self.cell(cell) }
    public mutating func visitCard(_ block: Block, card: Card) { out += self.card(card) }

    /// Raw HTML: as written (through GFM's tagfilter) when the notebook allows it; else an HTML comment is
    /// invisible, as on GitHub, and anything else is shown as escaped text.
    public mutating func visitHTMLBlock(_ block: Block, html: String) {
        if allowRawHTML {
            out += TagFilter.filter(html)
        } else if !Self.isComment(html) {
            out += "<pre class=\"raw-html\">"
            out += html.htmlEscaped
            out += "</pre>\n"
        }
    }

    /// Whether `html` is one HTML comment and nothing else (bar trailing blanks).
    static func isComment(_ html: String) -> Bool {
        let trimmed = html.trimmingWhitespaceAndNewlines()
        guard trimmed.hasPrefix("<!--"), trimmed.hasSuffix("-->") else { return false }
        return trimmed.components(separatedBy: "-->").count == 2
    }

    public mutating func visitThematicBreak(_ block: Block) { out += "<hr>\n" }

    public mutating func visitList(_ block: Block, list: List) {
        let tag = list.ordered ? "ol" : "ul"
        let start = list.ordered && list.start != 1 ? " start=\"\(list.start)\"" : ""
        out += "<\(tag)\(start)>\n"
        for item in list.items {
            if let checked = item.checked {
                out += "<li class=\"task\"><input type=\"checkbox\" disabled\(checked ? " checked" : "")> "
            } else {
                out += "<li>"
            }
            for block in item.blocks {
                if list.tight, case .paragraph(let inlines) = block.kind {
                    renderInlines(inlines)
                } else {
                    visit(block)
                }
            }
            out += "</li>\n"
        }
        out += "</\(tag)>\n"
    }

    public mutating func visitTable(_ block: Block, table: Table) {
        // As cmark-gfm writes tables: `align` attributes, and no `<tbody>` when there are no rows.
        func align(_ i: Int) -> String {
            guard table.alignments.indices.contains(i) else { return "" }
            switch table.alignments[i] {
            case .none: return ""
            case .left: return " align=\"left\""
            case .center: return " align=\"center\""
            case .right: return " align=\"right\""
            }
        }
        out += "<div class=\"table-wrap\"><table>\n<thead><tr>"
        for (i, cell) in table.header.enumerated() {
            out += "<th\(align(i))>"
            renderInlines(cell)
            out += "</th>"
        }
        out += "</tr></thead>\n"
        guard !table.rows.isEmpty else { out += "</table></div>\n"; return }
        out += "<tbody>\n"
        for row in table.rows {
            out += "<tr>"
            for (i, cell) in row.enumerated() {
                out += "<td\(align(i))>"
                renderInlines(cell)
                out += "</td>"
            }
            out += "</tr>\n"
        }
        out += "</tbody></table></div>\n"
    }

    public static func codeBlock(_ code: String, language: String) -> String {
        let body = language == "swift" ? SwiftHighlighter.highlight(code) : code.htmlEscaped
        let cls = language.isEmpty ? "" : " class=\"language-\(language.htmlEscaped)\""
        return "<pre><code\(cls)>\(body)</code></pre>\n"
    }

    // MARK: Inlines

    /// The HTML of inline content (a paragraph's, a heading's or a table cell's).
    public func render(_ inlines: [Inline]) -> String {
        var copy = self
        copy.out = ""
        copy.renderInlines(inlines)
        return copy.out
    }

    private mutating func renderInlines(_ inlines: [Inline]) {
        for inline in inlines { visit(inline) }
    }

    public mutating func visitText(_ inline: Inline, text: String) { out += clozeSafe(text.htmlEscaped) }
    public mutating func visitInlineCode(_ inline: Inline, code: String) {
        out += "<code>"
        out += clozeSafe(code.htmlEscaped)
        out += "</code>"
    }
    public mutating func visitSoftBreak(_ inline: Inline) { out += "\n" }
    public mutating func visitLineBreak(_ inline: Inline) { out += "<br>\n" }
    public mutating func visitEmphasis(_ inline: Inline, children: [Inline]) { element("em", children) }
    public mutating func visitStrong(_ inline: Inline, children: [Inline]) { element("strong", children) }
    public mutating func visitStrikethrough(_ inline: Inline, children: [Inline]) { element("del", children) }

    /// `<tag>children</tag>`.
    private mutating func element(_ tag: StaticString, _ children: [Inline]) {
        out += "<\(tag)>"
        renderInlines(children)
        out += "</\(tag)>"
    }

    public mutating func visitLink(_ inline: Inline, destination: String, title: String, children: [Inline]) {
        guard let href = link(destination, inline.location) else { return renderInlines(children) }
        let t = title.isEmpty ? "" : " title=\"\(title.htmlEscaped)\""
        out += "<a href=\"\(href.percentEncodedHref.htmlEscaped)\"\(t)>"
        renderInlines(children)
        out += "</a>"
    }

    public mutating func visitImage(_ inline: Inline, source: String, title: String, alt: [Inline]) {
        let t = title.isEmpty ? "" : " title=\"\(title.htmlEscaped)\""
        guard let url = image(source, inline.location) else {
            guard let href = imageLink(source, inline.location) else { return renderInlines(alt) }
            out += "<a class=\"image-link\" href=\"\(href.percentEncodedHref.htmlEscaped)\"\(t)>"
            renderInlines(alt)
            out += "</a>"
            return
        }
        out += "<img src=\"\(url.percentEncodedHref.htmlEscaped)\" alt=\"\(alt.plainText.htmlEscaped)\"\(t)>"
    }

    public mutating func visitInlineHTML(_ inline: Inline, html: String) {
        if allowRawHTML {
            out += TagFilter.filter(html)
        } else if !Self.isComment(html) {
            out += InlineHTMLAllowlist.tag(html) ?? html.htmlEscaped
        }
    }

    public mutating func visitWikiLink(_ inline: Inline, link: WikiLink) {
        guard let url = wikiLink(link, inline.location) else {
            out += "<span class=\"wikilink unresolved\">\(link.text.htmlEscaped)</span>"
            return
        }
        if link.isEmbed {
            let width = link.alias.flatMap { Int($0) }.map { " width=\"\($0)\"" } ?? ""
            out += "<img src=\"\(url.percentEncodedHref.htmlEscaped)\" alt=\"\(link.target.htmlEscaped)\"\(width)>"
        } else {
            out += "<a class=\"wikilink\" href=\"\(url.percentEncodedHref.htmlEscaped)\">\(link.text.htmlEscaped)</a>"
        }
    }

    public mutating func visitFootnoteReference(_ inline: Inline, number: Int) {
        let count = footnoteReferences[number, default: 0] + 1
        footnoteReferences[number] = count
        let id = "fnref-\(number)" + (count > 1 ? "-\(count)" : "")
        out += "<sup class=\"footnote-ref\"><a href=\"#fn-\(number)\" id=\"\(id)\" data-footnote-ref>\(number)</a></sup>"
    }
    public mutating func visitMath(_ inline: Inline, math m: Math) {
        out += math(m, at: inline.location, block: false, mark: m.display ? formulaMark(inline.location) : "")
    }
    public mutating func visitExpression(_ inline: Inline, expression e: InlineExpression) { out += expression(e) }


    public mutating func visitCloze(_ inline: Inline, cloze c: Cloze) {
        switch clozeStyle {
        case .markup:
            // The deletion's content is written as text inside the markup; footnote references there are not
            // counted for the rest of the walk.
            let (outside, references) = (insideClozeMarkup, footnoteReferences)
            insideClozeMarkup = true
            let hint = c.hint.map { "::" + clozeSafe($0.htmlEscaped) } ?? ""
            out += "{{c\(c.number)::"
            renderInlines(c.content)
            out += hint
            out += "}}"
            (insideClozeMarkup, footnoteReferences) = (outside, references)
        case .blank:
            out += "<span class=\"cloze\">[\((c.hint ?? "…").htmlEscaped)]</span>"
        case .revealed:
            out += "<span class=\"cloze revealed\">"
            renderInlines(c.content)
            out += "</span>"
        }
    }

    /// Text inside Anki cloze markup, with `{`, `}` and `::` as character references (the same to a reader).
    private func clozeSafe(_ html: String) -> String {
        guard insideClozeMarkup else { return html }
        return html.replacingOccurrences(of: "{", with: "&#123;").replacingOccurrences(of: "}", with: "&#125;")
            .replacingOccurrences(of: "::", with: ":&#58;")
    }

    private func math(_ m: Math, at location: SourceLocation, block: Bool, mark: String = "") -> String {
        switch mathStyle {
        case .katex:
            // A formula with cloze deletions is shown blank or revealed, TeX the build did not typeset: the browser does.
            if m.clozeNumbers.isEmpty, let typeset = typesetMath?(m, location, block) {
                guard !mark.isEmpty else { return typeset + (block ? "\n" : "") }
                let tag = block ? "div" : "span"
                return "<\(tag) class=\"checked-formula\">\(typeset)\(mark)</\(tag)>" + (block ? "\n" : "")
            }
            let kind = m.display ? "display" : "inline"
            let tag = block ? "div" : "span"
            guard !mark.isEmpty else { return "<\(tag) class=\"math \(kind)\">\(tex(of: m).htmlEscaped)</\(tag)>" + (block ? "\n" : "") }
            // The mark beside the formula, not inside it: KaTeX replaces the element's text.
            return "<\(tag) class=\"checked-formula\"><span class=\"math \(kind)\">\(tex(of: m).htmlEscaped)</span>\(mark)</\(tag)>"
                + (block ? "\n" : "")
        case .mathJax:
            let tex = tex(of: m).htmlEscaped
            let text = m.display ? "\\[\(tex)\\]" : "\\(\(tex)\\)"
            return block ? "<div>\(text)</div>\n" : text
        }
    }

    /// The formula's TeX with its deletions shown in the cloze style (see `ClozeStyle`).
    private func tex(of m: Math) -> String {
        var out = ""
        for piece in m.pieces {
            switch (piece, clozeStyle) {
            case (.tex(let tex), _):
                out += mathStyle == .mathJax ? Self.spacedBraces(expandTeX(tex)) : expandTeX(tex)
            case (.cloze, .markup) where mathStyle == .katex:
                return m.tex
            case (.cloze(let n, let tex, let hint), .markup):
                // `{{{c1::` or `…}}}`: a space keeps the formula's own brace apart from the cloze markup.
                if out.hasSuffix("{") { out += " " }
                var body = Self.spacedBraces(expandTeX(tex)) + (hint.map { "::" + Self.spacedBraces($0) } ?? "")
                if body.hasSuffix("}") { body += " " }
                out += "{{c\(n)::\(body)}}"
            case (.cloze(_, _, let hint), .blank):
                out += hint.map { "[\\text{\(Self.texText($0))}]" } ?? "[\\dots]"
            case (.cloze(_, let tex, _), .revealed):
                out += "\\boxed{\(expandTeX(tex))}"
            }
        }
        return out
    }

    /// `}}` spaced to `} }` (the same TeX), so only cloze markup closes a deletion in Anki.
    private static func spacedBraces(_ tex: String) -> String {
        var tex = tex
        while tex.contains("}}") { tex = tex.replacingOccurrences(of: "}}", with: "} }") }
        return tex
    }

    /// Plain text for TeX's `\text{…}`, its special characters escaped.
    private static func texText(_ text: String) -> String {
        var out = ""
        for c in text {
            switch c {
            case "\\": out += "\\textbackslash{}"
            case "{", "}", "$", "&", "#", "_", "%": out += "\\\(c)"
            case "^": out += "\\^{}"
            case "~": out += "\\~{}"
            default: out.append(c)
            }
        }
        return out
    }
}
