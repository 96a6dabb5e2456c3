import Foundation
import TallyDocument
import TallyHashing
import TallyResults

/// What a build keeps of each notebook's page between runs, by content: a build after editing one
/// notebook renders and typesets only that notebook (and the shared pages, which are put together
/// from the kept parts), as static site generators with a build cache do (Hugo's `resources/`,
/// mdBook under `serve`).
///
/// Two kinds of entries, in `folder` (`site/` in the evaluation cache):
/// - a notebook's **title** (plain text and typeset HTML) and its math diagnostics, keyed by
///   `NotebookKey`: the file's bytes, its path and page, its evaluation, and what every page depends on
///   (`BuildStamp`). Titles are what other pages show of a notebook (navigation, index).
/// - its **page**: the page's HTML as a file (linked into the site, not copied), and a record of its
///   cards' HTML, search entries, the diagnostics its rendering reported and the media files it
///   showed; keyed by the notebook key, its neighbours' titles (previous/next) and the `SiteContext`
///   (every page's address and anchors, and the files beside the notes), so that a renamed heading
///   or a new image renders the pages again.
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
        /// The notebook's cards as the cards and review pages show them.
        var cards: [String]
        /// Its search entries as a JSON array (`SearchIndex.json()`), joined into the index unparsed.
        var search: String
        var diagnostics: [Diagnostic]
        /// Media files the page showed: the source file's path → its name in `media/`.
        var media: [String: String]
    }

    func title(_ key: String) -> Title? { read(key + ".title.json") }
    func page(_ key: String) -> Page? {
        guard FileManager.default.fileExists(atPath: pageFile(key).path) else { return nil }
        return read(key + ".page.json")
    }

    /// The kept page's HTML file.
    func pageFile(_ key: String) -> URL { folder.appendingPathComponent(key + ".html") }

    func store(_ title: Title, _ key: String) { write(title, key + ".title.json") }

    /// Keeps the page; its HTML is written first, so a record never names a missing file.
    /// Returns whether the page was kept (a cache that can't be written only costs time).
    @discardableResult
    func store(_ page: Page, html: String, _ key: String) -> Bool {
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        guard (try? Data(html.utf8).write(to: pageFile(key), options: .atomic)) != nil else { return false }
        return write(page, key + ".page.json")
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

    /// Records already read or written by this process, by file: a long-running `tally serve` decodes
    /// each once. Entries are keyed by content, so a kept one is never stale.
    private static let memory = Memory()

    private struct Memory {
        private let records = Locked<[String: Any]>([:])

        func value(_ path: String) -> Any? { records.withLock { $0[path] } }

        func keep(_ value: Any, _ path: String) {
            records.withLock {
                if $0.count > 50_000 { $0.removeAll() }  // a bound for a session of many edits
                $0[path] = value
            }
        }
    }

    @discardableResult
    private func write<T: Encodable>(_ value: T, _ name: String) -> Bool {
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        guard let data = try? JSONEncoder().encode(value),
              (try? data.write(to: folder.appendingPathComponent(name), options: .atomic)) != nil else { return false }
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
        key.add(Self.fileStamp("/proc/self/exe"))
        key.add(Self.fileStamp(KaTeXProcess.katexScript.path))
        key.add(templates.digest)
        key.add([String(mathAvailable), String(typesetInBrowser), String(strictMath), String(engineReference)])
        key.add(projectMacros)
        hex = key.hex
    }

    /// A file's size and modification time, standing in for its contents (as `make` does).
    /// Symbolic links are followed to the file (Debian's `katex.min.js` links to `katex.js`).
    static func fileStamp(_ path: String) -> String {
        guard let resolved = realpath(path, nil) else { return "-" }
        defer { free(resolved) }
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: String(cString: resolved)) else { return "-" }
        let size = (attributes[.size] as? NSNumber)?.int64Value ?? -1
        let time = (attributes[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
        return "\(size):\(time)"
    }
}

/// The key of one notebook's title: its file, its page address, its evaluation and the build stamp.
enum NotebookKey {
    static func of(_ notebook: Notebook, href: String, evaluation: NotebookEvaluation?, stamp: BuildStamp) -> String {
        var key = ContentKey()
        key.add([stamp.hex, notebook.path, href, notebook.sourceDigest])
        // A notebook made in memory has no digest: its model stands in for its text.
        if notebook.sourceDigest.isEmpty { key.add(String(reflecting: notebook)) }
        key.add(evaluation.map(Self.digest) ?? "-")
        return key.hex
    }

    /// An evaluation as text, the same in every run (its expressions sorted by place).
    private static func digest(_ evaluation: NotebookEvaluation) -> String {
        var parts = [String(reflecting: evaluation.cells), String(reflecting: evaluation.checks),
                     String(reflecting: evaluation.formulas), String(reflecting: evaluation.diagnostics)]
        for (location, result) in evaluation.expressions.sorted(by: { $0.key < $1.key }) {
            parts.append(String(reflecting: location) + String(reflecting: result))
        }
        var key = ContentKey()
        key.add(parts)
        return key.hex
    }
}

/// What a page shows of the rest of the site: every page's address, every notebook's heading anchors
/// (links between notebooks) and the files beside the notes (images, embeds). Other notebooks' titles
/// are in the shared `nav.js`; a page shows only its neighbours' (previous/next), keyed with the page.
enum SiteContext {
    static func of(pages: [(path: String, href: String)], outlines: [String: Outline], folder: NotesFolder) -> String {
        var key = ContentKey()
        for page in pages {
            key.add([page.path, page.href])
            key.add(outlines[page.path]?.headings.map(\.anchor) ?? [])
        }
        key.add(folder.stamps)
        return key.hex
    }
}
