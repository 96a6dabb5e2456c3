import Foundation

/// Tells open pages that the site was rebuilt. Each build bumps a generation; a served page
/// carries the generation it was built at and opens a Server-Sent Events stream that answers
/// as soon as the site is newer — also when the rebuild finished before the stream opened.
final class LiveReload: @unchecked Sendable {
    static let path = "/__tally/reload"

    private let condition = NSCondition()
    private var generation = 0
    private var stopped = false

    var current: Int { condition.withLock { generation } }

    func bump() {
        condition.withLock {
            generation += 1
            condition.broadcast()
        }
    }

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
                        _ = self.condition.wait(until: Date().addingTimeInterval(keepAlive))
                    }
                    return (self.generation > since, self.stopped)
                }
                if newer { _ = write(Data("data: reload\n\n".utf8)); return }
                if ended || !write(Data(": alive\n\n".utf8)) { return }
            }
        }
    }

    /// `html` with the reload script before its `</body>` (served pages only; built files never have it).
    func inject(into html: Data) -> Data {
        let script = "<script>(function(){var s=new EventSource(\"\(Self.path)?since=\(current)\");"
            + "s.onmessage=function(){s.close();location.reload();};})();</script>\n"
        let text = String(decoding: html, as: UTF8.self)
        guard let end = text.range(of: "</body>", options: [.caseInsensitive, .backwards]) else { return Data((text + script).utf8) }
        return Data(text.replacingCharacters(in: end.lowerBound..<end.lowerBound, with: script).utf8)
    }
}
