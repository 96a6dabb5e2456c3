import Foundation

/// File paths as strings, for the steps a build repeats for every notebook: making a URL, standardizing
/// it and taking its parts cost microseconds each, more than the work around them.
public enum FilePaths {
    /// `path` made absolute against `directory` (itself absolute) and standardized as
    /// `URL.standardizedFileURL.path` does: lexically (no link is resolved), `.` and empty components
    /// dropped, `..` dropping the component before it (none above `/`), no trailing slash.
    public static func standardized(_ path: String, in directory: String) -> String {
        let full = path.hasPrefix("/") ? path : directory + "/" + path
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

    /// The deepest folder that holds every one of `paths` (absolute, standardized paths), `/` at worst; nil
    /// for no paths. A path counts as a folder itself: pass files' folders to get the files' common folder.
    public static func commonFolder(_ paths: [String]) -> String? {
        guard var common = paths.first.map({ $0.split(separator: "/") }) else { return nil }
        for path in paths.dropFirst() {
            common = Array(zip(common, path.split(separator: "/")).prefix { $0 == $1 }.map(\.0))
        }
        return "/" + common.joined(separator: "/")
    }

    /// The folder `path` (absolute) is in: `/a/b.md` → `/a`.
    public static func folder(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/"), slash != path.startIndex else { return "/" }
        return String(path[..<slash])
    }
}
