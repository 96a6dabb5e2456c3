import Foundation

/// Rule `broken-link` (a warning): a relative link to a notebook that is not among those loaded, to an
/// anchor its page does not have, or an Obsidian wikilink to a note or heading that does not exist.
/// A page's anchors are its headings' (its `Outline`), `card-<id>`, `cell-<n>`, and footnotes' `fn-`/`fnref-`.
/// Embedded files (`![[plot.png]]`) are checked where they are copied, by the site.
public struct BrokenLinkChecker: Checker {
    public private(set) var problems: [Diagnostic] = []
    /// The notebooks by file; a page's outline and anchors are made the first time a link needs them
    /// (most pages are never linked to by anchor: making every outline up front was a twentieth of a load).
    private let notebooks: [URL: Notebook]
    private let files: [URL]
    private var outlines: [URL: Outline] = [:]
    private var anchorSets: [URL: Set<String>] = [:]
    private let fileOf: (Notebook) -> URL
    private var current: URL?

    /// `fileOf` gives the file of a notebook (`SourceSet.url(of:)`).
    public init(notebooks: [Notebook], fileOf: @escaping (Notebook) -> URL) {
        var byFile: [URL: Notebook] = [:]
        for notebook in notebooks { byFile[fileOf(notebook)] = notebook }
        self.notebooks = byFile
        self.files = Array(byFile.keys)
        self.fileOf = fileOf
    }

    /// The outline of the notebook in `file` (nil when no loaded notebook is there).
    private mutating func outline(of file: URL) -> Outline? {
        if let known = outlines[file] { return known }
        guard let notebook = notebooks[file] else { return nil }
        let outline = notebook.outline
        outlines[file] = outline
        return outline
    }

    /// A page's anchors: its headings', `card-<id>` and `cell-<n>`.
    private mutating func anchors(of file: URL) -> Set<String>? {
        if let known = anchorSets[file] { return known }
        guard let notebook = notebooks[file], let outline = outline(of: file) else { return nil }
        var set = Set(outline.headings.map(\.anchor))
        set.formUnion(notebook.cards.map { "card-\($0.id)" })
        set.formUnion(notebook.cells.map { "cell-\($0.index + 1)" })
        anchorSets[file] = set
        return set
    }

    public mutating func willVisit(_ notebook: Notebook) { current = fileOf(notebook) }

    /// As `Checker.check(_:)`, each notebook walked on its own copy of the checker, all cores at once: what
    /// one notebook's links find depends on the others' anchors only, never on another notebook's walk. The
    /// problems come out in notebook order, each once, as a single walk would give them.
    public mutating func check(_ notebooks: [Notebook]) -> [Diagnostic] {
        let base = self
        let found = notebooks.concurrentMap { notebook -> [Diagnostic] in
            var checker = base
            checker.problems = []
            checker.willVisit(notebook)
            checker.visit(notebook.blocks)
            return checker.problems
        }
        for diagnostic in found.joined() where !problems.contains(diagnostic) { problems.append(diagnostic) }
        return problems
    }

    public mutating func visitLink(_ inline: Inline, destination: String, title: String, children: [Inline]) {
        defer { descendInto(inline) }
        guard let here = current else { return }
        switch NotebookLinkTarget(destination, from: here) {
        case .anchor(let id):
            check(id, in: here, name: "this page", at: inline.location)
        case .notebook(let file, let anchor):
            guard notebooks[file] != nil else {
                return report("link to '\(destination)': no such notebook in this build", at: inline.location)
            }
            if let anchor { check(anchor, in: file, name: file.lastPathComponent, at: inline.location) }
        case .other:
            break
        }
    }

    public mutating func visitWikiLink(_ inline: Inline, link: WikiLink) {
        guard let here = current, NotebookLinkTarget.namesNote(link) else { return }
        guard let file = NotebookLinkTarget.notebook(named: link.target, from: here, among: files) else {
            return report("wikilink to '\(link.target)': no such notebook in this build", at: inline.location)
        }
        if let heading = link.heading, !heading.isEmpty, outline(of: file)?.heading(titled: heading) == nil {
            report("wikilink to '\(link.target)#\(heading)': no such heading", at: inline.location)
        }
    }

    private mutating func check(_ id: String, in file: URL, name: String, at location: SourceLocation) {
        guard let known = anchors(of: file), !known.contains(id), !id.hasPrefix("fn-"), !id.hasPrefix("fnref-") else { return }
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
