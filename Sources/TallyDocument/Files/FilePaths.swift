import Foundation

/// File paths as strings, for the steps a build repeats for every notebook: making a URL, standardizing
/// it and taking its parts cost microseconds each, more than the work around them.
public enum FilePaths {
    /// `path` made absolute against `directory` (itself absolute) and standardized as
    /// `URL.standardizedFileURL.path` does: lexically (no link is resolved), `.` and empty components
    /// dropped, `..` dropping the component before it (none above `/`), no trailing slash.
    public static func standardized(_ path: String, in directory: String) -> String {
        let full = path.hasPrefix("/") ? path : directory + "/" + path
        if isStandard(full) { return full }  // the usual case: a build standardizes every notebook's path
        var parts: [Substring] = []
        for component in full.split(separator: "/") {
            if component == "." { continue }
            if component == ".." {
                if !parts.isEmpty { parts.removeLast() }
                continue
            }
            parts.append(component)
        }
        return "/" + parts.joined(separator: "/")
    }

    /// Whether `path` is already what `standardized` makes of it: absolute, with no empty, `.` or `..`
    /// component and no trailing slash (bytes compared, so a build's hundreds of paths cost a scan each).
    private static func isStandard(_ path: String) -> Bool {
        path.utf8.withContiguousStorageIfAvailable { bytes -> Bool in
            guard bytes.first == slash else { return false }
            guard bytes.count > 1 else { return true }
            var start = 1
            for i in 1...bytes.count where i == bytes.count || bytes[i] == slash {
                let length = i - start
                if length == 0 { return false }
                if bytes[start] == dot && (length == 1 || (length == 2 && bytes[start + 1] == dot)) { return false }
                start = i + 1
            }
            return true
        } ?? false
    }

    /// The deepest folder that holds every one of `paths` (absolute, standardized paths), `/` at worst; nil
    /// for no paths. A path counts as a folder itself: pass files' folders to get the files' common folder.
    public static func commonFolder(_ paths: [String]) -> String? {
        guard let first = paths.first else { return nil }
        var common = Array(first.utf8)
        for path in paths.dropFirst() {
            let other = Array(path.utf8)
            var same = 0
            while same < common.count && same < other.count && common[same] == other[same] { same += 1 }
            // Whole components only: `/a/bc` and `/a/b` share `/a`, not `/a/b`.
            let ends = (same == common.count || common[same] == slash) && (same == other.count || other[same] == slash)
            if !ends { same = common[..<same].lastIndex(of: slash) ?? 0 }
            common.removeSubrange(same...)
        }
        while common.last == slash { common.removeLast() }
        return common.isEmpty ? "/" : String(decoding: common, as: UTF8.self)
    }

    private static let slash = UInt8(ascii: "/"), dot = UInt8(ascii: ".")

    /// The folder `path` (absolute) is in: `/a/b.md` → `/a`.
    public static func folder(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/"), slash != path.startIndex else { return "/" }
        return String(path[..<slash])
    }
}
