import Foundation
import TallyDocument
#if canImport(Glibc)
import Glibc
#endif

/// A small HTTP/1.1 server for `tally serve`: listens on 127.0.0.1 only (the site is a preview,
/// never published from here), one thread per connection, every response ends its connection.
public final class HTTPServer: @unchecked Sendable {
    public struct Request {
        public var method: String
        /// The request target as sent, e.g. `/notes/a.html?x=1`.
        public var target: String
    }

    public enum Response {
        case complete(status: Int, headers: [String: String], body: Data)
        /// A response written over time (Server-Sent Events): the closure gets a writer that
        /// returns false once the client has gone; the connection closes when the closure returns.
        case stream(headers: [String: String], body: (_ write: (Data) -> Bool) -> Void)

        static func text(_ status: Int, _ text: String) -> Response {
            .complete(status: status, headers: ["Content-Type": "text/plain; charset=utf-8"], body: Data(text.utf8))
        }
    }

    public struct Failure: Error, CustomStringConvertible {
        public var description: String
    }

    /// The port listened on (the one the kernel chose when asked for port 0).
    public let port: UInt16
    private let listener: Int32
    private let handler: (Request) -> Response
    private let stopped = Locked(false)

    /// Binds 127.0.0.1:`port`; port 0 asks the kernel for a free one.
    public init(port: UInt16, handler: @escaping (Request) -> Response) throws {
        self.handler = handler
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw Failure(description: "cannot open a socket: \(String(cString: strerror(errno)))") }
        var yes: Int32 = 1
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        address.sin_addr.s_addr = in_addr_t(INADDR_LOOPBACK).bigEndian
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0, listen(fd, 64) == 0 else {
            let reason = String(cString: strerror(errno))
            close(fd)
            throw Failure(description: "cannot listen on 127.0.0.1:\(port): \(reason)")
        }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        listener = fd
        self.port = UInt16(bigEndian: address.sin_port)
    }

    /// Accepts connections on a thread of its own until `stop()`.
    public func start() {
        let thread = Thread { [self] in
            while true {
                let client = accept(listener, nil, nil)
                if client < 0 {
                    if stopped.withLock({ $0 }) { return }
                    if errno != EINTR && errno != ECONNABORTED { usleep(10_000) }  // e.g. out of descriptors: try again soon
                    continue
                }
                Thread.detachNewThread { [self] in serve(client) }
            }
        }
        thread.name = "tally-serve-accept"
        thread.start()
    }

    public func stop() {
        stopped.withLock { $0 = true }
        shutdown(listener, Int32(SHUT_RDWR))
        close(listener)
    }

    private func serve(_ client: Int32) {
        defer { close(client) }
        // A client that never finishes its request must not keep a thread forever.
        var timeout = timeval(tv_sec: 10, tv_usec: 0)
        setsockopt(client, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        guard let request = readRequest(client) else {
            _ = write(Self.head(400, ["Content-Length": "0"]), to: client)
            return
        }
        let write = { (data: Data) in self.write(data, to: client) }
        switch handler(request) {
        case .complete(let status, var headers, let body):
            headers["Content-Length"] = String(body.count)
            if write(Self.head(status, headers)), request.method != "HEAD" { _ = write(body) }
        case .stream(let headers, let body):
            if write(Self.head(200, headers)) { body(write) }
        }
    }

    /// The request line of a GET or HEAD request; the headers are read and ignored (nothing here needs them).
    private func readRequest(_ client: Int32) -> Request? {
        var data = Data()
        var buffer = [UInt8](repeating: 0, count: 4096)
        while data.range(of: Data("\r\n\r\n".utf8)) == nil {
            guard data.count < 32 << 10 else { return nil }
            let n = recv(client, &buffer, buffer.count, 0)
            guard n > 0 else { return nil }
            data.append(buffer, count: n)
        }
        guard let line = String(data: data, encoding: .utf8)?.components(separatedBy: "\r\n").first else { return nil }
        let parts = line.split(separator: " ", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[2].hasPrefix("HTTP/1.") else { return nil }
        return Request(method: String(parts[0]), target: String(parts[1]))
    }

    private func write(_ data: Data, to client: Int32) -> Bool {
        data.withUnsafeBytes { raw -> Bool in
            var offset = 0
            while offset < raw.count {
                // MSG_NOSIGNAL: a client that went away is an error here, not a SIGPIPE for the process.
                let n = Glibc.send(client, raw.baseAddress! + offset, raw.count - offset, Int32(MSG_NOSIGNAL))
                if n < 0 && errno == EINTR { continue }
                guard n > 0 else { return false }
                offset += n
            }
            return true
        }
    }

    private static func head(_ status: Int, _ headers: [String: String]) -> Data {
        let reasons = [200: "OK", 301: "Moved Permanently", 400: "Bad Request", 403: "Forbidden",
                       404: "Not Found", 405: "Method Not Allowed"]
        var text = "HTTP/1.1 \(status) \(reasons[status] ?? "Status")\r\nConnection: close\r\n"
        for (name, value) in headers.sorted(by: { $0.key < $1.key }) { text += "\(name): \(value)\r\n" }
        return Data((text + "\r\n").utf8)
    }
}
