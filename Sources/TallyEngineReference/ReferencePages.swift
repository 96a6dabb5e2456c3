import TallyHTML

/// The reference as static files: `index.html` (every topic with every symbol's name and summary:
/// one page to search with the browser's find), a page per topic with each symbol's declaration,
/// documentation and source, and `reference.css`. No script and nothing from the internet, so the
/// pages read the same from `file://` as from a server.
public struct ReferencePages {
    public var reference: EngineReference
    /// Where the study site's index is, relative to the reference's folder.
    public var siteIndex: String

    public init(_ reference: EngineReference, siteIndex: String = "../index.html") {
        self.reference = reference
        self.siteIndex = siteIndex
    }

    /// File name → contents.
    public func files() -> [String: String] {
        let links = Dictionary(reference.allEntries.map { ($0.id, DeclarationHTML.href(page: $0.page, anchor: $0.anchor)) },
                               uniquingKeysWith: { first, _ in first })
        var files = ["index.html": index(), ReferenceStyle.fileName: ReferenceStyle.css]
        for topic in reference.topics {
            files[topic.page] = page(topic, links: links)
        }
        return files
    }

    // MARK: Pages

    private func index() -> String {
        let all = reference.allEntries
        let undocumented = reference.undocumented
        var body = "<h1>Engine reference</h1>\n"
        body += "<p class=\"lead\">What notebook cells can call with no import line (module <code>\(reference.module.htmlEscaped)</code>): "
            + "\(all.count) public symbols in \(reference.topics.count) topics, generated from the engine’s doc comments. "
            + "Each entry gives the declaration (argument labels, types, defaults), what the symbol takes and returns "
            + "(shapes, units), when it traps, the PyTorch, scikit-learn or SciPy function it mirrors, and its source file.</p>\n"
        if !undocumented.isEmpty {
            body += "<p class=\"warning\">\(undocumented.count) symbols have no doc comment yet: <a href=\"#undocumented\">listed at the end</a>.</p>\n"
        }
        for topic in reference.topics {
            body += "<section class=\"toc-topic\">\n<h2 id=\"\(topic.page.htmlEscaped)\"><a href=\"\(topic.page.htmlEscaped)\">\(topic.name.htmlEscaped)</a></h2>\n<dl class=\"toc\">\n"
            for e in topic.entries {
                body += "<dt><a href=\"\(href(e))\"><code>\(e.title.htmlEscaped)</code></a> <span class=\"kind\">\(e.kind.htmlEscaped)</span></dt>\n"
                body += "<dd>\(DocCommentHTML.summary(e.summary))"
                if !e.members.isEmpty {
                    let names = e.members.map { "<a href=\"\(href($0))\"><code>\(memberName($0).htmlEscaped)</code></a>" }
                    body += "<span class=\"members\">\(names.joined(separator: ", "))</span>"
                }
                body += "</dd>\n"
            }
            body += "</dl>\n</section>\n"
        }
        if !undocumented.isEmpty {
            body += "<section id=\"undocumented\">\n<h2>Not documented yet</h2>\n<ul class=\"undocumented-list\">\n"
            for e in undocumented {
                body += "<li><a href=\"\(href(e))\"><code>\(e.title.htmlEscaped)</code></a> <span class=\"source\">\(sourcePath(e).htmlEscaped)</span></li>\n"
            }
            body += "</ul>\n</section>\n"
        }
        return document(title: "Engine reference", body: body)
    }

    private func page(_ topic: ReferenceTopic, links: [String: String]) -> String {
        var body = "<h1>\(topic.name.htmlEscaped)</h1>\n"
        body += "<p class=\"lead\">Declared in <code>Sources/\(reference.module.htmlEscaped)/\(topic.folder.htmlEscaped)/</code>.</p>\n"
        body += "<nav class=\"contents\" aria-label=\"On this page\"><ul>\n"
        for e in topic.entries { body += "<li><a href=\"#\(fragment(e))\"><code>\(e.title.htmlEscaped)</code></a></li>\n" }
        body += "</ul></nav>\n"
        for e in topic.entries { body += entry(e, level: 2, links: links) }
        return document(title: topic.name, body: body)
    }

    private func entry(_ e: ReferenceEntry, level: Int, links: [String: String]) -> String {
        let name = level == 2 ? e.title : memberName(e)
        var out = "<section class=\"symbol\(level == 2 ? "" : " member")\" id=\"\(e.anchor.htmlEscaped)\">\n"
        out += "<h\(level)><a class=\"self\" href=\"#\(fragment(e))\"><code>\(name.htmlEscaped)</code></a> <span class=\"kind\">\(e.kind.htmlEscaped)</span></h\(level)>\n"
        if !e.declaration.isEmpty {
            out += "<pre class=\"declaration\"><code>\(DeclarationHTML.render(e.declaration, links: links))</code></pre>\n"
        }
        for (label, types) in [("Inherits from", e.superclass), ("Conforms to", e.conformances)] where !types.isEmpty {
            let names = types.map { t -> String in
                let name = "<code>\(t.name.htmlEscaped)</code>"
                return links[t.id].map { "<a href=\"\($0.htmlEscaped)\">\(name)</a>" } ?? name
            }
            out += "<p class=\"supertypes\">\(label) \(names.joined(separator: ", ")).</p>\n"
        }
        if e.isDocumented, let doc = e.doc {
            out += "<div class=\"doc\">\n\(DocCommentHTML.render(doc))</div>\n"
            if let module = e.docModule, module != reference.module {
                out += "<p class=\"inherited\">Documentation inherited from <code>\(module.htmlEscaped)</code>.</p>\n"
            }
        } else {
            out += "<p class=\"undocumented\">No doc comment yet.</p>\n"
        }
        out += "<p class=\"source\">Source: <code>\(sourcePath(e).htmlEscaped)</code></p>\n"
        if !e.members.isEmpty {
            out += "<div class=\"members\">\n" + e.members.map { entry($0, level: min(level + 1, 4), links: links) }.joined() + "</div>\n"
        }
        return out + "</section>\n"
    }

    private func document(title: String, body: String) -> String {
        let topics = reference.topics.map { "<a href=\"\($0.page.htmlEscaped)\">\($0.name.htmlEscaped)</a>" }.joined(separator: "\n")
        return """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <meta name="color-scheme" content="light dark">
        <title>\(title.htmlEscaped) · Tally engine reference</title>
        <link rel="stylesheet" href="\(ReferenceStyle.fileName)">
        </head>
        <body>
        <header class="bar">
        <a class="home" href="\(siteIndex.htmlEscaped)">← Study notebooks</a>
        <a class="home" href="index.html">Engine reference</a>
        <nav class="topics" aria-label="Topics">
        \(topics)
        </nav>
        </header>
        <main>
        \(body)</main>
        </body>
        </html>

        """
    }

    // MARK: Pieces

    private func href(_ e: ReferenceEntry) -> String { DeclarationHTML.href(page: e.page, anchor: e.anchor).htmlEscaped }
    private func fragment(_ e: ReferenceEntry) -> String { DeclarationHTML.fragment(e.anchor).htmlEscaped }
    private func memberName(_ e: ReferenceEntry) -> String { e.name }
    private func sourcePath(_ e: ReferenceEntry) -> String {
        e.line > 0 ? "Sources/\(reference.module)/\(e.file):\(e.line)" : "(no source position in the module)"
    }
}
