import Foundation

/// Tells open pages that the site was rebuilt. Each build bumps a generation; a served page
/// carries the generation it was built at and opens a Server-Sent Events stream that answers
/// as soon as the site is newer — also when the rebuild finished before the stream opened.
/// What follows a rebuild can wait for the pages that were listening to be served again (`awaitReloads`).
final class LiveReload: @unchecked Sendable {
    static let path = "/__tally/reload"

    private let condition = NSCondition()
    private var generation = 0
    private var stopped = false
    /// Event streams waiting for a newer site now, and pages served since the last `bump`.
    private var listening = 0
    private var pagesServed = 0

    var current: Int { condition.withLock { generation } }

    /// Tells the open pages that the site is newer; returns how many were listening.
    @discardableResult
    func bump() -> Int {
        condition.withLock {
            generation += 1
            pagesServed = 0
            condition.broadcast()
            return listening
        }
    }

    /// Waits until `pages` pages were served since the last `bump` (the open pages reloaded), at most
    /// `timeout` seconds: the work that follows a rebuild (the deck) then does not share the cores with them.
    /// Returns whether they were (false: the time ran out, or the server stopped).
    @discardableResult
    func awaitReloads(_ pages: Int, timeout: TimeInterval = 0.25) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        return condition.withLock {
            while pagesServed < pages && !stopped && condition.wait(until: deadline) {}
            return pagesServed >= pages
        }
    }

    /// The event streams waiting for a newer site now.
    var listeners: Int { condition.withLock { listening } }

    func stop() {
        condition.withLock {
            stopped = true
            condition.broadcast()
        }
    }

    /// The event stream for a page built at `since`: one `reload` event once the site is newer.
    /// A comment every `keepAlive` seconds finds clients that went away.
    func stream(since: Int, keepAlive: TimeInterval = 15) -> HTTPServer.Response {
        .stream(headers: ["Content-Type": "text/event-stream", "Cache-Control": "no-store"]) { write in
            guard write(Data("retry: 500\n\n".utf8)) else { return }
            while true {
                let (newer, ended) = self.condition.withLock { () -> (Bool, Bool) in
                    if self.generation <= since && !self.stopped {
                        self.listening += 1
                        _ = self.condition.wait(until: Date().addingTimeInterval(keepAlive))
                        self.listening -= 1
                    }
                    return (self.generation > since, self.stopped)
                }
                if newer { _ = write(Data("data: reload\n\n".utf8)); return }
                if ended || !write(Data(": alive\n\n".utf8)) { return }
            }
        }
    }

    /// `html` with the reload script before its `</body>` (served pages only; built files never have it).
    /// The page's bytes are searched, not decoded: a page runs to hundreds of KB (KaTeX's HTML), and a
    /// case-insensitive search of it as a String took milliseconds of every page served.
    func inject(into html: Data) -> Data {
        let current = condition.withLock {
            pagesServed += 1
            condition.broadcast()
            return generation
        }
        let script = Data(("<script>(function(){var s=new EventSource(\"\(Self.path)?since=\(current)\");"
            + "s.onmessage=function(){s.close();location.reload();};})();</script>\n").utf8)
        guard let end = Self.lastBodyEnd(in: html) else { return html + script }
        var page = Data(capacity: html.count + script.count)
        page.append(html[..<end])
        page.append(script)
        page.append(html[end...])
        return page
    }

    /// Where the last `</body>` (in any case) starts in `html`, or nil.
    static func lastBodyEnd(in html: Data) -> Data.Index? {
        let tag = Array("</body>".utf8)
        let offset = html.withUnsafeBytes { raw -> Int? in
            guard raw.count >= tag.count else { return nil }
            for start in stride(from: raw.count - tag.count, through: 0, by: -1) where raw[start] == tag[0] {
                // ASCII letters compared lowercased; every other byte as it is.
                if tag.indices.allSatisfy({ k in
                    let byte = raw[start + k]
                    return ((0x41...0x5A).contains(byte) ? byte | 0x20 : byte) == tag[k]
                }) { return start }
            }
            return nil
        }
        return offset.map { html.startIndex + $0 }
    }
}
