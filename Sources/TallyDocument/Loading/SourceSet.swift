import Foundation
import TallyHashing

/// All the notebooks of one run, parsed once, with every diagnostic found while reading them.
public struct SourceSet: Sendable {
    public var notebooks: [Notebook]
    public var diagnostics: [Diagnostic]
    /// The folder that image paths may not leave, and that output paths are relative to.
    public var root: URL { didSet { files = Locked([:]) } }
    /// The folder that relative notebook paths (`Notebook.path`) are relative to.
    public var workingDirectory: URL { didSet { files = Locked([:]) } }
    /// `url(of:)` and `relativePath(of:)` by notebook path: a build asks for each notebook's file many
    /// times (links, pages, the cache), and making a standardized URL costs more than the lookup.
    private var files = Locked<[String: (url: URL, relativePath: String)]>([:])

    public init(notebooks: [Notebook], diagnostics: [Diagnostic], root: URL,
                workingDirectory: URL = URL(fileURLWithPath: FileManager.default.currentDirectoryPath, isDirectory: true)) {
        self.notebooks = notebooks
        self.diagnostics = diagnostics
        self.root = root
        self.workingDirectory = workingDirectory
    }

    /// The file a notebook was read from.
    public func url(of notebook: Notebook) -> URL { file(of: notebook).url }

    /// Notebooks without errors of their own: the ones that can be published.
    public var publishable: [Notebook] {
        let broken = Set(diagnostics.filter { $0.severity == .error }.map(\.location.file))
        return notebooks.filter { !broken.contains($0.path) }
    }

    /// A notebook's path relative to `root`, e.g. `optimizers/adam.md`.
    public func relativePath(of notebook: Notebook) -> String { file(of: notebook).relativePath }

    private func file(of notebook: Notebook) -> (url: URL, relativePath: String) {
        if let known = files.withLock({ $0[notebook.path] }) { return known }
        let full = FilePaths.standardized(notebook.path, in: workingDirectory.path)
        let url = URL(fileURLWithPath: full, isDirectory: false)
        let base = FilePaths.standardized(root.path, in: workingDirectory.path)
        let relative = full.hasPrefix(base + "/") ? String(full.dropFirst(base.count + 1)) : url.lastPathComponent
        files.withLock { $0[notebook.path] = (url, relative) }
        return (url, relative)
    }
}

/// Finds, reads and parses the files named on the command line.
public enum SourceLoader {
    public struct Failure: Error, CustomStringConvertible {
        public var description: String
    }

    /// The file endings read when a folder is named; a file named explicitly is read whatever its ending.
    public static let notebookExtensions: Set<String> = ["md", "markdown"]

    /// Reads `paths` (files or folders, searched recursively). A path that does not exist is a `Failure`
    /// (a usage error); a file that can't be parsed yields diagnostics and the rest still load.
    /// `kept`: notebooks parsed by an earlier load (`tally serve` keeps one); a file whose bytes are
    /// unchanged is taken from it instead of being parsed again. `summaries`: where summaries are kept
    /// between runs, given the files found (nil: none); a file with a kept summary is not parsed unless
    /// its blocks are read (see `NotebookSummary`).
    public static func load(paths: [String], workingDirectory: URL = URL(fileURLWithPath: FileManager.default.currentDirectoryPath),
                            reusing kept: ParsedNotebooks? = nil,
                            summaries: ((_ files: [URL]) -> NotebookSummaries?)? = nil) throws -> SourceSet {
        // Relative paths resolve against a directory URL only: without the trailing slash, `notes/a.md`
        // relative to `/tmp/project` would mean `/tmp/notes/a.md`.
        let workingDirectory = URL(fileURLWithPath: workingDirectory.standardizedFileURL.path, isDirectory: true)
        var files: [String] = []
        var roots: [URL] = []
        let fm = FileManager.default
        for path in paths {
            let url = URL(fileURLWithPath: path, relativeTo: workingDirectory).standardizedFileURL
            var isDirectory: ObjCBool = false
            guard fm.fileExists(atPath: url.path, isDirectory: &isDirectory) else {
                throw Failure(description: "\(path): no such file or folder")
            }
            if isDirectory.boolValue {
                roots.append(url)
                files += notebookFiles(in: url).map { display($0, workingDirectory) }
            } else {
                roots.append(url.deletingLastPathComponent())
                files.append(display(url, workingDirectory))
            }
        }
        let store = summaries?(files.map { URL(fileURLWithPath: FilePaths.standardized($0, in: workingDirectory.path), isDirectory: false) })
        let results = files.concurrentMap { read($0, workingDirectory: workingDirectory, reusing: kept, summaries: store) }
        store?.save()
        let notebooks = results.map(\.0), diagnostics = results.map(\.1)
        let parsed = distinguishAssignedIDs(notebooks.compactMap { $0 })
        // The checks across notebooks, from their summaries: card ids unique, links between notebooks leading somewhere.
        var set = SourceSet(notebooks: parsed, diagnostics: [], root: commonAncestor(roots, workingDirectory: workingDirectory),
                            workingDirectory: workingDirectory)
        let summaries = parsed.map(\.summary)
        let all = diagnostics.flatMap { $0 } + DuplicateCardIDChecker.check(summaries)
            + BrokenLinkChecker(notebooks: parsed, summaries: summaries, fileOf: set.url(of:)).check()
        // The same set (its notebooks' files, made for the checks, are kept for the build).
        set.diagnostics = all.sorted { $0.location < $1.location }
        return set
    }

