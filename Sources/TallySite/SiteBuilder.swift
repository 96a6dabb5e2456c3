import Foundation
import TallyDocument
import TallyEvaluation
import TallyHTML

/// Renders notebooks into a static site: an index, a page per notebook, a page with all cards,
/// and the assets they load. Steps run in order; the folder appears only when all of them succeed.
public struct SiteBuilder {
    public var sources: SourceSet
    public var templates: TemplateSet
    /// The notebooks to publish, with their evaluations (keyed by path) where they have been evaluated.
    public var notebooks: [Notebook]
    public var evaluations: [String: NotebookEvaluation]
    /// The engine reference's files (name → contents), written into `engine/` and linked from every
    /// page's navigation; nil: no reference. Built in the same staging folder as the rest, so it is
    /// swapped in with the site and never left behind by, or lost to, a rebuild.
    public var engineReference: [String: String]?
    public static let engineReferenceFolder = "engine"

    public init(sources: SourceSet, templates: TemplateSet, notebooks: [Notebook]? = nil,
                evaluations: [String: NotebookEvaluation] = [:]) {
        self.sources = sources
        self.templates = templates
        self.notebooks = notebooks ?? sources.publishable
        self.evaluations = evaluations
    }

    /// The page of each published notebook, relative to the site root (for links from Anki cards).
    public var pageHrefs: [String: String] {
        Dictionary(uniqueKeysWithValues: SitePlan(sources: sources, notebooks: notebooks).pages.map { ($0.notebook.path, $0.href) })
    }

    /// Builds the notebooks into `output` (replaced atomically). Returns diagnostics
    /// (images outside the project, missing KaTeX…); throws only when the folder can't be written.
    public func build(into output: URL) throws -> [Diagnostic] {
        let plan = SitePlan(sources: sources, notebooks: notebooks)
        let media = MediaFiles(sources: sources)
        var diagnostics: [Diagnostic] = []
        try AtomicFolder(output).replace { site in
            let nav = plan.pages.map { ["title": $0.notebook.title, "href": $0.href] }
            var search = SearchIndex()
            for (index, page) in plan.pages.enumerated() {
                let html = notebookPage(page, index: index, plan: plan, nav: nav, media: media, search: &search)
                try write(html, to: site.appendingPathComponent(page.href))
            }
            let groups = cardGroups(plan, media: media)
            try write(cardsPage(groups, nav: nav), to: site.appendingPathComponent("cards.html"))
            try write(reviewPage(groups, nav: nav), to: site.appendingPathComponent("review.html"))
            try write(indexPage(plan, nav: nav), to: site.appendingPathComponent("index.html"))
            try write(try search.script(), to: site.appendingPathComponent(SearchIndex.fileName))
            diagnostics += try SiteAssets.write(into: site, templates: templates)
            try media.copy(into: site)
            for (name, contents) in engineReference ?? [:] {
                try write(contents, to: site.appendingPathComponent(Self.engineReferenceFolder).appendingPathComponent(name))
            }
        }
        return media.diagnostics + diagnostics
    }

    // MARK: Steps

    private func renderer(for notebook: Notebook, media: MediaFiles, root: String) -> HTMLRenderer {
        var r = HTMLRenderer(mathStyle: .katex, allowRawHTML: notebook.frontMatter.unsafeHTML)
        r.image = { source, location in media.url(for: source, in: notebook, at: location).map { root + $0 } }
        let evaluated = EvaluatedHTML(evaluation: evaluations[notebook.path])
        r.cell = evaluated.cell
        r.expression = evaluated.expression
        let cardRenderer = r
        r.card = { CardHTML.render($0, with: cardRenderer) }
        return r
    }

