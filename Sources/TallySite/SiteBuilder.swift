import Foundation
import TallyDocument
import TallyHashing
import TallyResults
import TallyHTML

/// Renders notebooks into a static site: an index, a page per notebook, a page with all cards,
/// and the assets they load. Steps run in order; the folder appears only when all of them succeed.
public struct SiteBuilder {
    public var sources: SourceSet
    public var templates: TemplateSet
    /// The notebooks to publish, with their evaluations (keyed by path) where they have been evaluated.
    public var notebooks: [Notebook]
    public var evaluations: [String: NotebookEvaluation]
    /// A formula KaTeX rejects is an error rather than a warning (`--strict-math`).
    public var strictMath = false
    /// Where KaTeX's answers are kept between builds (`TypesetMath.cacheFileName` in the evaluation cache);
    /// nil: typeset everything afresh.
    public var mathCacheFile: URL?
    /// Where pages are kept between builds (`PageCache`; `site/` in the evaluation cache); nil: every
    /// notebook is typeset and rendered.
    public var pageCacheFolder: URL?
    /// Node processes kept between builds (`tally serve`); nil: this build starts its own.
    public var mathProcesses: KaTeXProcesses?
    /// The engine reference's files (name → contents), written into `engine/` and linked from every
    /// page's navigation; nil: no reference. Built in the same staging folder as the rest, so it is
    /// swapped in with the site and never left behind by, or lost to, a rebuild.
    public var engineReference: [String: String]?
    /// Files or folders under the notes that are Tally's own state, not notes (the Anki lock): left out of
    /// what pages know of the files beside the notes.
    public var ownFiles: [URL] = []
    public static let engineReferenceFolder = "engine"

    public init(sources: SourceSet, templates: TemplateSet, notebooks: [Notebook]? = nil,
                evaluations: [String: NotebookEvaluation] = [:]) {
        self.sources = sources
        self.templates = templates
        self.notebooks = notebooks ?? sources.publishable
        self.evaluations = evaluations
    }

    /// The page of each published notebook, relative to the site root (for links from Anki cards).
    public var pageHrefs: [String: String] { Self.pageHrefs(sources: sources, notebooks: notebooks) }

    /// The page each of `notebooks` gets on the site built from `sources`, by notebook path, without building it.
    public static func pageHrefs(sources: SourceSet, notebooks: [Notebook]) -> [String: String] {
        Dictionary(uniqueKeysWithValues: SitePlan(sources: sources, notebooks: notebooks).pages.map { ($0.notebook.path, $0.href) })
    }

