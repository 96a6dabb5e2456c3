import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A raw-socket HTTP client: unlike URLSession it sends the request target exactly as written
/// (`/../../etc/passwd` is not normalised away), which is what the traversal tests need.
enum HTTPClient {
    struct Response {
        var status: Int
        var head: String
        var body: String
    }

    /// Opens a TCP connection to `host:port`; nil when it is refused.
    static func connect(_ host: String, _ port: UInt16) -> Int32? {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        inet_pton(AF_INET, host, &address.sin_addr)
        var timeout = timeval(tv_sec: 30, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { Glibc.connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else { close(fd); return nil }
        return fd
    }

    static func get(_ target: String, port: UInt16, method: String = "GET") throws -> Response {
        guard let fd = connect("127.0.0.1", port) else { throw Refused() }
        defer { close(fd) }
        send(fd, "\(method) \(target) HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
        let text = String(decoding: readAll(fd), as: UTF8.self)
        let parts = text.components(separatedBy: "\r\n\r\n")
        let head = parts[0]
        let status = Int(head.split(separator: " ").dropFirst().first ?? "") ?? 0
        return Response(status: status, head: head, body: parts.dropFirst().joined(separator: "\r\n\r\n"))
    }

    static func send(_ fd: Int32, _ text: String) {
        _ = text.withCString { Glibc.send(fd, $0, strlen($0), Int32(MSG_NOSIGNAL)) }
    }

    /// Reads until the server closes the connection (or `until` appears in what was read).
    static func readAll(_ fd: Int32, until marker: String? = nil) -> Data {
        var data = Data()
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let n = recv(fd, &buffer, buffer.count, 0)
            guard n > 0 else { return data }
            data.append(buffer, count: n)
            if let marker, data.range(of: Data(marker.utf8)) != nil { return data }
        }
    }

    struct Refused: Error {}
}
