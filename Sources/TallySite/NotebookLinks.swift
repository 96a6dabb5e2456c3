import Foundation
import TallyDocument
import TallyHTML

/// Links between notebooks on the site: a relative link to another notebook's file (`other.md`,
/// `sub/other.md#section`) points at that notebook's page; an Obsidian wikilink `[[Note#Heading]]` at the
/// page of the notebook of that name and the heading of that title (`NotebookLinkTarget` reads both, as the
/// loader's `BrokenLinkChecker` does, which reports the broken ones); an embed `![[plot.png]]` shows the
/// file of that name in the notes folder (same folder first, then the shortest path), or is a warning.
final class NotebookLinks {
    /// What every page's links resolve against, made once per build and shared by the pages (which
    /// render in parallel, each with its own `NotebookLinks` collecting its own diagnostics).
    struct Targets {
        fileprivate var pages: [URL: String] = [:]
        fileprivate var summaries: [URL: NotebookSummary] = [:]
        fileprivate var files: [String: [URL]]

        init(plan: SitePlan, summaries: [String: NotebookSummary], sources: SourceSet, folder: NotesFolder) {
            files = folder.byName
            for page in plan.pages {
                pages[sources.url(of: page.notebook)] = page.href
                self.summaries[sources.url(of: page.notebook)] = summaries[page.notebook.path]
            }
        }
    }

    private let targets: Targets
    private var pages: [URL: String] { targets.pages }
    private var summaries: [URL: NotebookSummary] { targets.summaries }
    private let sources: SourceSet
    private(set) var diagnostics: [Diagnostic] = []
    private var reported: Set<Diagnostic> = []

    init(_ targets: Targets, sources: SourceSet) {
        self.targets = targets
        self.sources = sources
    }

    /// The `href` for `destination` written in `notebook` (whose page is `pageHref`); nil when `LinkPolicy` refuses it.
    func href(for destination: String, in notebook: Notebook, pageHref: String) -> String? {
        guard LinkPolicy.isSafe(destination) else { return nil }
        guard case .notebook(let file, let anchor) = NotebookLinkTarget(destination, from: sources.url(of: notebook)),
              let page = pages[file] else { return destination }
        return SitePlan.root(of: pageHref) + page + (anchor.map { "#\($0)" } ?? "")
    }

    /// The URL for a wikilink or embed written in `notebook`, or nil when nothing of that name is found.
    func href(for link: WikiLink, in notebook: Notebook, pageHref: String, at location: SourceLocation, media: MediaFiles) -> String? {
        let here = sources.url(of: notebook)
        let root = SitePlan.root(of: pageHref)
        if NotebookLinkTarget.namesNote(link) {  // an embedded note is linked, not transcluded
            guard let file = NotebookLinkTarget.notebook(named: link.target, from: here, among: Array(pages.keys)),
                  let page = pages[file] else { return nil }
            let anchor = link.heading.flatMap { summaries[file]?.heading(titled: $0)?.anchor }
            return root + page + (anchor.map { "#\($0)" } ?? "")
        }
        let lower = link.target.lowercased()
        let name = (lower as NSString).lastPathComponent
        guard let file = NotebookLinkTarget.closest(targets.files[name]?.filter { $0.path.lowercased().hasSuffix("/" + lower) } ?? [], to: here) else {
            report(.warning("embed '\(link.target)': no file of that name in the notes folder", at: location, rule: .brokenLink))
            return nil
        }
        return media.url(for: Self.relativePath(from: here.deletingLastPathComponent(), to: file), in: notebook, at: location).map { root + $0 }
    }

    private func report(_ diagnostic: Diagnostic) {
        if reported.insert(diagnostic).inserted { diagnostics.append(diagnostic) }
    }

    private static func relativePath(from folder: URL, to file: URL) -> String {
        let a = folder.standardizedFileURL.pathComponents, b = file.standardizedFileURL.pathComponents
        let common = zip(a, b).prefix { $0 == $1 }.count
        return (Array(repeating: "..", count: a.count - common) + b[common...]).joined(separator: "/")
    }
}
