import Foundation
import XCTest
import TallyTestSupport
import TallyDocument
@testable import TallySite

/// Incremental builds (`PageCache`): a build keeps each notebook's page by content, and the next build
/// renders only the notebooks whose page would change. Reuse is shown by planting a marker in a kept
/// page: it reaches the site only if the page was taken from the cache rather than rendered again.
final class PageCacheTests: XCTestCase {
    private func build(_ project: Project, cache: URL) throws -> [Diagnostic] {
        let sources = try SourceLoader.load(paths: [project.notebooks.path], workingDirectory: project.base)
        var builder = SiteBuilder(sources: sources, templates: try TemplateSet(folder: nil))
        builder.pageCacheFolder = cache
        return sources.diagnostics + (try builder.build(into: project.site))
    }

    /// A project with `notebooks` written in order (name under `notebooks/` → text), and the page cache's folder.
    private func projectWithCache(_ notebooks: KeyValuePairs<String, String>) throws -> (project: Project, cache: URL) {
        let project = try Project(self)
        for (name, text) in notebooks { try project.write("notebooks/\(name)", text) }
        return (project, project.project.url(".tally-cache/site"))
    }

    /// Plants `marker` in every kept page whose HTML contains `text`.
    private func plant(_ marker: String, inPagesContaining text: String, cache: URL) throws {
        for name in try FileManager.default.contentsOfDirectory(atPath: cache.path) where name.hasSuffix(".html") {
            let file = cache.appendingPathComponent(name)
            let html = try String(contentsOf: file, encoding: .utf8)
            guard html.contains(text) else { continue }
            // A new file, not an edit in place: the site's earlier copy is a hard link to the kept one.
            try FileManager.default.removeItem(at: file)
            try html.replacingOccurrences(of: "</body>", with: "<p>\(marker)</p></body>").write(to: file, atomically: true, encoding: .utf8)
        }
    }

    func testOnlyTheEditedNotebookIsRenderedAgain() throws {
        let (project, cache) = try projectWithCache([
            "a.md": "# Alpha\n\nFirst text.\n",
            "b.md": "# Beta\n\nSecond text.\n",
        ])
        XCTAssertEqual(try build(project, cache: cache), [])
        try plant("KEPT-A", inPagesContaining: "First text.", cache: cache)
        try plant("KEPT-B", inPagesContaining: "Second text.", cache: cache)

        try project.write("notebooks/b.md", "# Beta\n\nSecond text, edited.\n")
        XCTAssertEqual(try build(project, cache: cache), [])
        XCTAssertTrue(try project.read("a.html").contains("KEPT-A"), "the unchanged notebook's page is the kept one")
        let b = try project.read("b.html")
        XCTAssertFalse(b.contains("KEPT-B"), "the edited notebook is rendered again")
        XCTAssertTrue(b.contains("Second text, edited."))
    }

    /// Replaces `text` by `replacement` in every kept part (`KEY.cards.js`, `KEY.search.js`, …) holding it,
    /// as a new file, as `plant` does.
    private func plant(_ replacement: String, for text: String, inPartsEndingWith suffix: String, cache: URL) throws {
        for name in try FileManager.default.contentsOfDirectory(atPath: cache.path) where name.hasSuffix(suffix) {
            let file = cache.appendingPathComponent(name)
            let contents = try String(contentsOf: file, encoding: .utf8)
            guard contents.contains(text) else { continue }
            try FileManager.default.removeItem(at: file)
            try contents.replacingOccurrences(of: text, with: replacement).write(to: file, atomically: true, encoding: .utf8)
        }
    }

    private static func card(_ id: String, _ front: String, _ back: String) -> String {
        "::: card {#\(id)}\n\(front)\n---\n\(back)\n:::\n"
    }

