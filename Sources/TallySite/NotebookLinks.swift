import Foundation
import TallyDocument
import TallyHTML

/// Links between notebooks on the site: a relative link to another notebook's file (`other.md`,
/// `sub/other.md#section`) points at that notebook's page, and a link to a notebook that is not built, or
/// to an anchor its page does not have, is a warning at the link (rule `broken-link`), reported once.
/// Anchors a page has: its headings' (from its `Outline`), `card-<id>`, `cell-<n>`, `fn-<n>` and `fnref-<n>`.
/// Obsidian wikilinks resolve by name, as Obsidian does: `[[Note]]` is the notebook whose file is `Note.md`
/// anywhere in the notes folder (the same folder first, then the shortest path), `#Heading` the heading
/// with that text; `![[plot.png]]` the file of that name.
final class NotebookLinks {
    private let pages: [URL: (href: String, anchors: Set<String>)]
    private let outlines: [URL: Outline]
    private var files: [String: [URL]]?
    private let sources: SourceSet
    private(set) var diagnostics: [Diagnostic] = []
    private var reported: Set<Diagnostic> = []

    init(plan: SitePlan, outlines: [String: Outline], sources: SourceSet) {
        self.sources = sources
        var pages: [URL: (String, Set<String>)] = [:]
        var byURL: [URL: Outline] = [:]
        for page in plan.pages {
            let notebook = page.notebook
            var anchors = Set(outlines[notebook.path]?.headings.map(\.anchor) ?? [])
            anchors.formUnion(notebook.cards.map { "card-\($0.id)" })
            anchors.formUnion(notebook.cells.map { "cell-\($0.index + 1)" })
            pages[sources.url(of: notebook)] = (page.href, anchors)
            byURL[sources.url(of: notebook)] = outlines[notebook.path]
        }
        self.pages = pages
        self.outlines = byURL
    }

    /// The URL for a wikilink or embed written in `notebook`, or nil (with a warning) when nothing of that name is found.
    func href(for link: WikiLink, in notebook: Notebook, pageHref: String, at location: SourceLocation, media: MediaFiles) -> String? {
        let here = sources.url(of: notebook)
        let root = SitePlan.root(of: pageHref)
        let lower = link.target.lowercased()
        let fileName = (lower as NSString).lastPathComponent
        // A name without an extension, or ending in .md, is a note (an embedded note is linked, not transcluded).
        if link.target.isEmpty || fileName.hasSuffix(".md") || !fileName.contains(".") {
            let target: URL?
            if link.target.isEmpty {
                target = here
            } else {
                let name = lower.hasSuffix(".md") ? lower : lower + ".md"
                target = closest(pages.keys.filter { $0.path.lowercased().hasSuffix("/" + name) }, to: here)
            }
            guard let target, let page = pages[target] else {
                report(.warning("wikilink to '\(link.target)': no such notebook in this build", at: location, rule: .brokenLink))
                return nil
            }
            guard let heading = link.heading, !heading.isEmpty else { return root + page.href }
            guard let anchor = outlines[target]?.headings.first(where: { $0.title.lowercased() == heading.lowercased() })?.anchor else {
                report(.warning("wikilink to '\(link.target)#\(heading)': no such heading", at: location, rule: .brokenLink))
                return root + page.href
            }
            return root + page.href + "#" + anchor
        }
        guard let file = closest(fileIndex()[fileName]?
                .filter { $0.path.lowercased().hasSuffix("/" + lower) } ?? [], to: here) else {
            report(.warning("embed '\(link.target)': no file of that name in the notes folder", at: location, rule: .brokenLink))
            return nil
        }
        return media.url(for: Self.relativePath(from: here.deletingLastPathComponent(), to: file), in: notebook, at: location).map { root + $0 }
    }

    /// The candidate in the same folder as `here`, else the one with the shortest path.
    private func closest(_ candidates: [URL], to here: URL) -> URL? {
        let folder = here.deletingLastPathComponent().path
        return candidates.first { $0.deletingLastPathComponent().path == folder }
            ?? candidates.min { ($0.pathComponents.count, $0.path) < ($1.pathComponents.count, $1.path) }
    }

    /// Every file under the notes folder by lower-cased name, read once.
    private func fileIndex() -> [String: [URL]] {
        if let files { return files }
        var index: [String: [URL]] = [:]
        let walker = FileManager.default.enumerator(at: sources.root, includingPropertiesForKeys: nil, options: [.skipsHiddenFiles])
        while let url = walker?.nextObject() as? URL {
            index[url.lastPathComponent.lowercased(), default: []].append(url.standardizedFileURL)
        }
        files = index
        return index
    }

    private static func relativePath(from folder: URL, to file: URL) -> String {
        let a = folder.standardizedFileURL.pathComponents, b = file.standardizedFileURL.pathComponents
        let common = zip(a, b).prefix { $0 == $1 }.count
        return (Array(repeating: "..", count: a.count - common) + b[common...]).joined(separator: "/")
    }

    /// The `href` for `destination` written in `notebook` (whose page is `pageHref`) at `location`;
    /// nil when `LinkPolicy` refuses it.
    func href(for destination: String, in notebook: Notebook, pageHref: String, at location: SourceLocation) -> String? {
        guard LinkPolicy.isSafe(destination) else { return nil }
        guard LinkPolicy.scheme(of: destination) == nil else { return destination }
        let (path, fragment) = Self.split(destination)
        let here = sources.url(of: notebook)
        if path.isEmpty {
            if let fragment { check(fragment, in: pages[here]?.anchors, page: notebook.path, at: location) }
            return destination
        }
        let decoded = path.removingPercentEncoding ?? path
        guard decoded.hasSuffix(".md") || decoded.hasSuffix(".markdown") else { return destination }
        let target = URL(fileURLWithPath: decoded, relativeTo: here.deletingLastPathComponent()).standardizedFileURL
        guard let page = pages[target] else {
            report(.warning("link to '\(decoded)': no such notebook in this build", at: location, rule: .brokenLink))
            return destination
        }
        if let fragment { check(fragment, in: page.anchors, page: decoded, at: location) }
        return SitePlan.root(of: pageHref) + page.href + (fragment.map { "#\($0)" } ?? "")
    }

    private func check(_ fragment: String, in anchors: Set<String>?, page: String, at location: SourceLocation) {
        let id = fragment.removingPercentEncoding ?? fragment
        guard let anchors, !anchors.contains(id), !id.hasPrefix("fn-"), !id.hasPrefix("fnref-") else { return }
        report(.warning("link to '#\(id)': \(page) has no heading with that anchor", at: location, rule: .brokenLink))
    }

    private func report(_ diagnostic: Diagnostic) {
        if reported.insert(diagnostic).inserted { diagnostics.append(diagnostic) }
    }

    private static func split(_ destination: String) -> (path: String, fragment: String?) {
        guard let hash = destination.firstIndex(of: "#") else { return (destination, nil) }
        return (String(destination[..<hash]), String(destination[destination.index(after: hash)...]))
    }
}
