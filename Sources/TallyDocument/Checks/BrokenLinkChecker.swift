import Foundation

/// Rule `broken-link` (a warning): a relative link to a notebook that is not among those loaded, to an
/// anchor its page does not have, or an Obsidian wikilink to a note or heading that does not exist.
/// A page's anchors are its headings' (its `Outline`), `card-<id>`, `cell-<n>`, and footnotes' `fn-`/`fnref-`.
/// Embedded files (`![[plot.png]]`) are checked where they are copied, by the site.
public struct BrokenLinkChecker: Checker {
    public private(set) var problems: [Diagnostic] = []
    private let anchors: [URL: Set<String>]
    private let outlines: [URL: Outline]
    private let fileOf: (Notebook) -> URL
    private var current: URL?

    /// `fileOf` gives the file of a notebook (`SourceSet.url(of:)`).
    public init(notebooks: [Notebook], fileOf: @escaping (Notebook) -> URL) {
        var anchors: [URL: Set<String>] = [:]
        var outlines: [URL: Outline] = [:]
        for notebook in notebooks {
            let outline = notebook.outline
            var set = Set(outline.headings.map(\.anchor))
            set.formUnion(notebook.cards.map { "card-\($0.id)" })
            set.formUnion(notebook.cells.map { "cell-\($0.index + 1)" })
            anchors[fileOf(notebook)] = set
            outlines[fileOf(notebook)] = outline
        }
        self.anchors = anchors
        self.outlines = outlines
        self.fileOf = fileOf
    }

    public mutating func willVisit(_ notebook: Notebook) { current = fileOf(notebook) }

    public mutating func visitLink(_ inline: Inline, destination: String, title: String, children: [Inline]) {
        defer { descendInto(inline) }
        guard let here = current else { return }
        switch NotebookLinkTarget(destination, from: here) {
        case .anchor(let id):
            check(id, in: here, name: "this page", at: inline.location)
        case .notebook(let file, let anchor):
            guard anchors[file] != nil else {
                return report("link to '\(destination)': no such notebook in this build", at: inline.location)
            }
            if let anchor { check(anchor, in: file, name: file.lastPathComponent, at: inline.location) }
        case .other:
            break
        }
    }

    public mutating func visitWikiLink(_ inline: Inline, link: WikiLink) {
        guard let here = current, NotebookLinkTarget.namesNote(link) else { return }
        guard let file = NotebookLinkTarget.notebook(named: link.target, from: here, among: Array(anchors.keys)) else {
            return report("wikilink to '\(link.target)': no such notebook in this build", at: inline.location)
        }
        if let heading = link.heading, !heading.isEmpty, outlines[file]?.heading(titled: heading) == nil {
            report("wikilink to '\(link.target)#\(heading)': no such heading", at: inline.location)
        }
    }

    private mutating func check(_ id: String, in file: URL, name: String, at location: SourceLocation) {
        guard let known = anchors[file], !known.contains(id), !id.hasPrefix("fn-"), !id.hasPrefix("fnref-") else { return }
        report("link to '#\(id)': \(name) has no heading with that anchor", at: location)
    }

    private mutating func report(_ message: String, at location: SourceLocation) {
        let diagnostic = Diagnostic.warning(message, at: location, rule: .brokenLink)
        if !problems.contains(diagnostic) { problems.append(diagnostic) }
    }
}

extension Outline {
    /// The heading whose title is `title`, ignoring case (how an Obsidian `[[Note#Heading]]` names it).
    public func heading(titled title: String) -> Heading? {
        headings.first { $0.title.lowercased() == title.lowercased() }
    }
}