    /// Builds the notebooks into `output` (replaced atomically). Returns diagnostics
    /// (images outside the project, missing KaTeX…); throws only when the folder can't be written.
    /// With `pageCacheFolder`, only notebooks whose page would change are typeset and rendered.
    public func build(into output: URL) throws -> [Diagnostic] {
        let plan = SitePlan(sources: sources, notebooks: notebooks)
        // Each notebook's summary (headings, counts): what the other pages' links and keys read of it.
        let summaries = Dictionary(plan.pages.map { ($0.notebook.path, $0.notebook.summary) }, uniquingKeysWith: { a, _ in a })
        let cache = pageCacheFolder.map(PageCache.init(folder:))
        let mathCache = mathCacheFile.map(KaTeXCache.init(file:))
        let katexMissing = KaTeXProcess.missing
        let mathAvailable = katexMissing == nil
        // Formulas with cloze deletions are left to the browser (each side shows them differently).
        let typesetInBrowser = !mathAvailable || summaries.values.contains(where: \.hasClozeInMath)
        let stamp = BuildStamp(templates: templates, mathAvailable: mathAvailable, typesetInBrowser: typesetInBrowser,
                               strictMath: strictMath, engineReference: engineReference != nil,
                               projectMacros: TypesetMath.projectMacros(sources)?.tex ?? "")
        let notebookKeys = plan.pages.map { NotebookKey.of($0.notebook, href: $0.href, evaluation: evaluations[$0.notebook.path], stamp: stamp) }

        // Titles: kept ones read back, the others typeset with their notebook's formulas, handed over by Node
        // one notebook at a time. A page is keyed, then rendered unless kept, as soon as its own title and
        // its neighbours' (its previous/next links show them) are known: pages render while Node typesets.
        PhaseClock.mark("keys")
        let folder = NotesFolder(root: sources.root, excluding: [output.deletingLastPathComponent()] + ownFiles)
        let context = SiteContext.of(pages: plan.pages.map { ($0.notebook.path, $0.href) }, summaries: summaries, folder: folder)
        let linkTargets = NotebookLinks.Targets(plan: plan, summaries: summaries, sources: sources, folder: folder)
        let kept = notebookKeys.map { key in cache?.title(key) }
        let progress = Locked(PageProgress(titles: kept))
        let rendered = Locked([Int: (parts: [PageCache.Part: String], record: PageCache.Page, kept: Bool)]())
        let rendering = DispatchGroup()
        // Pages not kept render in parallel, each with its own link and media resolvers; each rendered page's
        // parts are written once, into the cache, and linked from there.
        func render(_ index: Int, math: TypesetMath, titles: [PageCache.Title?], key: String) {
            let nav = Navigation(pages: plan.pages, titles: titles.map { ($0?.text ?? "", $0?.html ?? "") }, typesetInBrowser: typesetInBrowser)
            DispatchQueue.global().async(group: rendering) {
                let page = plan.pages[index]
                let (parts, record) = renderPage(page, index: index, nav: nav, math: math, links: linkTargets, outline: page.notebook.outline)
                let stored = cache?.store(record, parts: parts, key) ?? false
                // A page stored in the cache is linked from there: its text is not kept past its writing.
                rendered.withLock { $0[index] = (stored ? [:] : parts, record, stored) }
            }
        }
        // Page `i`, once its neighbours' titles are known: found kept, rendered, or left for later (its
        // notebook's formulas are typeset after the titles).
        func start(_ i: Int, _ progress: inout PageProgress) {
            guard progress.keys[i] == nil, let (previous, next) = progress.neighbours(i) else { return }
            let key = ContentKey.of(notebookKeys[i], context, previous?.html ?? "-", next?.html ?? "-")
            progress.keys[i] = key
            if let page = cache?.page(key) {
                progress.pages[i] = page
            } else if let math = progress.math[i] {
                render(i, math: math, titles: progress.titles, key: key)
            } else {
                progress.later.append(i)
            }
        }
        progress.withLock { progress in kept.indices.forEach { start($0, &progress) } }
        var typesetMath: [TypesetMath] = []  // what each run of Node reported of the build as a whole
        func typeset(_ indices: [Int], each: @escaping (Int, TypesetMath) -> Void) {
            guard !indices.isEmpty else { return }
            typesetMath.append(TypesetMath.typeset(indices.map { plan.pages[$0].notebook }, sources: sources, strict: strictMath,
                                                   cache: mathCache, processes: mathProcesses) { each(indices[$0], $1) })
        }
        let untitled = kept.indices.filter { kept[$0] == nil }
        typeset(untitled) { i, math in
            let (text, html) = math.title(of: plan.pages[i].notebook)
            let title = PageCache.Title(text: text, html: html, diagnostics: math.diagnostics(for: plan.pages[i].notebook.path))
            progress.withLock { progress in
                progress.math[i] = math
                progress.titles[i] = title
                for j in max(0, i - 1)...min(i + 1, kept.count - 1) { start(j, &progress) }
            }
        }
        PhaseClock.mark("typeset")
        let known = progress.withLock { $0.titles.map { $0! } }
        for i in untitled { cache?.store(known[i], notebookKeys[i]) }
        var diagnostics = known.flatMap(\.diagnostics).uniqued()
        if let katexMissing { diagnostics.insert(TypesetMath.unavailable(katexMissing), at: 0) }
        for notebook in notebooks where summaries[notebook.path]?.isEmpty ?? notebook.blocks.isEmpty {
            diagnostics.append(.warning("the notebook is empty: its page has nothing to show",
                                        at: SourceLocation(file: notebook.path, line: 1), rule: .emptyNotebook))
        }
        // Pages not kept whose titles were: their formulas typeset now, each page rendered as they come.
        let (later, pageKeys) = progress.withLock { ($0.later.sorted(), $0.keys.map { $0! }) }
        typeset(later) { i, math in render(i, math: math, titles: known, key: pageKeys[i]) }
        diagnostics += typesetMath.flatMap(\.diagnostics).uniqued().filter { $0.rule == .katexMissing && mathAvailable }
        PhaseClock.mark("typeset pages")
        rendering.wait()
        PhaseClock.mark("rendered")
        let nav = Navigation(pages: plan.pages, titles: known.map { ($0.text, $0.html) }, typesetInBrowser: typesetInBrowser)
        var pages = progress.withLock { $0.pages }
        // The parts not kept (no cache, or one that can't be written) are written into the site.
        var unkept: [Int: [PageCache.Part: String]] = [:]
        for (index, page) in rendered.withLock({ $0 }) {
            pages[index] = page.record
            if !page.kept { unkept[index] = page.parts }
        }
        let media = MediaFiles(sources: sources)
        let shared = SharedPages(cache: cache, stamp: stamp, plan: plan, titles: nav.titles)
        // With a cache, the site two builds old is written over (`AtomicFolder`'s spare): only what differs changes.
        try AtomicFolder(output).replace(keepingSpare: cache != nil, { site, reused in
            let files = SiteFolder(site, reused: reused)
            let keptParts = cache.map { SiteFolder.KeptFolder($0.folder) }
            for (index, page) in plan.pages.enumerated() {
                media.adopt(pages[index]!.media)
                for (part, href) in Self.parts(of: page) {
                    if let parts = unkept[index] {
                        try files.write(parts[part] ?? "", to: href)
                    } else if let cache, let keptParts {
                        try files.link(cache.fileName(part, pageKeys[index]), in: keptParts, to: href)
                    }
                }
            }
            PhaseClock.mark("pages written")
            // The shared pages list the notebooks (titles, counts, parts' addresses), never their cards or entries.
            try shared.place(into: files, from: keptParts) {
                let groups = cardGroups(plan, nav: nav)
                return ["cards.html": cardsPage(groups, nav: nav), "review.html": reviewPage(groups, nav: nav),
                        "index.html": indexPage(plan, nav: nav), SearchIndex.fileName: try SearchIndex.manifest(plan.pages),
                        NavigationScript.fileName: try NavigationScript(pages: plan.pages, titles: nav.titles).script()]
            }
            PhaseClock.mark("shared pages")
            diagnostics += try SiteAssets.write(into: files, templates: templates,
                                                kept: pageCacheFolder?.deletingLastPathComponent().appendingPathComponent("assets"))
            try media.copy(into: files)
            for (name, contents) in engineReference ?? [:] {
                try files.write(contents, to: Self.engineReferenceFolder + "/" + name)
            }
            files.finish()
        }, then: {
            // While the previous site is deleted (or, as the spare, not even that).
            cache?.prune(keeping: Set(notebookKeys + pageKeys + [shared.key]))
            mathCache?.save(keeping: Set(sources.notebooks.map(\.path)))
        })
        PhaseClock.mark("site replaced")
        return (pages.flatMap { $0!.diagnostics } + diagnostics).uniqued()
    }

