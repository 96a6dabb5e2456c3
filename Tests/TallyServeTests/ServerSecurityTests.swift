import Foundation
import XCTest
import TallyTestSupport
@testable import TallyServe

/// The preview server serves the site folder and nothing else, to this machine only.
final class ServerSecurityTests: XCTestCase {
    private var root: URL!
    private var server: HTTPServer!

    override func setUpWithError() throws {
        let project = try TemporaryProject(self, prefix: "tally-serve-sec")
        root = project.root
        let site = project.url("output/site")
        try project.write("output/site/index.html", "<html><body>home</body></html>")
        try project.write("output/site/assets/tally.css", "body{}")
        try project.write("output/secret.txt", "secret")
        try FileManager.default.createSymbolicLink(at: site.appendingPathComponent("leak.txt"),
                                                   withDestinationURL: root.appendingPathComponent("output/secret.txt"))
        let reload = LiveReload()
        server = try HTTPServer(port: 0) { DevServer.respond(to: $0, site: site, reload: reload) }
        server.start()
    }

    override func tearDown() {
        server?.stop()
    }

    func testServesSiteFilesWithTheirTypes() throws {
        let index = try HTTPClient.get("/", port: server.port)
        XCTAssertEqual(index.status, 200)
        XCTAssertTrue(index.body.hasPrefix("<html><body>home"))
        let css = try HTTPClient.get("/assets/tally.css?v=1", port: server.port)
        XCTAssertEqual(css.status, 200)
        XCTAssertTrue(css.head.contains("Content-Type: text/css; charset=utf-8"), css.head)
        XCTAssertEqual(css.body, "body{}", "only HTML pages get the reload script")
        XCTAssertEqual(try HTTPClient.get("/assets", port: server.port).status, 301)
        XCTAssertEqual(try HTTPClient.get("/missing.html", port: server.port).status, 404)
        XCTAssertEqual(try HTTPClient.get("/", port: server.port, method: "POST").status, 405)
    }

    func testRefusesPathsOutOfTheSite() throws {
        for target in ["/../../etc/passwd", "/../secret.txt", "/assets/../../secret.txt", "/%2e%2e/secret.txt",
                       "/assets/%2E%2E/%2E%2E/secret.txt", "/..%2fsecret.txt", "/leak.txt", "/./index.html"] {
            let response = try HTTPClient.get(target, port: server.port)
            XCTAssertEqual(response.status, 403, target)
            XCTAssertFalse(response.body.contains("secret") || response.body.contains("root:"), target)
        }
    }

    func testListensOnLoopbackOnly() throws {
        // The kernel's table of listening sockets: local address 0100007F is 127.0.0.1.
        let table = try String(contentsOfFile: "/proc/net/tcp", encoding: .utf8)
        let port = String(format: "%04X", server.port)
        let rows: [[Substring]] = table.split(separator: "\n").map { $0.split(separator: " ") }
        let listening: [String] = rows.filter { row in row.count > 3 && row[1].hasSuffix(":\(port)") && row[3] == "0A" }
            .map { row in String(row[1]) }
        XCTAssertEqual(listening, ["0100007F:\(port)"])
        if let other = Self.nonLoopbackAddress() {
            XCTAssertNil(HTTPClient.connect(other, server.port), "reachable on \(other)")
        }
    }

    /// This machine's first IPv4 address that is not a loopback one, if it has one.
    static func nonLoopbackAddress() -> String? {
        var list: UnsafeMutablePointer<ifaddrs>?
        guard getifaddrs(&list) == 0 else { return nil }
        defer { freeifaddrs(list) }
        var entry = list
        while let e = entry {
            defer { entry = e.pointee.ifa_next }
            guard let address = e.pointee.ifa_addr, address.pointee.sa_family == sa_family_t(AF_INET) else { continue }
            var text = [CChar](repeating: 0, count: Int(INET_ADDRSTRLEN))
            var inet = address.withMemoryRebound(to: sockaddr_in.self, capacity: 1) { $0.pointee.sin_addr }
            inet_ntop(AF_INET, &inet, &text, socklen_t(INET_ADDRSTRLEN))
            let ip = String(cString: text)
            if !ip.hasPrefix("127.") { return ip }
        }
        return nil
    }
}
