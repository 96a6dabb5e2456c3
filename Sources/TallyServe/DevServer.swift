import Foundation
import TallyAnki
import TallyBuild
import TallySite
import TallyDocument

/// `tally serve`: builds the site (and the deck, when the pipeline writes one), serves it on 127.0.0.1, and
/// rebuilds when a notebook or a template changes, then reloads open pages. A rebuild is a whole `tally build`
/// (parsing and rendering every notebook takes milliseconds); cells run again only when their code changed,
/// because unchanged programs come from the evaluation cache.
///
/// Unlike `tally build`, a failing notebook keeps its page, with its errors listed at the top
/// (`BuildPipeline.showFailingNotebooks`): a page that was there never turns into a 404 while its notebook is
/// being edited. The deck is stamped from the Anki lock without writing it (`AnkiExporter.LockUse.preview`): a
/// save is not an export, and a card half typed must not enter the lock.
public final class DevServer: @unchecked Sendable {
    /// One build and what started it.
    public struct Build {
        /// Files whose change started it (empty for the first build).
        public var changed: [String]
        public var result: BuildPipeline.Result?
        /// Diagnostics, including those of a build that could not write its output.
        public var diagnostics: [Diagnostic]
        /// What to print for this build: its errors, and the warnings the previous build did not have (new, or
        /// changed: moved to another line, worded otherwise), so a rebuild repeats none of a big collection's warnings.
        public var newDiagnostics: [Diagnostic] = []
        /// Warnings of this build that the previous build had too, so not in `newDiagnostics`.
        public var unchangedWarnings = 0
        /// The deck's removed cards when they differ from the previous build's (nil: same as before, or no deck).
        public var newRemovals: AnkiExporter.Removals?
        /// Why the build did not finish (a missing notebooks folder, an unwritable output folder).
        public var error: String?
        public var seconds: TimeInterval

        /// Programs compiled by swiftc in this build (0 when every cell came from the cache).
        public var compiledPrograms: Int { result?.evaluations.reduce(0) { $0 + $1.compiledPrograms } ?? 0 }
    }

    /// The pipeline as given, with `showFailingNotebooks` set and the lock previewed.
    public let pipeline: BuildPipeline
    public let paths: [String]
    public let workingDirectory: URL
    /// What the previous build found and reported, to print only what changed (guarded by `buildLock`).
    private var previousDiagnostics: Set<Diagnostic> = []
    private var previousRemovals = AnkiExporter.Removals()
    /// One build at a time: the first one and those the watcher starts.
    private let buildLock = NSLock()
    /// Called after each build, on the thread that ran it.
    public var onBuild: (Build) -> Void = { _ in }

    private let server: HTTPServer
    private let watcher: FolderWatcher
    private let reload = LiveReload()
    /// Notebooks as last parsed: a rebuild parses only the files whose bytes changed.
    private let parsed = ParsedNotebooks()

    public var port: UInt16 { server.port }
    /// How many times the site was rewritten: a page served at generation n reloads after n.
    var reloadGeneration: Int { reload.current }

    /// Listens on 127.0.0.1:`port` (0: any free port); nothing is built or served before `start()`.
    public init(paths: [String], pipeline: BuildPipeline, port: UInt16 = 0,
                workingDirectory: URL = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)) throws {
        self.paths = paths
        var pipeline = pipeline
        pipeline.showFailingNotebooks = true
        pipeline.lockUse = .preview(AnkiExporter.LockPreview())
        let reload = self.reload
        // Open pages reload without waiting for the deck, which waits for them: reloading, a page and its
        // files are served before the deck's writing takes the cores (a quarter second at most).
        pipeline.siteWritten = { reload.awaitReloads(reload.bump()) }
        pipeline.mathProcesses = KaTeXProcesses()  // a save does not wait for Node to start
        self.pipeline = pipeline
        self.workingDirectory = workingDirectory
        let base = URL(fileURLWithPath: workingDirectory.path, isDirectory: true)  // else `notebooks` resolves beside it
        let watched = paths.map { URL(fileURLWithPath: $0, relativeTo: base) } + [pipeline.templates]
        watcher = FolderWatcher(watched.map(\.standardizedFileURL))
        let site = pipeline.siteFolder
        server = try HTTPServer(port: port) { request in DevServer.respond(to: request, site: site, reload: reload) }
    }

    /// Builds once, then serves and watches until `stop()`.
    public func start() {
        // Watch before the first build, so that a save made while it runs (or as soon as it is
        // reported) rebuilds; builds themselves take turns (`buildLock`).
        watcher.start { [self] changed in onBuild(build(changed: changed)) }
        onBuild(build(changed: []))
        server.start()
    }

    public func stop() {
        watcher.stop()
        reload.stop()
        server.stop()
        buildLock.withLock { pipeline.mathProcesses?.close() }
    }

    /// Loads the notebooks and runs the pipeline; open pages reload as soon as the site was rewritten.
    func build(changed: [String]) -> Build {
        buildLock.lock()
        defer { buildLock.unlock() }
        let start = Date()
        var build = Build(changed: changed, diagnostics: [], seconds: 0)
        do {
            let sources = try SourceLoader.load(paths: paths, workingDirectory: workingDirectory, reusing: parsed)
            let result = try pipeline.run(sources)
            build.result = result
            build.diagnostics = result.diagnostics
        } catch let failure as BuildPipeline.Failure {
            build.diagnostics = failure.diagnostics + [failure.error as? Diagnostic].compactMap { $0 }
            build.error = failure.error is Diagnostic ? nil : "\(failure.error)"
        } catch {
            build.error = "\(error)"
        }
        build.seconds = Date().timeIntervalSince(start)
        let found = Set(build.diagnostics)
        build.newDiagnostics = found.filter { $0.severity == .error || !previousDiagnostics.contains($0) }
            .sorted { ($0.location, $0.message) < ($1.location, $1.message) }
        build.unchangedWarnings = found.count - build.newDiagnostics.count
        previousDiagnostics = found
        if let removals = build.result?.removals, pipeline.writeDeck, removals != previousRemovals {
            build.newRemovals = removals
            previousRemovals = removals
        }
        return build
    }

    static func respond(to request: HTTPServer.Request, site: URL, reload: LiveReload) -> HTTPServer.Response {
        guard ["GET", "HEAD"].contains(request.method) else { return .text(405, "only GET and HEAD\n") }
        if request.target.hasPrefix(LiveReload.path) {
            let since = URLComponents(string: request.target)?.queryItems?.first { $0.name == "since" }?.value
            return reload.stream(since: since.flatMap(Int.init) ?? -1)
        }
        switch StaticFiles.resolve(request.target, in: site) {
        case .forbidden:
            return .text(403, "forbidden\n")
        case .notFound:
            return .text(404, "not found\n")
        case .redirect(let location):
            return .complete(status: 301, headers: ["Location": location], body: Data())
        case .file(let file):
            guard var body = FileManager.default.contents(atPath: file.path) else { return .text(404, "not found\n") }
            let type = StaticFiles.contentType(of: file)
            if type.hasPrefix("text/html") { body = reload.inject(into: body) }
            return .complete(status: 200, headers: ["Content-Type": type, "Cache-Control": "no-store"], body: body)
        }
    }
}