    /// A notebook's page and its parts (`PageCache.Part`: the page, its cards and its search entries),
    /// with the record of the diagnostics rendering reported and the media shown.
    private func renderPage(_ page: SitePlan.Page, index: Int, nav: Navigation, math: TypesetMath, links targets: NotebookLinks.Targets,
                            outline: Outline) -> (parts: [PageCache.Part: String], record: PageCache.Page) {
        let media = MediaFiles(sources: sources)
        let links = NotebookLinks(targets, sources: sources)
        var search = SearchIndex()
        let onPage = RenderedCards()
        let html = notebookPage(page, index: index, nav: nav, media: media, math: math, links: links, outline: outline,
                                search: &search, cards: onPage)
        // The cards and review pages, which show the cards, are at the site root. A page there links as they
        // do (every link and image is relative to the root, none to the page itself), so its cards are the same HTML.
        let cards: [String]
        if SitePlan.root(of: page.href).isEmpty, onPage.cards.map(\.id) == page.notebook.cards.map(\.id) {
            cards = onPage.cards.map(\.html)
        } else {
            let r = renderer(for: page.notebook, media: media, math: math, links: links, pageHref: "cards.html")
            cards = page.notebook.cards.map { CardHTML.render($0, with: r) }
        }
        let parts: [PageCache.Part: String] = [
            .page: html,
            .cards: CardsScript.script(page: page.href, cards: cards),
            .search: search.script(page: page.href),
        ]
        return (parts, PageCache.Page(diagnostics: media.diagnostics + links.diagnostics, media: media.shown))
    }