    private func notebookPage(_ page: SitePlan.Page, index: Int, plan: SitePlan, nav: [[String: String]],
                              media: MediaFiles, search: inout SearchIndex) -> String {
        let root = SitePlan.root(of: page.href)
        var r = renderer(for: page.notebook, media: media, root: root)
        let body = r.render(page.notebook.blocks)
        search.add(page.notebook, href: page.href, anchors: r.headings.map(\.anchor))
        let headings = r.headings.filter { $0.level <= 3 }
        let toc = headings.map { ["level": $0.level, "text": $0.text, "anchor": $0.anchor] as [String: Any] }
        func link(_ i: Int) -> [String: String]? {
            plan.pages.indices.contains(i) ? ["title": plan.pages[i].notebook.title, "href": root + plan.pages[i].href] : nil
        }
        let cardCount = page.notebook.cards.count
        var context: [String: Any] = [
            "title": page.notebook.title, "source": page.notebook.path, "body": body,
            "toc": toc, "hasToc": toc.count > 1,
            "cardCount": cardCount, "hasCards": cardCount > 0, "review": root + "review.html#notebook=" + page.href,
        ]
        let evaluation = evaluations[page.notebook.path]
        let failures = (evaluation?.diagnostics ?? []).filter { $0.severity == .error }.map(\.description)
        context["failures"] = failures
        context["hasFailures"] = !failures.isEmpty
        if let checks = evaluation?.checks, !checks.isEmpty {
            let passed = checks.filter(\.passed).count
            context["checks"] = ["passed": passed, "total": checks.count, "allHold": passed == checks.count] as [String: Any]
        }
        context["previous"] = link(index - 1)
        context["next"] = link(index + 1)
        var layout = layoutContext(page.notebook.title, root: root, nav: nav, current: page.href)
        let sections = Self.sections(headings)
        layout["sections"] = sections.map { ["text": $0.text, "anchor": $0.anchor] }
        layout["hasSections"] = !sections.isEmpty
        return templates.page("notebook", context, layout: layout)
    }

    /// The headings the sidebar lists under the current notebook: the top level, or the level below
    /// a single top heading (which is the notebook's title).
    static func sections(_ headings: [(level: Int, text: String, anchor: String)]) -> [(text: String, anchor: String)] {
        guard var top = headings.map(\.level).min() else { return [] }
        var rest = headings
        if headings.filter({ $0.level == top }).count == 1 {
            rest.removeAll { $0.level == top }
            guard let below = rest.map(\.level).min() else { return [] }
            top = below
        }
        return rest.filter { $0.level == top }.map { ($0.text, $0.anchor) }
    }

    /// Each notebook that has cards, with its cards rendered: the cards page and the review page show them.
    private func cardGroups(_ plan: SitePlan, media: MediaFiles) -> [[String: Any]] {
        plan.pages.filter { !$0.notebook.cards.isEmpty }.map { page -> [String: Any] in
            let r = renderer(for: page.notebook, media: media, root: "")
            return ["title": page.notebook.title, "href": page.href, "cardCount": page.notebook.cards.count,
                    "cards": page.notebook.cards.map { ["html": CardHTML.render($0, with: r)] }]
        }
    }

    private func cardsPage(_ groups: [[String: Any]], nav: [[String: String]]) -> String {
        templates.page("cards", ["groups": groups], layout: layoutContext("All cards", root: "", nav: nav, current: "cards.html"))
    }

    private func reviewPage(_ groups: [[String: Any]], nav: [[String: String]]) -> String {
        let total = groups.reduce(0) { $0 + ($1["cardCount"] as? Int ?? 0) }
        return templates.page("review", ["groups": groups, "cardCount": total],
                              layout: layoutContext("Review", root: "", nav: nav, current: "review.html"))
    }

    private func indexPage(_ plan: SitePlan, nav: [[String: String]]) -> String {
        let rows = plan.pages.map { page -> [String: Any] in
            ["title": page.notebook.title, "href": page.href,
             "cardCount": page.notebook.cards.count, "cellCount": page.notebook.cells.count]
        }
        let context: [String: Any] = [
            "notebooks": rows, "notebookCount": plan.pages.count,
            "totalCards": plan.pages.reduce(0) { $0 + $1.notebook.cards.count },
        ]
        return templates.page("index", context, layout: layoutContext("Study notebooks", root: "", nav: nav, current: "index.html"))
    }

    private func layoutContext(_ title: String, root: String, nav: [[String: String]], current: String) -> [String: Any] {
        var context: [String: Any] = [
            "title": title, "root": root, "onCards": current == "cards.html", "onReview": current == "review.html",
            "nav": nav.map { item -> [String: Any] in ["title": item["title"]!, "href": item["href"]!, "current": item["href"] == current] },
        ]
        if engineReference != nil { context["engineReference"] = root + Self.engineReferenceFolder + "/index.html" }
        return context
    }

    private func write(_ html: String, to url: URL) throws {
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try html.write(to: url, atomically: false, encoding: .utf8)
    }
}
