import TallyDocument
import TallyHTML

/// A doc comment's Markdown as HTML, through the same parser (cmark-gfm) and renderer the notebooks
/// use: text escaped, raw HTML shown as text, only safe links, no images (the reference loads nothing).
enum DocCommentHTML {
    static func render(_ lines: [String]) -> String {
        let (notebook, _) = NotebookParser.parse(lines.joined(separator: "\n"), path: "doc-comment")
        let r = renderer()
        return r.render(notebook.blocks)
    }

    /// The first paragraph's inline HTML (no `<p>`), for one-line summaries.
    static func summary(_ markdown: String) -> String {
        let (notebook, _) = NotebookParser.parse(markdown, path: "doc-comment")
        guard let first = notebook.blocks.first, case .paragraph(let inlines) = first.kind else { return "" }
        return renderer().render(inlines)
    }

    private static func renderer() -> HTMLRenderer {
        var r = HTMLRenderer(mathStyle: .katex, allowRawHTML: false)
        r.image = { _, _ in nil }
        return r
    }
}
