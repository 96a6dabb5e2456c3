import Foundation
import XCTest
import TallyDocument
import TallyEvaluation
import TallyResults
@testable import TallySite
import TallyTestSupport

/// Builds a site from evaluated notebooks (math, cards, checked numbers, a chart) and opens it in headless
/// Chromium with Browser/site_in_browser.py, which reports what the pages did; the assertions are here.
final class SiteInBrowserTests: XCTestCase {
    /// Where the screenshots are kept after the test (the README says so).
    static let artifacts = packageRoot.appendingPathComponent(".build/test-artifacts/site-in-browser")

    private static let sigmoid = """
    ---
    title: Sigmoid
    ---
    # Sigmoid

    The sigmoid squashes any real number into $(0, 1)$:

    $$\\sigma(x) = \\frac{1}{1 + e^{-x}}$$

    ```swift
    let z = 0.5
    let a = sigmoid(z)   // => 0.6225
    show(LineChart([Series("sigmoid", y: (0..<21).map { sigmoid(Double($0 - 10) / 2) })]))
    ```

    At $z = 0.5$ the sigmoid is `{swift} a => 0.6225`.

    ## Its derivative

    $\\sigma'(x) = \\sigma(x)\\,(1 - \\sigma(x))$ is largest at $x = 0$, where it is `{swift} sigmoid(0.0) * (1 - sigmoid(0.0)) => 0.25`.

    ::: card {#sigmoid-formula}
    What is the **sigmoid** function?
    ---
    $$\\sigma(x) = \\frac{1}{1 + e^{-x}}$$
    :::

    ::: card {#sigmoid-derivative-peak}
    Where is the sigmoid's derivative largest?
    ---
    At $x = 0$, where it equals $\\tfrac14$; the gradient shrinks as the unit saturates.
    :::

    """

    private static let losses = """
    # Cross-entropy

    $$L = -\\sum_i y_i \\log p_i$$

    ::: card {#cross-entropy}
    Write the cross-entropy loss of a prediction $p$ for a one-hot label $y$.
    ---
    $L = -\\sum_i y_i \\log p_i$
    :::

    ::: card {#softmax-cloze}
    The softmax is $p_i = {{c1::\\frac{e^{z_i}}{\\sum_j e^{z_j}}}}$, so {{c2::$\\sum_i p_i = 1$::a sum}}.
    ---
    :::

    """