    private static func read(_ path: String, workingDirectory: URL, reusing parsed: ParsedNotebooks?,
                             summaries: NotebookSummaries?) -> (Notebook?, [Diagnostic]) {
        let url = URL(fileURLWithPath: path, relativeTo: workingDirectory)
        let filePath = url.path
        // A file whose stat is the one recorded when its bytes were hashed is not read: its digest is the
        // recorded one (see `FileStamp.Identity`), and its bytes are read only if its blocks are.
        let readStart = FileStamp.Identity.now
        let identity = FileStamp.Identity(filePath)
        // The notebook kept for the bytes with `digest` (parsed by this process, or summarized), those bytes
        // given by `bytes` if its blocks are read.
        func known(_ digest: String, bytes: @escaping @Sendable () -> Data?) -> (Notebook?, [Diagnostic])? {
            if let kept = parsed?[path, digest] { return kept }
            guard let summary = summaries?.summary(path: path, digest: digest) else { return nil }
            return (kept(summary, path: path, digest: digest, bytes: bytes), summary.diagnostics)
        }
        if let identity, let digest = summaries?.digest(path: path, identity: identity),
           let found = known(digest, bytes: { fm.contents(atPath: filePath) }) {
            return found
        }
        guard let data = fm.contents(atPath: filePath) else {
            return (nil, [.error("cannot read the file", at: SourceLocation(file: path, line: 1), rule: .unreadableFile)])
        }
        // Bytes kept as parsed or summarized were valid UTF-8 when they were (nothing is kept of a file
        // that is not): they are made a String only if their blocks are read.
        let digest = SHA256.hex(data)
        func recordIdentity() {
            if let identity, identity.settled(before: readStart) { summaries?.store(digest: digest, path: path, identity: identity) }
        }
        if let found = known(digest, bytes: { data }) {
            recordIdentity()
            return found
        }
        guard let text = String(data: data, encoding: .utf8) else {
            let (line, column, byte) = firstInvalidUTF8(in: data)
            return (nil, [.error("the file is not valid UTF-8 (byte 0x\(String(byte, radix: 16, uppercase: true)))",
                                 at: SourceLocation(file: path, line: line, column: column), rule: .invalidUTF8)])
        }
        var (notebook, diagnostics) = NotebookParser.parse(text, path: path)
        notebook.sourceDigest = digest
        notebook.kept = NotebookSummary(notebook, diagnostics: diagnostics)
        parsed?[path, digest] = (notebook, diagnostics)
        summaries?.store(notebook.summary, path: path, digest: digest)
        recordIdentity()
        return (notebook, diagnostics)
    }

    /// A notebook loaded from its kept summary: its blocks are parsed from `bytes()` the first time they are
    /// read (none when the file can no longer be read).
    private static func kept(_ summary: NotebookSummary, path: String, digest: String,
                             bytes: @escaping @Sendable () -> Data?) -> Notebook {
        Notebook(kept: summary, path: path, sourceDigest: digest) {
            PhaseClock.mark("parsed \(path) (its blocks were read)")
            guard let data = bytes() else { return ([], []) }
            // The same conversion as a parse on loading (which may treat a byte-order mark its own way).
            let text = String(data: data, encoding: .utf8) ?? String(decoding: data, as: UTF8.self)
            let notebook = NotebookParser.parse(text, path: path).notebook
            return (notebook.blocks, notebook.formulaChecks)
        }
    }

    private static var fm: FileManager { .default }