    /// A notebook's cards and search entries are parts of its page: after editing another notebook they
    /// are the kept files, linked (the same inode as the cache's), never encoded or written again.
    func testAnUnchangedNotebooksCardsAndSearchEntriesAreLinkedNotRewritten() throws {
        let (project, cache) = try projectWithCache([
            "a.md": "# Alpha\n\nFirst text.\n\n" + Self.card("a1", "First question?", "First answer."),
            "b.md": "# Beta\n\nSecond text.\n\n" + Self.card("b1", "Second question?", "Second answer."),
        ])
        XCTAssertEqual(try build(project, cache: cache), [])
        try plant("First answer, KEPT-A.", for: "First answer.", inPartsEndingWith: ".cards.js", cache: cache)
        try plant("First question? KEPT-A", for: "First question?", inPartsEndingWith: ".search.js", cache: cache)
        try plant("Second answer, KEPT-B.", for: "Second answer.", inPartsEndingWith: ".cards.js", cache: cache)

        try project.write("notebooks/b.md", "# Beta\n\nSecond text.\n\n" + Self.card("b1", "Second question?", "Second answer, edited."))
        XCTAssertEqual(try build(project, cache: cache), [])
        XCTAssertTrue(try project.read("cards/a.js").contains("First answer, KEPT-A."), "a's cards are the kept part")
        XCTAssertTrue(try project.read("search/a.js").contains("First question? KEPT-A"), "a's search entries are the kept part")
        let b = try project.read("cards/b.js")
        XCTAssertFalse(b.contains("KEPT-B"), "the edited notebook's cards are rendered again")
        XCTAssertTrue(b.contains("Second answer, edited."), b)
        for part in ["a.html", "cards/a.js", "search/a.js"] {
            let inode = try XCTUnwrap(FileManager.default.attributesOfItem(atPath: project.site.appendingPathComponent(part).path)[.systemFileNumber] as? NSNumber)
            let kept = try FileManager.default.contentsOfDirectory(atPath: cache.path).compactMap {
                try FileManager.default.attributesOfItem(atPath: cache.appendingPathComponent($0).path)[.systemFileNumber] as? NSNumber
            }
            XCTAssertTrue(kept.contains(inode), "\(part) is a hard link to the kept file")
        }
        // The cards and review pages list the notebooks and load these parts; they hold no card.
        for page in ["cards.html", "review.html"] {
            let html = try project.read(page)
            XCTAssertTrue(html.contains("data-cards=\"cards/a.js\"") && html.contains("data-cards=\"cards/b.js\""), html)
            XCTAssertFalse(html.contains("First answer") || html.contains("Second answer"), html)
        }
    }

    /// The files a build writes besides the parts of the notebooks it rendered (index, cards, review,
    /// search list, navigation) hold titles, counts and addresses: the same bytes whatever the cards say.
    func testTheSharedFilesDoNotGrowWithTheCards() throws {
        let shared = ["index.html", "cards.html", "review.html", "search-index.js", "nav.js"]
        var sites: [[String: String]] = []
        var cardBytes: [Int] = []
        for words in [1, 2_000] {
            let project = try Project(self)
            let long = Array(repeating: "word", count: words).joined(separator: " ")
            for name in ["a", "b", "c"] {
                try project.write("notebooks/\(name).md", "# Notebook \(name)\n\nText.\n\n"
                                  + Self.card("\(name)1", "Question \(name)?", long) + Self.card("\(name)2", "More \(name)?", long))
            }
            XCTAssertEqual(try build(project, cache: project.project.url(".tally-cache/site")), [])
            sites.append(try Dictionary(uniqueKeysWithValues: shared.map { ($0, try project.read($0)) }))
            cardBytes.append(try SiteParts.cardsHTML(in: project.site).utf8.count)
        }
        XCTAssertGreaterThan(cardBytes[1], 50 * cardBytes[0], "the cards themselves grew")
        for name in shared { XCTAssertEqual(sites[0][name], sites[1][name], name) }
    }

    /// The shared files are kept like pages: an edit that changes no title, address or count links the
    /// kept ones (a marker planted in them survives); a new card or a new title makes them again.
    func testTheSharedFilesAreKeptUntilWhatTheyListChanges() throws {
        let (project, cache) = try projectWithCache([
            "a.md": "# Alpha\n\nFirst text.\n\n" + Self.card("a1", "First question?", "First answer."),
            "b.md": "# Beta\n\nSecond text.\n",
        ])
        XCTAssertEqual(try build(project, cache: cache), [])
        try plant("Alpha KEPT", for: "Alpha", inPartsEndingWith: ".shared.index.html", cache: cache)

        try project.write("notebooks/b.md", "# Beta\n\nSecond text, edited.\n")
        XCTAssertEqual(try build(project, cache: cache), [])
        XCTAssertTrue(try project.read("index.html").contains("Alpha KEPT"), "nothing the index lists changed: it is the kept file")

        try project.write("notebooks/b.md", "# Beta\n\nSecond text, edited.\n\n" + Self.card("b1", "Second question?", "Second answer."))
        XCTAssertEqual(try build(project, cache: cache), [])
        let index = try project.read("index.html")
        XCTAssertFalse(index.contains("Alpha KEPT"), "b's card count changed: the index is made again")
        XCTAssertTrue(try project.read("cards.html").contains("data-cards=\"cards/b.js\""), "the new card's notebook is listed")

        try plant("Alpha KEPT", for: "Alpha", inPartsEndingWith: ".shared.index.html", cache: cache)
        try project.write("notebooks/b.md", "# Gamma\n\nSecond text, edited.\n\n" + Self.card("b1", "Second question?", "Second answer."))
        XCTAssertEqual(try build(project, cache: cache), [])
        let renamed = try project.read("index.html")
        XCTAssertFalse(renamed.contains("Alpha KEPT"), "a new title makes the shared files again")
        XCTAssertTrue(renamed.contains("Gamma") && !renamed.contains("Beta"), renamed)
        XCTAssertTrue(try project.read("nav.js").contains("Gamma"))
    }