    /// Where each of a page's parts goes in the site; a notebook without cards has no cards script.
    private static func parts(of page: SitePlan.Page) -> [(PageCache.Part, String)] {
        [(.page, page.href), (.search, page.searchScript)] + (cardCount(page) == 0 ? [] : [(.cards, page.cardsScript)])
    }

    /// How many cards the page's cards script holds: what the cards and review pages list, read from
    /// the notebook without rendering it (the one place the shared pages count cards).
    private static func cardCount(_ page: SitePlan.Page) -> Int { page.notebook.summary.cardCount }

    // MARK: Steps

    /// How far each page is while titles are typeset: titles (kept or typeset), each typeset notebook's
    /// formulas, each page's key once its neighbours' titles are known, and each kept page's record.
    private struct PageProgress {
        var titles: [PageCache.Title?]
        var math: [TypesetMath?]
        var keys: [String?]
        var pages: [PageCache.Page?]
        /// Pages not kept whose notebooks were not typeset (their titles were kept).
        var later: [Int] = []

        init(titles: [PageCache.Title?]) {
            self.titles = titles
            math = titles.map { _ in nil }
            keys = titles.map { _ in nil }
            pages = titles.map { _ in nil }
        }

        /// The titles of page `i`'s previous and next pages (nil where it has none), once they and its
        /// own are known; nil before.
        func neighbours(_ i: Int) -> (previous: PageCache.Title?, next: PageCache.Title?)? {
            let around = max(0, i - 1)...min(i + 1, titles.count - 1)
            guard around.allSatisfy({ titles[$0] != nil }) else { return nil }
            return (i > 0 ? titles[i - 1] : nil, i + 1 < titles.count ? titles[i + 1] : nil)
        }
    }

    /// What every page's layout needs: each notebook's page and title (plain text and HTML). A notebook's
    /// page shows only its own title and its neighbours' (previous/next), which its page key holds: it is
    /// rendered once those are known, the others' left empty.
    private struct Navigation {
        var pages: [SitePlan.Page]
        var titles: [(text: String, html: String)]
        /// Math wasn't typeset at build time: pages load KaTeX's script.
        var typesetInBrowser: Bool
    }

    /// The cards a renderer rendered, in order (id and HTML).
    private final class RenderedCards {
        var cards: [(id: String, html: String)] = []
    }

    /// A renderer for `notebook`'s blocks on the page at `pageHref` (links and images relative to it);
    /// the cards it renders are added to `rendered`.
    private func renderer(for notebook: Notebook, media: MediaFiles, math: TypesetMath, links: NotebookLinks,
                          pageHref: String, rendered: RenderedCards? = nil) -> HTMLRenderer {
        let root = SitePlan.root(of: pageHref)
        var r = HTMLRenderer(mathStyle: .katex, allowRawHTML: notebook.frontMatter.unsafeHTML)
        r.typesetMath = { math.html($0, at: $1, block: $2) }
        r.image = { source, location in media.url(for: source, in: notebook, at: location).map { root + $0 } }
        r.imageLink = { source, location in media.remoteLink(for: source, in: notebook, at: location) }
        r.link = { destination, _ in links.href(for: destination, in: notebook, pageHref: pageHref) }
        r.wikiLink = { link, location in links.href(for: link, in: notebook, pageHref: pageHref, at: location, media: media) }
        let evaluated = EvaluatedHTML(evaluation: evaluations[notebook.path])
        r.formulaMark = evaluated.formulaMark(at:)
        r.cell = evaluated.cell
        r.expression = evaluated.expression
        let cardRenderer = r
        r.card = { card in
            let html = CardHTML.render(card, with: cardRenderer)
            rendered?.cards.append((card.id, html))
            return html
        }
        return r
    }

