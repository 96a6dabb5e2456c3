import Foundation

/// Rule `broken-link` (a warning): a relative link to a notebook that is not among those loaded, to an
/// anchor its page does not have, or an Obsidian wikilink to a note or heading that does not exist.
/// A page's anchors are its headings' (its `Outline`), `card-<id>`, `cell-<n>`, and footnotes' `fn-`/`fnref-`.
/// Embedded files (`![[plot.png]]`) are checked where they are copied, by the site.
///
/// Judged from the notebooks' summaries (their links, headings, cards and cells), so that an unchanged
/// notebook is checked again against the others without being parsed.
public struct BrokenLinkChecker {
    private let notebooks: [(file: URL, summary: NotebookSummary)]
    private let byFile: [URL: NotebookSummary]

    /// `summaries[i]` is `notebooks[i].summary`; `fileOf` gives the file of a notebook (`SourceSet.url(of:)`).
    public init(notebooks: [Notebook], summaries: [NotebookSummary], fileOf: (Notebook) -> URL) {
        self.notebooks = zip(notebooks, summaries).map { (fileOf($0), $1) }
        byFile = Dictionary(self.notebooks.map { ($0.file, $0.summary) }, uniquingKeysWith: { _, later in later })
    }

    /// The broken links of every notebook, in order, each reported once.
    public func check() -> [Diagnostic] {
        var problems: [Diagnostic] = []
        var reported: Set<Diagnostic> = []
        func report(_ message: String, at location: SourceLocation) {
            let diagnostic = Diagnostic.warning(message, at: location, rule: .brokenLink)
            if reported.insert(diagnostic).inserted { problems.append(diagnostic) }
        }
        // A page's anchors, made when a link first names one of them (most pages are never linked to by anchor).
        var anchors: [URL: Set<String>] = [:]
        func check(_ id: String, in file: URL, name: String, at location: SourceLocation) {
            guard let summary = byFile[file] else { return }
            let known = anchors[file] ?? summary.anchors
            anchors[file] = known
            guard !known.contains(id), !id.hasPrefix("fn-"), !id.hasPrefix("fnref-") else { return }
            report("link to '#\(id)': \(name) has no heading with that anchor", at: location)
        }
        let files = Array(byFile.keys)
        for (here, summary) in notebooks {
            for link in summary.links {
                switch link {
                case .destination(let destination, let location):
                    switch NotebookLinkTarget(destination, from: here) {
                    case .anchor(let id):
                        check(id, in: here, name: "this page", at: location)
                    case .notebook(let file, let anchor):
                        guard byFile[file] != nil else {
                            report("link to '\(destination)': no such notebook in this build", at: location)
                            continue
                        }
                        if let anchor { check(anchor, in: file, name: file.lastPathComponent, at: location) }
                    case .other:
                        break
                    }
                case .wikiLink(let link, let location):
                    guard NotebookLinkTarget.namesNote(link) else { continue }
                    guard let file = NotebookLinkTarget.notebook(named: link.target, from: here, among: files) else {
                        report("wikilink to '\(link.target)': no such notebook in this build", at: location)
                        continue
                    }
                    if let heading = link.heading, !heading.isEmpty, byFile[file]?.heading(titled: heading) == nil {
                        report("wikilink to '\(link.target)#\(heading)': no such heading", at: location)
                    }
                }
            }
        }
        return problems
    }
}