    func testARenamedHeadingRendersThePagesThatLinkToIt() throws {
        let (project, cache) = try projectWithCache([
            "a.md": "# Alpha\n\nSee [the other](c.md#details).\n",
            "b.md": "# Beta\n\nMiddle.\n",
            "c.md": "# Gamma\n\n## Details\n\nText.\n",
        ])
        XCTAssertEqual(try build(project, cache: cache), [])
        try plant("KEPT-A", inPagesContaining: "See ", cache: cache)
        try plant("KEPT-B", inPagesContaining: "Middle.", cache: cache)

        // The heading the link points at is renamed: a's link must follow it, so a is rendered again
        // (and b, whose "next" link shows c's title, which is unchanged: b too, as every anchor is keyed).
        try project.write("notebooks/c.md", "# Gamma\n\n## More details\n\nText.\n")
        _ = try build(project, cache: cache)
        XCTAssertFalse(try project.read("a.html").contains("KEPT-A"))
    }

    func testANewTitleRendersOnlyTheNeighboursThatShowIt() throws {
        let (project, cache) = try projectWithCache([
            "a.md": "# Alpha\n\nFirst.\n",
            "b.md": "# Beta\n\nSecond.\n",
        ])
        // Titles from front matter: a renamed heading changes an anchor, and any anchor renders every page.
        try project.write("notebooks/c.md", "---\ntitle: Gamma\n---\nThird.\n")
        XCTAssertEqual(try build(project, cache: cache), [])
        try plant("KEPT-A", inPagesContaining: "First.", cache: cache)
        try plant("KEPT-B", inPagesContaining: "Second.", cache: cache)

        try project.write("notebooks/c.md", "---\ntitle: Delta\n---\nThird.\n")
        _ = try build(project, cache: cache)
        XCTAssertTrue(try project.read("a.html").contains("KEPT-A"), "a shows nothing of c: kept")
        let b = try project.read("b.html")
        XCTAssertFalse(b.contains("KEPT-B"), "b's next link names c: rendered again")
        XCTAssertTrue(b.contains("Delta"))
        XCTAssertTrue(try project.read("nav.js").contains("Delta"), "the shared navigation has the new title")
    }

    func testDiagnosticsOfAKeptPageAreReportedAgain() throws {
        let (project, cache) = try projectWithCache([
            "a.md": "# A\n\n![missing](../../outside.png)\n",
        ])
        let first = try build(project, cache: cache)
        XCTAssertFalse(first.isEmpty, "an image outside the project is reported")
        XCTAssertEqual(try build(project, cache: cache), first, "the same warnings from the kept page")
    }

    func testANewImageBesideTheNotesRendersThePageAgain() throws {
        let (project, cache) = try projectWithCache([
            "a.md": "# A\n\n![plot](plot.png)\n",
        ])
        _ = try build(project, cache: cache)
        XCTAssertFalse(try project.read("a.html").contains("media/"), "no file yet: no image")
        try project.write("notebooks/plot.png", "not really a PNG")
        _ = try build(project, cache: cache)
        XCTAssertTrue(try project.read("a.html").contains("media/"), "the image is shown once it exists")
        XCTAssertTrue(project.files().contains { $0.hasPrefix("media/") }, "and copied")
    }

    func testUnusedEntriesAreDeleted() throws {
        let (project, cache) = try projectWithCache([
            "a.md": "# A\n\nOne.\n",
        ])
        _ = try build(project, cache: cache)
        let first = Set(try FileManager.default.contentsOfDirectory(atPath: cache.path)), firstRecords = try records(cache)
        try project.write("notebooks/a.md", "# A\n\nTwo.\n")
        _ = try build(project, cache: cache)
        let second = Set(try FileManager.default.contentsOfDirectory(atPath: cache.path)), secondRecords = try records(cache)
        XCTAssertEqual(first.count, second.count, "the index and one page's parts, each as before")
        XCTAssertTrue(second.contains(PageCache.indexName))
        XCTAssertEqual(firstRecords.count, 2, "one title and one page")
        XCTAssertEqual(secondRecords.count, 2)
        XCTAssertTrue(Set(firstRecords.keys).isDisjoint(with: secondRecords.keys), "the first build's records are gone")
        let firstKeys = Set(firstRecords.keys.map { $0.prefix { $0 != "." } })
        XCTAssertFalse(second.contains { firstKeys.contains($0.prefix { $0 != "." }) }, "and so are its page's parts: \(second)")
    }

