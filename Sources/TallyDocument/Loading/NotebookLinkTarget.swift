import Foundation

/// Where a link written in a notebook leads, read the same way by the link checker and the site: a
/// heading or other anchor of the same page, another notebook's file (`other.md`, `sub/other.md#section`,
/// percent-encoded or not), or something else (a web address, another kind of file) that is left as written.
public enum NotebookLinkTarget: Hashable {
    case anchor(String)
    case notebook(URL, anchor: String?)
    case other

    /// Reads `destination` as written in the notebook file `file`.
    public init(_ destination: String, from file: URL) {
        if destination.contains(":"), let colon = destination.firstIndex(of: ":"),
           !destination[..<colon].contains(where: { "/?#".contains($0) }) {
            self = .other  // a scheme (LinkPolicy decides what may be shown)
            return
        }
        let hash = destination.firstIndex(of: "#")
        let path = String(destination[..<(hash ?? destination.endIndex)])
        let fragment = hash.map { String(destination[destination.index(after: $0)...]) }
        let anchor = fragment.map { $0.removingPercentEncoding ?? $0 }
        if path.isEmpty {
            self = anchor.map(NotebookLinkTarget.anchor) ?? .other
            return
        }
        let decoded = path.removingPercentEncoding ?? path
        guard decoded.hasSuffix(".md") || decoded.hasSuffix(".markdown") else {
            self = .other
            return
        }
        self = .notebook(URL(fileURLWithPath: decoded, relativeTo: file.deletingLastPathComponent()).standardizedFileURL, anchor: anchor)
    }

    /// The notebook an Obsidian wikilink names, among `notebooks` (their files): the one named `target` (or
    /// `target.md`, any case) in the same folder as `file`, else the one with the shortest path, as Obsidian
    /// picks. `file` itself for `[[#Heading]]`; nil when none is named so.
    public static func notebook(named target: String, from file: URL, among notebooks: [URL]) -> URL? {
        guard !target.isEmpty else { return file }
        let lower = target.lowercased()
        let name = lower.hasSuffix(".md") ? lower : lower + ".md"
        return closest(notebooks.filter { $0.path.lowercased().hasSuffix("/" + name) }, to: file)
    }

    /// The candidate in the same folder as `file`, else the one with the shortest path.
    public static func closest(_ candidates: [URL], to file: URL) -> URL? {
        let folder = file.deletingLastPathComponent().path
        return candidates.first { $0.deletingLastPathComponent().path == folder }
            ?? candidates.min { ($0.pathComponents.count, $0.path) < ($1.pathComponents.count, $1.path) }
    }

    /// Whether a wikilink names a note (no extension, or `.md`) rather than a file to embed.
    public static func namesNote(_ link: WikiLink) -> Bool {
        let name = (link.target.lowercased() as NSString).lastPathComponent
        return link.target.isEmpty || name.hasSuffix(".md") || !name.contains(".")
    }
}