    func testTheSiteWorksInChromium() throws {
        let project = try TemporaryProject(self, prefix: "tally-site-browser")
        let base = project.root
        let notebooks = project.url("notebooks")
        try project.write("notebooks/sigmoid.md", Self.sigmoid)
        try project.write("notebooks/losses.md", Self.losses)

        let sources = try SourceLoader.load(paths: [notebooks.path], workingDirectory: base)
        XCTAssertEqual(sources.diagnostics, [])
        let engine = try XCTUnwrap(Self.engine, "the engine (libTallyEngine.so) is built with the tests: swift build")
        let evaluations = Evaluator(EvaluationOptions(engine: engine, cacheFolder: nil)).evaluate(sources.publishable)
        XCTAssertTrue(evaluations.allSatisfy(\.passed), "\(evaluations.flatMap(\.diagnostics))")
        XCTAssertEqual(evaluations.flatMap(\.checks).count, 3)
        let site = base.appendingPathComponent("site")
        let builder = SiteBuilder(sources: sources, templates: try TemplateSet(folder: nil),
                                  evaluations: Dictionary(uniqueKeysWithValues: evaluations.map { ($0.path, $0) }))
        XCTAssertEqual(try builder.build(into: site).filter { $0.severity != .note }, [])

        let report = try BrowserReport.run(site: site, notebook: "sigmoid.html", cardID: "sigmoid-derivative-peak",
                                           word: "saturates", broadWord: "sigmoid", artifacts: Self.artifacts)

        // Every page: no console errors, every formula typeset by KaTeX, nothing fetched from the network.
        XCTAssertEqual(Set(report.pages.keys), ["index.html", "sigmoid.html", "cards.html", "review.html"])
        for (page, state) in report.pages {
            XCTAssertEqual(state.consoleErrors, [], page)
            XCTAssertEqual(state.untypeset, 0, page)
            XCTAssertEqual(state.katexErrors, 0, page)
            XCTAssertEqual(state.katexFontsFailed, 0, "\(page): every font the stylesheet names loads (WOFF2 only)")
        }
        XCTAssertGreaterThanOrEqual(report.pages["sigmoid.html"]?.katexFontsLoaded ?? 0, 2, "KaTeX's main and math fonts drew the formulas")
        XCTAssertEqual(report.pages["sigmoid.html"]?.math, 8, "five in the prose, three on its cards")
        // The cloze card: one formula (its deletion a blank) on the front; two (the answers) on the back.
        XCTAssertEqual(report.pages["cards.html"]?.math, 9, "the cards, loaded from cards/PAGE.js, typeset")
        XCTAssertEqual(report.pages["sigmoid.html"]?.checked, 3, "a mark on each checked number")
        XCTAssertEqual(report.pages["sigmoid.html"]?.charts, 1)
        XCTAssertEqual(report.consoleErrors, [])
        XCTAssertGreaterThan(report.requests, 5)
        XCTAssertEqual(report.remoteRequests, [])

        // Search: `/` focuses the box; the heading named by the word ranks first, arrows move the selection;
        // a word only on a card's back finds that card, and Enter opens it.
        XCTAssertTrue(report.search.focusedBySlash)
        let broad = report.search.broad.map(\.href)
        XCTAssertEqual(broad.first, "sigmoid.html#sigmoid", "\(broad)")
        XCTAssertTrue(Set(broad).isSuperset(of: ["sigmoid.html#card-sigmoid-formula", "sigmoid.html#card-sigmoid-derivative-peak"]), "\(broad)")
        XCTAssertFalse(broad.contains { $0.hasPrefix("losses.html") }, "\(broad)")
        XCTAssertEqual(report.search.afterArrowDown, broad.dropFirst().first)
        XCTAssertEqual(report.search.afterArrowUp, broad.first)
        XCTAssertEqual(report.search.results.count, 1, "\(report.search.results)")
        XCTAssertEqual(report.search.results.first?.href, "sigmoid.html#card-sigmoid-derivative-peak", "\(report.search.results)")
        XCTAssertEqual(report.search.results.first?.meta, "Card · Sigmoid")
        XCTAssertEqual(report.search.results.first?.title, "Where is the sigmoid's derivative largest?")
        XCTAssertEqual(report.search.selected, "sigmoid.html#card-sigmoid-derivative-peak")
        XCTAssertEqual(report.search.openedHash, "#card-sigmoid-derivative-peak")
        XCTAssertEqual(report.search.openedPage, "sigmoid.html")

        // Review: front first; Space flips; → shows the next card's front; k goes back; Enter flips.
        let review = report.review
        XCTAssertEqual(review.cardScripts, ["cards/sigmoid.js"], "reviewing one notebook loads its cards only")
        XCTAssertEqual(review.start, .init(progress: "1 / 2", card: "sigmoid-formula", visibleCards: 1, frontShown: true, backShown: false))
        XCTAssertEqual(review.afterSpace, .init(progress: "1 / 2", card: "sigmoid-formula", visibleCards: 1, frontShown: true, backShown: true))
        XCTAssertEqual(review.afterArrowRight,
                       .init(progress: "2 / 2", card: "sigmoid-derivative-peak", visibleCards: 1, frontShown: true, backShown: false))
        XCTAssertEqual(review.afterK, .init(progress: "1 / 2", card: "sigmoid-formula", visibleCards: 1, frontShown: true, backShown: false))
        XCTAssertEqual(review.afterEnter, .init(progress: "1 / 2", card: "sigmoid-formula", visibleCards: 1, frontShown: true, backShown: true))
        // 1 (Again): the next card comes, and the missed one is queued again; 2 (Good) on that one moves to it.
        XCTAssertEqual(review.afterAgain,
                       .init(progress: "2 / 3", card: "sigmoid-derivative-peak", visibleCards: 1, frontShown: true, backShown: false))
        XCTAssertEqual(review.afterGood, .init(progress: "3 / 3", card: "sigmoid-formula", visibleCards: 1, frontShown: true, backShown: false))
        XCTAssertEqual(review.remembered, ["sigmoid-formula"])
        XCTAssertEqual(review.missedOnly, .init(progress: "1 / 1", card: "sigmoid-formula", visibleCards: 1, frontShown: true, backShown: false))
        // An unknown notebook is said to be unknown, with the notebooks that have cards and "All cards" to choose from.
        XCTAssertEqual(review.unknown, .init(progress: "No cards", card: nil, visibleCards: 0, frontShown: false, backShown: false))
        XCTAssertTrue(review.unknownMessage.contains("There is no notebook “no-such-notebook.html”"), review.unknownMessage)
        XCTAssertEqual(review.unknownLinks, ["#notebook=losses.html", "#notebook=sigmoid.html", "#"])

        // Printed: no sidebar, a white page even from a dark screen, the chart and every formula drawn.
        XCTAssertFalse(report.print.sidebarShown)
        XCTAssertEqual(report.print.chartsDrawn, 1)
        XCTAssertEqual(report.print.mathShown, 8)
        XCTAssertEqual(report.print.background, "rgb(255, 255, 255)")

        // Screenshots at desktop and phone width, light and dark, kept as artifacts.
        for name in ["notebook-desktop", "notebook-desktop-dark", "notebook-phone", "notebook-phone-dark", "review-phone", "search-desktop"] {
            let file = Self.artifacts.appendingPathComponent("\(name).png")
            XCTAssertTrue(report.screenshots.contains(file.path), name)
            let png = try Data(contentsOf: file)
            XCTAssertEqual(Array(png.prefix(4)), [0x89, 0x50, 0x4E, 0x47], name)
        }
    }

    static let engine = testEngine
}