    /// The titles and pages' records of a build, by name (`KEY.title`, `KEY.page`).
    private func records(_ cache: URL) throws -> [String: Data] {
        try XCTUnwrap(RecordFile.read(cache.appendingPathComponent(PageCache.indexName), kind: "site-pages"))
    }

    /// One file holds every title and page record: a build from scratch of three notebooks creates the
    /// index and the parts linked into the site (each page's three), and a rebuild with nothing changed
    /// writes no index.
    func testTitlesAndRecordsAreKeptInOneFile() throws {
        let (project, cache) = try projectWithCache([
            "a.md": "# A\n\n![missing](../../outside.png)\n",
            "b.md": "# B\n\nTwo.\n",
            "c.md": "# C\n\nThree.\n",
        ])
        _ = try build(project, cache: cache)
        let files = try FileManager.default.contentsOfDirectory(atPath: cache.path)
        XCTAssertEqual(files.filter { !$0.hasSuffix(".html") && !$0.hasSuffix(".js") }, [PageCache.indexName], "\(files)")
        XCTAssertEqual(files.filter { $0.hasSuffix(".search.js") }.count, 3, "\(files)")
        XCTAssertEqual(try records(cache).count, 6, "three titles and three pages' records")
        let index = cache.appendingPathComponent(PageCache.indexName).path
        let inode = try FileManager.default.attributesOfItem(atPath: index)[.systemFileNumber] as? NSNumber
        _ = try build(project, cache: cache)
        XCTAssertEqual(try FileManager.default.attributesOfItem(atPath: index)[.systemFileNumber] as? NSNumber, inode,
                       "nothing changed: the index is not written again")
    }

    /// An index cut short, or missing while the parts are there (a build stopped before it saved), is not
    /// trusted: every page is typeset and rendered again, and the site is what a build from scratch makes.
    func testADamagedOrMissingIndexRendersThePagesAgain() throws {
        for damage in ["torn", "missing"] {
            let (project, cache) = try projectWithCache([
                "a.md": "# Alpha\n\nFirst text.\n\n![missing](../../outside.png)\n",
                "b.md": "# Beta\n\nSecond text.\n",
            ])
            let first = try build(project, cache: cache)
            XCTAssertFalse(first.isEmpty, "an image outside the project is reported")
            try plant("KEPT-A", inPagesContaining: "First text.", cache: cache)
            let index = cache.appendingPathComponent(PageCache.indexName)
            if damage == "torn" {
                try Data(try Data(contentsOf: index).dropLast(5)).write(to: index)
            } else {
                try FileManager.default.removeItem(at: index)
            }
            XCTAssertEqual(try build(project, cache: cache), first, "\(damage): the same diagnostics, from rendering again")
            XCTAssertFalse(try project.read("a.html").contains("KEPT-A"), "\(damage): the page is rendered again")
            XCTAssertEqual(try records(cache).count, 4, "\(damage): the index is written whole again")
        }
    }

    /// A page's and a title's kept records read back as what was kept; bytes cut short or extended are refused.
    func testKeptRecordsReadBackAsWritten() throws {
        let warning = Diagnostic.warning("remote image not shown", at: SourceLocation(file: "notes/a.md", line: 3, column: 7), rule: .remoteImage)
        let page = PageCache.Page(diagnostics: [warning], media: ["notes/plot.png": "plot-1a2b.png", "notes/x.svg": "x-9f.svg"])
        let bytes = page.encoded()
        let read = try XCTUnwrap(PageCache.Page(encoded: bytes))
        XCTAssertEqual(read.diagnostics, [warning])
        XCTAssertEqual(read.media, page.media)
        XCTAssertNil(PageCache.Page(encoded: bytes.dropLast()))
        XCTAssertNil(PageCache.Page(encoded: bytes + Data([0])))
        // Most pages show neither: their record is empty, and reads back empty.
        XCTAssertEqual(PageCache.Page(diagnostics: [], media: [:]).encoded(), Data())
        XCTAssertEqual(PageCache.Page(encoded: Data())?.media, [:])

        let title = PageCache.Title(text: "Softmax σ(z)", html: "Softmax <span class=\"katex\">σ</span>", diagnostics: [warning])
        let titleRead = try XCTUnwrap(PageCache.Title(encoded: title.encoded()))
        XCTAssertEqual([titleRead.text, titleRead.html], [title.text, title.html])
        XCTAssertEqual(titleRead.diagnostics, [warning])
        XCTAssertNil(PageCache.Title(encoded: title.encoded().dropLast()))
    }
}