    /// The line and column (in bytes, as diagnostics count) of the first byte that is not UTF-8.
    static func firstInvalidUTF8(in data: Data) -> (line: Int, column: Int, byte: UInt8) {
        let bytes = [UInt8](data)
        var parser = Unicode.UTF8.ForwardParser()
        var iterator = bytes.makeIterator()
        var offset = 0
        while case .valid(let scalar) = parser.parseScalar(from: &iterator) { offset += scalar.count }
        offset = min(offset, max(bytes.count - 1, 0))
        let lineStart = bytes[..<offset].lastIndex(of: UInt8(ascii: "\n")).map { $0 + 1 } ?? 0
        let line = bytes[..<offset].lazy.filter { $0 == UInt8(ascii: "\n") }.count + 1
        return (line, offset - lineStart + 1, bytes.isEmpty ? 0 : bytes[offset])
    }

    private static func notebookFiles(in folder: URL) -> [URL] {
        guard let walker = fm.enumerator(at: folder, includingPropertiesForKeys: [.isRegularFileKey],
                                         options: [.skipsHiddenFiles]) else { return [] }
        // Sorted by path, each path made once (a URL makes its path anew on every call).
        return walker.compactMap { $0 as? URL }
            .filter { notebookExtensions.contains($0.pathExtension.lowercased()) }
            .map { ($0.path, $0) }.sorted { $0.0 < $1.0 }.map(\.1)
    }

    /// Paths are shown relative to the working directory when they lie inside it, as compilers do.
    private static func display(_ url: URL, _ workingDirectory: URL) -> String {
        let base = FilePaths.standardized(workingDirectory.path, in: "/")
        let path = FilePaths.standardized(url.path, in: base)
        return path.hasPrefix(base + "/") ? String(path.dropFirst(base.count + 1)) : path
    }

    private static func commonAncestor(_ urls: [URL], workingDirectory: URL) -> URL {
        guard let common = FilePaths.commonFolder(urls.map { FilePaths.standardized($0.path, in: workingDirectory.path) }) else {
            return workingDirectory
        }
        return URL(fileURLWithPath: common)
    }

    /// A card id must be unique across everything built together: it is the Anki note's identity.
    /// Two cards without written ids and with the same front would get the same assigned id: number the
    /// later ones (`-2`, `-3`, in path order) so that they can still be built, and `tally ids --write` can fix them.
    /// Read from the summaries: only a notebook with a card to renumber has its blocks read.
    private static func distinguishAssignedIDs(_ notebooks: [Notebook]) -> [Notebook] {
        let cards = notebooks.map(\.summary.cards)
        guard cards.contains(where: { $0.contains { $0.isTopLevel && $0.identity == .assigned } }) else { return notebooks }
        var taken = Set<String>(minimumCapacity: cards.reduce(0) { $0 + $1.count })
        for card in cards.joined() where card.isTopLevel && card.identity == .written { taken.insert(card.id) }
        return zip(notebooks, cards).map { notebook, cards in
            var renamed: [SourceLocation: String] = [:]
            for card in cards where card.isTopLevel && card.identity == .assigned {
                var id = card.id
                var n = 2
                while taken.contains(id) { id = "\(card.id)-\(n)"; n += 1 }
                taken.insert(id)
                if id != card.id { renamed[card.location] = id }
            }
            guard !renamed.isEmpty else { return notebook }
            var notebook = notebook, blocks = notebook.blocks
            for i in blocks.indices {
                guard case .card(var card) = blocks[i].kind, let id = renamed[card.location] else { continue }
                card.id = id
                blocks[i].kind = .card(card)
            }
            let reported = notebook.summary.diagnostics
            notebook.blocks = blocks
            notebook.kept = NotebookSummary(notebook, diagnostics: reported)
            return notebook
        }
    }
}

/// Notebooks as parsed, by path and SHA-256 of their bytes, kept between loads by a long-running
/// process (`tally serve`) so that a rebuild parses only the files that changed. Only the latest
/// version of each path is kept. Safe to use from several threads.
public final class ParsedNotebooks: Sendable {
    private let kept = Locked<[String: (digest: String, result: (Notebook?, [Diagnostic]))]>([:])

    public init() {}

    subscript(path: String, digest: String) -> (Notebook?, [Diagnostic])? {
        get { kept.withLock { $0[path].flatMap { $0.digest == digest ? $0.result : nil } } }
        set { kept.withLock { $0[path] = newValue.map { (digest, $0) } } }
    }
}
