import Foundation
import TallyDocument
import TallyHashing
import TallyResults

/// What a build keeps of each notebook's page between runs, by content: a build after editing one
/// notebook renders and typesets only that notebook (and the shared pages, which list the notebooks),
/// as static site generators with a build cache do (Hugo's `resources/`, mdBook under `serve`).
///
/// Two kinds of entries, in `folder` (`site/` in the evaluation cache):
/// - a notebook's **title** (plain text and typeset HTML) and its math diagnostics, keyed by
///   `NotebookKey`: the file's bytes, its path and page, its evaluation, and what every page depends on
///   (`BuildStamp`). Titles are what other pages show of a notebook (navigation, index).
/// - its **page**: files linked into the site as they are (hard links, not copies) — the page's HTML,
///   its cards as a script (`cards/PAGE.js`, `CardsScript`) and its search entries as a script
///   (`search/PAGE.js`, `SearchIndex`) — and a small record of the diagnostics its rendering reported
///   and the media files it showed; keyed by the notebook key, its neighbours' titles (previous/next)
///   and the `SiteContext` (every page's address and anchors, and the files beside the notes), so that
///   a renamed heading or a new image renders the pages again. The record holds no HTML, so reading
///   a thousand of them is cheap; the shared pages list the parts rather than copy them, so a build
///   writes bytes for the notebooks it rendered plus a line or two per notebook.
///
/// Entries no build used last are deleted after a build (`prune`). An unreadable entry is a miss.
struct PageCache {
    let folder: URL

    struct Title: Codable {
        var text: String
        var html: String
        var diagnostics: [Diagnostic]
    }

    struct Page: Codable {
        var diagnostics: [Diagnostic]
        /// Media files the page showed: the source file's path → its name in `media/`.
        var media: [String: String]
    }

    /// The files kept with a page, each linked into the site.
    enum Part: String, CaseIterable {
        /// The notebook's page.
        case page = "html"
        /// Its cards, as the cards and review pages load them (`CardsScript`).
        case cards = "cards.js"
        /// Its search entries (`SearchIndex.script(page:)`).
        case search = "search.js"
    }

    func title(_ key: String) -> Title? { read(key + ".title.json") }

    /// The kept page's record, when every part's file is there (the record of a page without
    /// diagnostics or media is not written: most pages have neither, and each file costs a create).
    func page(_ key: String) -> Page? {
        guard Part.allCases.allSatisfy({ FileManager.default.fileExists(atPath: file($0, key).path) }) else { return nil }
        let record = key + ".page.json"
        guard FileManager.default.fileExists(atPath: folder.appendingPathComponent(record).path) else { return Page(diagnostics: [], media: [:]) }
        return read(record)
    }

    /// The file of a kept page's part.
    func file(_ part: Part, _ key: String) -> URL { folder.appendingPathComponent(key + "." + part.rawValue, isDirectory: false) }

    func store(_ title: Title, _ key: String) { write(title, key + ".title.json") }

    /// Keeps the page: its record (unless empty), then its parts, the page's HTML last, so that a
    /// kept HTML file means the rest is there. Returns whether the page was kept (a cache that can't
    /// be written only costs time).
    @discardableResult
    func store(_ page: Page, parts: [Part: String], _ key: String) -> Bool {
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        if !page.diagnostics.isEmpty || !page.media.isEmpty, !write(page, key + ".page.json") { return false }
        for part in Part.allCases.reversed() {
            guard (try? FileWriter.write(parts[part] ?? "", to: file(part, key))) != nil else { return false }
        }
        return true
    }

    /// Deletes the entries whose keys are not in `keys` (those of the build just made).
    func prune(keeping keys: Set<String>) {
        for name in (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [] {
            let key = String(name.prefix { $0 != "." })
            if !keys.contains(key) { try? FileManager.default.removeItem(at: folder.appendingPathComponent(name)) }
        }
    }

    private func read<T: Decodable>(_ name: String) -> T? {
        let path = folder.appendingPathComponent(name).path
        if let kept = Self.memory.value(path) as? T { return kept }
        guard let data = FileManager.default.contents(atPath: path),
              let value = try? JSONDecoder().decode(T.self, from: data) else { return nil }
        Self.memory.keep(value, path)
        return value
    }

    /// Records already read or written by this process, by file.
    private static let memory = ProcessMemo<Any>(limit: 50_000)

    @discardableResult
    private func write<T: Encodable>(_ value: T, _ name: String) -> Bool {
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        guard let data = try? JSONEncoder().encode(value),
              (try? FileWriter.write(data, to: folder.appendingPathComponent(name))) != nil else { return false }
        Self.memory.keep(value, folder.appendingPathComponent(name).path)
        return true
    }
}

/// What every page of a build depends on besides its notebook: this `tally` (its executable's size and
/// time), the templates, KaTeX, the project's macros and the options that change pages.
struct BuildStamp {
    var hex: String

    init(templates: TemplateSet, mathAvailable: Bool, typesetInBrowser: Bool, strictMath: Bool,
         engineReference: Bool, projectMacros: String) {
        var key = ContentKey()
        key.add("tally-site-2")
        key.add(FileStamp.executable)
        key.add(FileStamp.of(KaTeXProcess.katexScript.path))
        key.add(templates.digest)
        key.add([String(mathAvailable), String(typesetInBrowser), String(strictMath), String(engineReference)])
        key.add(projectMacros)
        hex = key.hex
    }
}

/// The key of one notebook's title: its file, its page address, its evaluation and the build stamp.
enum NotebookKey {
    static func of(_ notebook: Notebook, href: String, evaluation: NotebookEvaluation?, stamp: BuildStamp) -> String {
        var key = ContentKey()
        key.add([stamp.hex, notebook.path, href, notebook.sourceDigest])
        // A notebook made in memory has no digest: its model stands in for its text.
        if notebook.sourceDigest.isEmpty { key.add(String(reflecting: notebook.frontMatter) + String(reflecting: notebook.blocks)) }
        key.add(evaluation.map(Self.digest) ?? "-")
        return key.hex
    }

    /// An evaluation's key, the same in every run: its JSON with keys sorted, expressions in source order.
    private static func digest(_ evaluation: NotebookEvaluation) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        var key = ContentKey()
        var sorted = evaluation
        sorted.expressions = [:]
        sorted.compiledPrograms = 0  // how the evaluation was made (run, or kept), not what pages show
        let expressions = evaluation.expressions.sorted { $0.key < $1.key }
        guard let whole = try? encoder.encode(sorted), let each = try? encoder.encode(expressions.map(\.value)),
              let places = try? encoder.encode(expressions.map(\.key)) else { return UUID().uuidString }  // unkeyable: never reused
        key.add([String(decoding: whole, as: UTF8.self), String(decoding: each, as: UTF8.self), String(decoding: places, as: UTF8.self)])
        return key.hex
    }
}

/// What a page shows of the rest of the site: every page's address, every notebook's heading anchors
/// (links between notebooks) and the files beside the notes (images, embeds). Other notebooks' titles
/// are in the shared `nav.js`; a page shows only its neighbours' (previous/next), keyed with the page.
enum SiteContext {
    static func of(pages: [(path: String, href: String)], summaries: [String: NotebookSummary], folder: NotesFolder) -> String {
        var key = ContentKey()
        for page in pages {
            key.add([page.path, page.href])
            key.add(summaries[page.path]?.headings.map(\.anchor) ?? [])
        }
        key.add(folder.stamps)
        return key.hex
    }
}
