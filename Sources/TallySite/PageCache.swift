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
///   a renamed heading or a new image renders the pages again. The shared pages list the parts rather
///   than copy them, so a build writes bytes for the notebooks it rendered plus a line or two per notebook.
///
/// The titles and the pages' records (no HTML) of a build are kept together in one file, `indexName`
/// (a `RecordFile`), read once per build when first needed and written once by `prune` (only when it changed):
/// a hundred small files cost a hundred file creations per build. A page is kept when the file has its
/// record and its parts' files are there (parts are written before the record is, so a build stopped
/// midway leaves parts without a record: rendered again, never trusted). Entries no build used last
/// are dropped, and their parts deleted, by `prune`. An unreadable entry, or file, is a miss.
/// Safe from several threads.
final class PageCache: @unchecked Sendable {
    let folder: URL

    /// Kept in `BinaryWriter`'s form: a rebuild reads every notebook's title, and decoding them as JSON
    /// cost a twentieth of it.
    struct Title {
        var text: String
        var html: String
        var diagnostics: [Diagnostic]

        func encoded() -> Data {
            var out = BinaryWriter()
            out.string(text)
            out.string(html)
            out.diagnostics(diagnostics)
            return out.data
        }

        /// The title `encoded()` wrote, or nil (torn or of another format: a miss).
        init?(encoded data: Data) {
            guard let title = data.withUnsafeBytes({ raw -> Title? in
                var input = BinaryReader(raw)
                guard let text = input.string(), let html = input.string(), let diagnostics = input.diagnostics(),
                      input.isAtEnd else { return nil }
                return Title(text: text, html: html, diagnostics: diagnostics)
            }) else { return nil }
            self = title
        }

        init(text: String, html: String, diagnostics: [Diagnostic]) {
            self.text = text
            self.html = html
            self.diagnostics = diagnostics
        }
    }

    /// Kept in `BinaryWriter`'s form, as titles are (a rebuild reads every page's record); the record of a
    /// page with neither diagnostics nor media is empty.
    struct Page {
        var diagnostics: [Diagnostic]
        /// Media files the page showed: the source file's path → its name in `media/`.
        var media: [String: String]

        func encoded() -> Data {
            guard !diagnostics.isEmpty || !media.isEmpty else { return Data() }
            var out = BinaryWriter()
            out.diagnostics(diagnostics)
            out.int(media.count)
            for path in media.keys.sorted() {
                out.string(path)
                out.string(media[path]!)
            }
            return out.data
        }

        /// The record `encoded()` wrote, or nil (torn or of another format: a miss).
        init?(encoded data: Data) {
            guard !data.isEmpty else { self.init(diagnostics: [], media: [:]); return }
            guard let page = data.withUnsafeBytes({ raw -> Page? in
                var input = BinaryReader(raw)
                guard let diagnostics = input.diagnostics(), let count = input.int(),
                      let media = input.array(count, { input -> (String, String)? in
                          guard let path = input.string(), let name = input.string() else { return nil }
                          return (path, name)
                      }),
                      input.isAtEnd else { return nil }
                return Page(diagnostics: diagnostics, media: Dictionary(media, uniquingKeysWith: { first, _ in first }))
            }) else { return nil }
            self = page
        }

        init(diagnostics: [Diagnostic], media: [String: String]) {
            self.diagnostics = diagnostics
            self.media = media
        }
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

    /// The file holding the titles and pages' records, in `folder`.
    static let indexName = "pages.records"
    private static let kind = "site-pages"

    private struct State {
        /// The index file's records, once read.
        var onDisk: [String: Data]?
        /// The records this build read or made, by name (`KEY.title`, `KEY.page`).
        var used: [String: Data] = [:]
        /// The folder's files when pages were first looked up.
        var listed: Set<String>?
    }

    private let state = Locked(State())

    init(folder: URL) { self.folder = folder }

    func title(_ key: String) -> Title? {
        record(key + ".title", Title.init(encoded:))
    }

