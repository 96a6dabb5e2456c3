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
}