    private func notebookPage(_ page: SitePlan.Page, index: Int, nav: Navigation, media: MediaFiles, math: TypesetMath,
                              links: NotebookLinks, outline: Outline, search: inout SearchIndex, cards: RenderedCards) -> String {
        let root = SitePlan.root(of: page.href)
        let title = nav.titles[index]
        // A title given only in front matter is the page's heading (GitHub and Obsidian show the file's name there).
        var heading = ""
        if !outline.headings.contains(where: { $0.level == 1 }), let own = page.notebook.frontMatter.title, !own.isEmpty {
            heading = "<h1 class=\"page-title\">\(title.html)</h1>\n"
        }
        search.add(page.notebook, title: title.text, href: page.href, outline: outline, math: { math.text($0, at: $1) })
        let headings = outline.headings.filter { $0.level <= 3 }.map {
            (level: $0.level, text: math.plainText($0.inlines), anchor: $0.anchor, html: math.navigationHTML($0.inlines))
        }
        let toc = headings.map { ["level": $0.level, "text": $0.text, "html": $0.html, "anchor": $0.anchor] as [String: Any] }
        func link(_ i: Int) -> [String: String]? {
            nav.pages.indices.contains(i)
                ? ["title": nav.titles[i].text, "titleHTML": nav.titles[i].html, "href": root + nav.pages[i].href] : nil
        }
        let cardCount = page.notebook.cards.count
        var context: [String: Any] = [
            "title": title.text, "titleHTML": title.html, "source": page.notebook.path,
            "toc": toc, "hasToc": toc.count > 1,
            "cardCount": cardCount, "cardsText": counted(cardCount, "card"), "hasCards": cardCount > 0, "review": root + "review.html#notebook=" + page.href,
        ]
        let evaluation = evaluations[page.notebook.path]
        let failures = (evaluation?.diagnostics ?? []).filter { $0.severity == .error }.map(\.description)
        context["failures"] = failures
        context["hasFailures"] = !failures.isEmpty
        if let evaluation, !evaluation.checks.isEmpty || !evaluation.formulas.isEmpty {
            let passed = evaluation.checks.filter(\.passed).count
            let allHold = passed == evaluation.checks.count && evaluation.formulas.allSatisfy(\.passed)
            let summary = CheckSummary.holding(evaluation.checks, evaluation.formulas)
            context["checks"] = ["passed": passed, "total": evaluation.checks.count, "allHold": allHold,
                                 "text": summary, "summary": summary] as [String: Any]
        }
        context["previous"] = link(index - 1)
        context["next"] = link(index + 1)
        var layout = layoutContext(title.text, root: root, nav: nav, current: page.href)
        layout["current"] = ["title": title.text, "titleHTML": title.html, "href": page.href]
        let sections = Self.sections(headings)
        layout["sections"] = sections.map { ["text": $0.text, "html": $0.html, "anchor": $0.anchor] }
        layout["hasSections"] = !sections.isEmpty
        // The body, rendered last (nothing above reads it): written straight after the templates' text before it
        // when the templates are the built-in ones, so the page's HTML is never copied whole.
        var r = renderer(for: page.notebook, media: media, math: math, links: links, pageHref: page.href, rendered: cards)
        r.outline = outline
        if let frame = templates.frame("notebook", context, layout: layout) {
            // Room for the whole page up front: pages run to hundreds of KB (KaTeX's HTML), and growing by doubling
            // copied the page and touched fresh memory at each step; reserved memory never written is never touched.
            var before = ""
            before.reserveCapacity(Self.pageCapacity)
            before += frame.before
            before += heading
            var html = r.render(page.notebook.blocks, after: before)
            html += frame.after
            return html
        }
        context["body"] = heading + r.render(page.notebook.blocks)
        return templates.page("notebook", context, layout: layout)
    }

