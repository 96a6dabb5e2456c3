import Foundation
import TallyDocument
import TallyHTML

/// Links between notebooks on the site: a relative link to another notebook's file (`other.md`,
/// `sub/other.md#section`) points at that notebook's page, and a link to a notebook that is not built, or
/// to an anchor its page does not have, is a warning at the link (rule `broken-link`), reported once.
/// Anchors a page has: its headings' (from its `Outline`), `card-<id>`, `cell-<n>`, `fn-<n>` and `fnref-<n>`.
final class NotebookLinks {
    private let pages: [URL: (href: String, anchors: Set<String>)]
    private let sources: SourceSet
    private(set) var diagnostics: [Diagnostic] = []
    private var reported: Set<Diagnostic> = []

    init(plan: SitePlan, outlines: [String: Outline], sources: SourceSet) {
        self.sources = sources
        var pages: [URL: (String, Set<String>)] = [:]
        for page in plan.pages {
            let notebook = page.notebook
            var anchors = Set(outlines[notebook.path]?.headings.map(\.anchor) ?? [])
            anchors.formUnion(notebook.cards.map { "card-\($0.id)" })
            anchors.formUnion(notebook.cells.map { "cell-\($0.index + 1)" })
            pages[sources.url(of: notebook)] = (page.href, anchors)
        }
        self.pages = pages
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
