import TallyDocument

/// Where each notebook's page goes: `notes/optimizers.md` → `notes/optimizers.html`, unique across the site.
struct SitePlan {
    struct Page {
        var notebook: Notebook
        var href: String

        /// Its cards for the cards and review pages (`CardsScript`), relative to the site root: `cards/PAGE.js`.
        var cardsScript: String { SitePlan.part("cards", of: href) }
        /// Its search entries (`SearchIndex.script(page:)`): `search/PAGE.js`.
        var searchScript: String { SitePlan.part("search", of: href) }
    }

    var pages: [Page]

    init(sources: SourceSet, notebooks: [Notebook]) {
        var used: Set<String> = ["index.html", "cards.html", "review.html"]
        pages = notebooks.map { notebook in
            let relative = sources.relativePath(of: notebook)
            var stem = relative.split(separator: "/").map { component in
                String(component.map { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" || $0 == "." ? $0 : "-" })
            }.joined(separator: "/")
            if let dot = stem.lastIndex(of: "."), !stem[dot...].contains("/") { stem = String(stem[..<dot]) }
            var href = stem + ".html"
            var n = 2
            while used.contains(href) { href = "\(stem)-\(n).html"; n += 1 }
            used.insert(href)
            return Page(notebook: notebook, href: href)
        }
    }

    /// A script beside the site's pages for the page at `href`: `folder/` + `href` with `.js` for `.html`
    /// (`a/b.html` → `cards/a/b.js`); unique as the pages are.
    static func part(_ folder: String, of href: String) -> String {
        folder + "/" + (href.hasSuffix(".html") ? String(href.dropLast(5)) : href) + ".js"
    }

    /// The relative path from a page back to the site root (`../` per folder level).
    static func root(of href: String) -> String {
        String(repeating: "../", count: href.split(separator: "/").count - 1)
    }
}
