import Foundation

/// Maps request targets to files of the built site. Nothing outside the site folder is served:
/// `..` and `.` segments are refused before the file system is asked, and a path whose real
/// location (symbolic links resolved) leaves the folder is refused too.
enum StaticFiles {
    enum Resolution: Equatable {
        case file(URL)
        /// A folder asked for without its trailing slash: relative links on its index need one.
        case redirect(String)
        case forbidden
        case notFound
    }

    static func resolve(_ target: String, in root: URL) -> Resolution {
        let path = String(target.prefix { $0 != "?" && $0 != "#" })
        guard path.hasPrefix("/"), let decoded = path.removingPercentEncoding,
              !decoded.contains("\0"), !decoded.contains("\\") else { return .forbidden }
        let segments = decoded.split(separator: "/").map(String.init)
        guard !segments.contains(where: { $0 == ".." || $0 == "." }) else { return .forbidden }
        let base = root.resolvingSymlinksInPath()
        var file = segments.reduce(base) { $0.appendingPathComponent($1) }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: file.path, isDirectory: &isDirectory) else { return .notFound }
        if isDirectory.boolValue {
            guard decoded.hasSuffix("/") else { return .redirect(path + "/") }
            file.appendPathComponent("index.html")
        }
        let real = file.resolvingSymlinksInPath().path
        guard real.hasPrefix(base.path + "/") else { return .forbidden }
        return FileManager.default.fileExists(atPath: real) ? .file(URL(fileURLWithPath: real)) : .notFound
    }

    static func contentType(of file: URL) -> String {
        switch file.pathExtension.lowercased() {
        case "html", "htm": return "text/html; charset=utf-8"
        case "css": return "text/css; charset=utf-8"
        case "js", "mjs": return "text/javascript; charset=utf-8"
        case "json": return "application/json"
        case "svg": return "image/svg+xml"
        case "png": return "image/png"
        case "jpg", "jpeg": return "image/jpeg"
        case "gif": return "image/gif"
        case "webp": return "image/webp"
        case "ico": return "image/x-icon"
        case "woff": return "font/woff"
        case "woff2": return "font/woff2"
        case "ttf": return "font/ttf"
        case "txt", "md": return "text/plain; charset=utf-8"
        case "xml": return "application/xml"
        case "pdf": return "application/pdf"
        default: return "application/octet-stream"
        }
    }
}
