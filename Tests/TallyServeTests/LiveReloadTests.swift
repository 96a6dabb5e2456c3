import Foundation
import XCTest
import TallyDocument
@testable import TallyServe

/// The reload script goes into a served page before its last `</body>`, found in any case, with the rest
/// of the page's bytes as they were; a page without one gets it at its end.
final class LiveReloadTests: XCTestCase {
    private func script(_ generation: Int) -> String {
        "<script>(function(){var s=new EventSource(\"/__tally/reload?since=\(generation)\");"
            + "s.onmessage=function(){s.close();location.reload();};})();</script>\n"
    }

    private func injected(_ page: String, at generation: Int = 0) -> String {
        let reload = LiveReload()
        for _ in 0..<generation { reload.bump() }
        return String(decoding: reload.inject(into: Data(page.utf8)), as: UTF8.self)
    }

    func testTheScriptGoesBeforeTheLastBodyEndInAnyCase() {
        XCTAssertEqual(injected("<html><body><p>é σ</p></BODY></html>", at: 2),
                       "<html><body><p>é σ</p>" + script(2) + "</BODY></html>")
        // A `</body>` inside the page's text (a script's string) comes before the page's own.
        XCTAssertEqual(injected("<body><script>var t = \"</body>\";</script></Body>\n"),
                       "<body><script>var t = \"</body>\";</script>" + script(0) + "</Body>\n")
        XCTAssertEqual(injected("<body>a</bodyx></body>"), "<body>a</bodyx>" + script(0) + "</body>")
    }

    func testAPageWithoutABodyEndGetsTheScriptAtItsEnd() {
        XCTAssertEqual(injected("<p>no body</p>"), "<p>no body</p>" + script(0))
        XCTAssertEqual(injected("</bod"), "</bod" + script(0))
        XCTAssertEqual(injected(""), script(0))
    }

    /// After a rebuild, the deck waits for the pages that were listening to be served again, and no longer
    /// than its time when none comes.
    func testWhatFollowsARebuildWaitsForTheListeningPages() throws {
        let reload = LiveReload()
        guard case .stream(_, let body) = reload.stream(since: 0) else { return XCTFail("not an event stream") }
        let events = Locked("")
        let ended = DispatchSemaphore(value: 0)
        Thread { body { data in events.withLock { $0 += String(decoding: data, as: UTF8.self) }; return true }; ended.signal() }.start()
        while reload.listeners == 0 { usleep(1_000) }

        XCTAssertEqual(reload.bump(), 1, "one page was listening")
        XCTAssertFalse(reload.awaitReloads(1, timeout: 0.05), "no page was served yet")
        ended.wait()
        XCTAssertTrue(events.withLock { $0 }.hasSuffix("data: reload\n\n"))
        DispatchQueue.global().asyncAfter(deadline: .now() + 0.05) { _ = reload.inject(into: Data("<body></body>".utf8)) }
        XCTAssertTrue(reload.awaitReloads(1, timeout: 60), "the page reloaded")
        XCTAssertEqual(reload.bump(), 0, "nothing listens now")
        XCTAssertTrue(reload.awaitReloads(0), "no page to wait for")
    }
}