    /// Bytes reserved for a notebook page's HTML before rendering it.
    private static let pageCapacity = 4 << 20

    /// The headings the sidebar lists under the current notebook: the top level, or the level below
    /// a single top heading (which is the notebook's title).
    static func sections(_ headings: [(level: Int, text: String, anchor: String, html: String)]) -> [(text: String, anchor: String, html: String)] {
        guard var top = headings.map(\.level).min() else { return [] }
        var rest = headings
        if headings.filter({ $0.level == top }).count == 1 {
            rest.removeAll { $0.level == top }
            guard let below = rest.map(\.level).min() else { return [] }
            top = below
        }
        return rest.filter { $0.level == top }.map { ($0.text, $0.anchor, $0.html) }
    }

    /// Each notebook that has cards, by title, page, count and the script holding its cards
    /// (`CardsScript`): the cards page and the review page list them and load the scripts they show.
    private func cardGroups(_ plan: SitePlan, nav: Navigation) -> [[String: Any]] {
        plan.pages.indices.filter { Self.cardCount(plan.pages[$0]) > 0 }.map { i -> [String: Any] in
            let count = Self.cardCount(plan.pages[i])
            return ["title": nav.titles[i].text, "titleHTML": nav.titles[i].html, "href": plan.pages[i].href,
                    "cardCount": count, "cardsText": counted(count, "card"), "script": plan.pages[i].cardsScript]
        }
    }

    private func cardsPage(_ groups: [[String: Any]], nav: Navigation) -> String {
        let total = groups.reduce(0) { $0 + ($1["cardCount"] as? Int ?? 0) }
        return templates.page("cards", ["groups": groups, "cardCount": total, "cardsText": counted(total, "card")],
                              layout: layoutContext("All cards", root: "", nav: nav, current: "cards.html"))
    }

    private func reviewPage(_ groups: [[String: Any]], nav: Navigation) -> String {
        let total = groups.reduce(0) { $0 + ($1["cardCount"] as? Int ?? 0) }
        return templates.page("review", ["groups": groups, "cardCount": total, "cardsText": counted(total, "card")],
                              layout: layoutContext("Review", root: "", nav: nav, current: "review.html"))
    }

    private func indexPage(_ plan: SitePlan, nav: Navigation) -> String {
        let summaries = plan.pages.map(\.notebook.summary)
        let cardCounts = summaries.map(\.cardCount)
        let totalCards = cardCounts.reduce(0, +)
        let rows = plan.pages.indices.map { i -> [String: Any] in
            ["title": nav.titles[i].text, "titleHTML": nav.titles[i].html, "href": plan.pages[i].href,
             "cardCount": cardCounts[i], "cellCount": summaries[i].cellCount]
        }
        let context: [String: Any] = [
            "notebooks": rows, "notebookCount": plan.pages.count, "notebooksText": counted(plan.pages.count, "notebook"),
            "totalCards": totalCards, "cardsText": counted(totalCards, "card"),
        ]
        return templates.page("index", context, layout: layoutContext("Study notebooks", root: "", nav: nav, current: "index.html"))
    }

    private func layoutContext(_ title: String, root: String, nav: Navigation, current: String) -> [String: Any] {
        var context: [String: Any] = [
            "title": title, "root": root, "onCards": current == "cards.html", "onReview": current == "review.html",
            "onIndex": current == "index.html", "typesetInBrowser": nav.typesetInBrowser,
        ]
        if engineReference != nil { context["engineReference"] = root + Self.engineReferenceFolder + "/index.html" }
        return context
    }
}

private extension Array where Element: Hashable {
    /// The elements in order, each once.
    func uniqued() -> [Element] {
        var seen: Set<Element> = []
        return filter { seen.insert($0).inserted }
    }
}