    /// The kept page's record, when every part's file is there (the record of a page without
    /// diagnostics or media is empty: most pages have neither, and need no decoding).
    func page(_ key: String) -> Page? {
        let files = state.withLock { state -> Set<String> in
            // One listing of the folder, not a look-up of each part's file: a hundred pages have three hundred.
            if state.listed == nil { state.listed = Set((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []) }
            return state.listed!
        }
        guard Part.allCases.allSatisfy({ files.contains(key + "." + $0.rawValue) }) else { return nil }
        return record(key + ".page", Page.init(encoded:))
    }

    /// The file of a kept page's part.
    /// The name, in `folder`, of the file holding the page part `part` of the page keyed `key`.
    func fileName(_ part: Part, _ key: String) -> String { key + "." + part.rawValue }

    func store(_ title: Title, _ key: String) {
        let data = title.encoded()
        keep(title, data, key + ".title")
    }

    /// Keeps the page: its parts, the page's HTML last, then its record (written by `prune`). Returns
    /// whether the page was kept (a cache that can't be written only costs time).
    @discardableResult
    func store(_ page: Page, parts: [Part: String], _ key: String) -> Bool {
        let data = page.encoded()
        for part in Part.allCases.reversed() {
            guard (try? FileWriter.write(parts[part] ?? "", to: folder.appendingPathComponent(fileName(part, key), isDirectory: false))) != nil else { return false }
        }
        keep(page, data, key + ".page")
        return true
    }

    /// Writes the index with the records of `keys` (those of the build just made), when it changed, and
    /// deletes the files of every other key.
    func prune(keeping keys: Set<String>) {
        let (used, onDisk) = state.withLock { ($0.used, $0.onDisk) }
        let records = used.filter { keys.contains(Self.key(of: $0.key)) }
        if records != onDisk {
            try? RecordFile.write(records, to: folder.appendingPathComponent(Self.indexName), kind: Self.kind)
        }
        for name in (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        where name != Self.indexName && !keys.contains(Self.key(of: name)) {
            try? FileManager.default.removeItem(at: folder.appendingPathComponent(name))
        }
    }

    private static func key(of name: String) -> String {
        name.utf8.firstIndex(of: UInt8(ascii: ".")).map { String(name[..<$0]) } ?? name
    }

    /// The record `name` of the index file, decoded by `decode` (or taken decoded from this process's
    /// memory when its bytes are the ones decoded before: the file is always what says what is kept).
    private func record<T>(_ name: String, _ decode: (Data) -> T?) -> T? {
        let data = state.withLock { state -> Data? in
            if state.onDisk == nil { state.onDisk = RecordFile.read(folder.appendingPathComponent(Self.indexName), kind: Self.kind) ?? [:] }
            return state.onDisk?[name]
        }
        guard let data else { return nil }
        let id = folder.path + "/" + name
        let value: T
        if let (kept, keptData) = Self.memory.value(id) as? (T, Data), keptData == data {
            value = kept
        } else {
            guard let decoded = decode(data) else { return nil }
            value = decoded
            Self.memory.keep((value, data), id)
        }
        state.withLock { $0.used[name] = data }
        return value
    }

    private func keep<T>(_ value: T, _ data: Data, _ name: String) {
        state.withLock { $0.used[name] = data }
        Self.memory.keep((value, data), folder.path + "/" + name)
    }

    /// Records already decoded or made by this process (`tally serve`), with their bytes, by folder and name.
    private static let memory = ProcessMemo<Any>(limit: 50_000)
}

/// What every page of a build depends on besides its notebook: this `tally` (its executable's size and
/// time), the templates, KaTeX, the project's macros and the options that change pages.
struct BuildStamp {
    var hex: String

    init(templates: TemplateSet, mathAvailable: Bool, typesetInBrowser: Bool, strictMath: Bool,
         engineReference: Bool, projectMacros: String) {
        var key = ContentKey()
        key.add("tally-site-4")
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
        // Most notebooks show no evaluation: one key for all of them (the path is in the notebook's key).
        if evaluation.isEmpty { return "nothing evaluated" }
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
