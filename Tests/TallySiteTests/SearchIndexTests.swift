import Foundation
import XCTest
import TallyTestSupport
import TallyDocument
import TallyHTML
@testable import TallySite

/// The search index is built from the document model: sections under their page's own anchors, cards
/// apart, text without markup.
final class SearchIndexTests: XCTestCase {
    private let notebookText = """
    # Losses

    Intro with **bold** and $\\ell_2$ and `code`.

    > ## Quoted heading
    > inside a quote

    ## Losses

    | loss | formula |
    | --- | --- |
    | MSE | `<script>alert(1)</script>` |

    ```swift
    let mse = 0.25
    ```

    ```swift hide
    let secret = 1
    ```

    ::: card {#mse}
    What does {{c1::MSE::acronym}} stand for?
    ---
    ## Back heading
    Mean squared error.
    :::

    """

    private func index() -> (SearchIndex, headings: [String]) {
        let (notebook, diagnostics) = NotebookParser.parse(notebookText, path: "notes/losses.md")
        XCTAssertEqual(diagnostics.filter { $0.severity == .error }, [])
        var index = SearchIndex()
        index.add(notebook, href: "notes/losses.html", outline: notebook.outline)
        return (index, notebook.outline.headings.map(\.anchor))
    }

    func testSectionsUseThePageAnchorsAndCardsAreEntriesOfTheirOwn() {
        let (index, anchors) = index()
        // The quoted heading counts in the outline's order; the second "Losses" is "losses-1", as on GitHub.
        XCTAssertEqual(anchors, ["losses", "quoted-heading", "losses-1"])
        XCTAssertEqual(index.entries.map(\.href), ["notes/losses.html#losses", "notes/losses.html#card-mse", "notes/losses.html#losses-1"])
        XCTAssertEqual(index.entries.map(\.kind), [.section, .card, .section])
        XCTAssertEqual(index.entries.map(\.notebook), ["Losses", "Losses", "Losses"])

        let intro = index.entries[0]
        XCTAssertEqual(intro.text, "Intro with bold and \\ell_2 and code. Quoted heading inside a quote")
        let table = index.entries[2]
        XCTAssertEqual(table.text, "loss formula MSE <script>alert(1)</script> let mse = 0.25", "table text, shown code; no hidden cell")
        XCTAssertFalse(table.text.contains("Mean squared"), "a card's words belong to the card")

        let card = index.entries[1]
        XCTAssertEqual(card.title, "What does MSE stand for?")
        XCTAssertEqual(card.text, "What does MSE stand for? Back heading Mean squared error.")
    }

    func testTheScriptSetsAGlobalWithTheEntriesAsJSON() throws {
        let script = try index().0.script()
        XCTAssertTrue(script.hasPrefix("window.tallySearchIndex = ["), script)
        XCTAssertTrue(script.hasSuffix("];\n"), script)
        let json = script.dropFirst("window.tallySearchIndex = ".count).dropLast(2)
        let decoded = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [[String: String]]
        XCTAssertEqual(decoded?.count, 3)
        XCTAssertEqual(decoded?[1]["href"], "notes/losses.html#card-mse")
        // Note text is data in the script: a string the page's code reads, never markup.
        XCTAssertEqual(decoded?[2]["text"]?.contains("<script>alert(1)</script>"), true)
    }

    /// A notebook's part adds its entries under its page's address, so parts load in any order and
    /// each is kept and linked with its page; `search-index.js` lists them.
    func testAPageSPartAddsItsEntriesUnderItsAddress() throws {
        let (whole, _) = index()
        let part = whole.script(page: "notes/losses.html")
        XCTAssertTrue(part.hasPrefix("(window.tallySearchIndex = window.tallySearchIndex || {})[\"notes/losses.html\"] = ["), part)
        XCTAssertEqual((try SiteParts.value(of: part) as? [[String: String]])?.count, 3)
    }

    func testSiteWritesTheIndexAndTheReviewPage() throws {
        let project = try TemporaryProject(self, prefix: "tally-search")
        let base = project.root
        let notebooks = project.url("notebooks")
        try project.write("notebooks/losses.md", notebookText)
        let sources = try SourceLoader.load(paths: [notebooks.path], workingDirectory: base)
        let site = base.appendingPathComponent("site")
        _ = try SiteBuilder(sources: sources, templates: TemplateSet(folder: nil)).build(into: site)
        let manifest = try String(contentsOf: site.appendingPathComponent("search-index.js"), encoding: .utf8)
        XCTAssertEqual(manifest, "window.tallySearchParts = [{\"page\":\"losses.html\",\"script\":\"search/losses.js\"}];\n")
        let script = try String(contentsOf: site.appendingPathComponent("search/losses.js"), encoding: .utf8)
        XCTAssertTrue(script.contains("\"href\":\"losses.html#card-mse\""), script)
        let review = try String(contentsOf: site.appendingPathComponent("review.html"), encoding: .utf8)
        XCTAssertTrue(review.contains("<section class=\"review-group\" data-notebook=\"losses.html\" data-title=\"Losses\" data-cards=\"cards/losses.js\">"), review)
        XCTAssertFalse(review.contains("data-card-id"), "the review page loads the cards")
        XCTAssertTrue(try SiteParts.cardsHTML(in: site).contains("data-card-id=\"mse\""))
        let page = try String(contentsOf: site.appendingPathComponent("losses.html"), encoding: .utf8)
        XCTAssertTrue(page.contains("<a class=\"button\" href=\"review.html#notebook=losses.html\">Review 1 card</a>"), page)
        // The sidebar lists the page's sections: the level below its single top heading.
        XCTAssertTrue(page.contains("<ul class=\"sections\"><li><a href=\"#quoted-heading\">Quoted heading</a></li><li><a href=\"#losses-1\">Losses</a></li></ul>"), page)
    }
}
