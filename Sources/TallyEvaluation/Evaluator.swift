import TallyHashing
import Foundation
import TallyDocument
import TallyResults

/// Runs notebooks' cells and inline expressions and verifies every stated value.
///
///     let evaluations = Evaluator(EvaluationOptions()).evaluate(sources.notebooks)
///
/// One program per notebook, compiled by `swiftc` against the built engine; notebooks run in
/// parallel (up to `parallelism`); results are cached by what the programs depend on.
public struct Evaluator: Sendable {
    public var options: EvaluationOptions

    public init(_ options: EvaluationOptions = EvaluationOptions()) {
        self.options = options
    }

    /// One evaluation per notebook, in the same order.
    public func evaluate(_ notebooks: [Notebook]) -> [NotebookEvaluation] {
        caching(notebooks).evaluateAll(notebooks)
    }

    /// This evaluator with `cacheFolder` settled for `notebooks`: with none given and `cacheInProject`,
    /// the project's (`ProjectCache.folder(for:workingDirectory:)`); else unchanged.
    public func caching(_ notebooks: [Notebook]) -> Evaluator {
        var evaluator = self
        if evaluator.options.cacheFolder == nil, evaluator.options.cacheInProject {
            evaluator.options.cacheFolder = ProjectCache.folder(for: notebooks, workingDirectory: options.workingDirectory)
        }
        return evaluator
    }

    /// The recorded and estimated costs of the notebooks, from this evaluator's cache (see `NotebookCosts`).
    public var costs: NotebookCosts {
        NotebookCosts(cacheFolder: options.cacheFolder, workingDirectory: options.workingDirectory)
    }

    private func evaluateAll(_ notebooks: [Notebook]) -> [NotebookEvaluation] {
        if let cache = options.cacheFolder { ProjectCache.prepare(cache) }
        let kept = options.cacheFolder.map { EvaluationCache(cache: $0) }
        defer { kept?.save() }
        // Kept evaluations first: a notebook whose file is unchanged needs neither its blocks nor a plan
        // (one that ran a program, while the compiler and the files it read are unchanged).
        let entries = notebooks.concurrentMap { kept?.entry(for: $0) }
        var results = entries.map { $0?.compiler == nil ? $0?.evaluation : nil }
        // swiftc and the engine are looked for only when a kept entry names a compiler or a plan needs a program.
        var found: Compiler??
        func compiler() -> Compiler? {
            if let found { return found }
            let made = Subprocess.find("swiftc").flatMap { swiftc in
                (options.engine ?? EngineLocation.find()).map { Compiler(swiftc: swiftc, engine: $0, optimize: options.optimize) }
            }
            found = .some(made)
            return made
        }
        // The compiler's fingerprint is made once (it stats the compiler and hashes the engine).
        var fingerprint: String??
        func compilerFingerprint() -> String? {
            if let fingerprint { return fingerprint }
            let made = compiler()?.fingerprint
            fingerprint = .some(made)
            return made
        }
        for (i, entry) in entries.enumerated() {
            guard let entry, let ran = entry.compiler, ran == compilerFingerprint(),
                  ProgramInputs.unchanged(entry.inputs, in: notebookFolder(notebooks[i])) else { continue }
            results[i] = entry.evaluation
        }
        // Plans of the others, in parallel: notebooks with nothing to run (most prose) are finished by their plan
        // alone, and one whose summary shows no cell, inline expression or checked formula is not even planned
        // (planning walks its blocks twice).
        let rest = results.indices.filter { results[$0] == nil }
        let plans = rest.concurrentMap { notebooks[$0].summary.hasEvaluation ? NotebookPlan(notebooks[$0]) : nil }
        var toRun: [(index: Int, plan: NotebookPlan)] = []
        for (i, plan) in zip(rest, plans) {
            guard let plan, plan.needsProgram else {
                results[i] = plan.map(Self.nothingToRun) ?? .nothing(path: notebooks[i].path)
                kept?.store(.init(evaluation: results[i]!, compiler: nil, inputs: [:]), for: notebooks[i])
                continue
            }
            toRun.append((i, plan))
        }
        guard !toRun.isEmpty else { return results.map { $0! } }
        if options.sandbox, let reason = Sandbox.unavailableReason { options.sandboxNote?(reason) }
        let compiler = compiler()
        let ran = Slots<(NotebookEvaluation, EvaluationCache.Entry?)>(count: notebooks.count)
        let queue = OperationQueue()
        queue.maxConcurrentOperationCount = max(1, options.parallelism)
        for (i, plan) in toRun {
            queue.addOperation {
                ran[i] = self.evaluate(plan, number: i, of: notebooks.count, compiler: compiler)
            }
        }
        queue.waitUntilAllOperationsAreFinished()
        if let cache = options.cacheFolder { rmdir(cache.appendingPathComponent("work").path) }  // only if empty: another run may use it
        for (i, _) in toRun {
            let (evaluation, entry) = ran[i]!
            results[i] = evaluation
            if let entry { kept?.store(entry, for: notebooks[i]) }
        }
        return results.map { $0! }
    }

    /// The evaluation of a notebook whose plan needs no program: its cells (all `no-run`) not run.
    static func nothingToRun(_ plan: NotebookPlan) -> NotebookEvaluation {
        var record = RunRecord(cellCount: plan.cells.count)
        for cell in plan.cells { record.cells[cell.index].status = .notRun }
        record.completed = true
        return EvaluationBuilder.build(plan, record, compiledPrograms: 0)
    }

    /// The evaluation of a notebook whose plan needs a program, and what to keep of it (nil: nothing, as
    /// when no compiler could run it or its run hit a limit).
    private func evaluate(_ plan: NotebookPlan, number: Int, of total: Int, compiler: Compiler?) -> (NotebookEvaluation, EvaluationCache.Entry?) {
        let notebook = plan.notebook
        let report = { (step: String) -> Void in
            self.options.progress?(EvaluationProgress(path: notebook.path, number: number + 1, of: total, step: step))
        }
        guard let compiler else {
            let searched = EngineLocation.searchedFolders().map(\.path).joined(separator: ", ")
            let message = Subprocess.find("swiftc") == nil
                ? "swiftc was not found on PATH: Swift cells cannot run"
                : "Tally's numeric engine (libTallyEngine.so) was not found (looked in \(searched)); set TALLY_ENGINE_DIR"
            var evaluation = EvaluationBuilder.build(plan, RunRecord(cellCount: plan.cells.count), compiledPrograms: 0)
            evaluation.diagnostics.insert(.error(message, at: plan.location(of: .notebook), rule: .evaluationUnavailable), at: 0)
            return (evaluation, nil)
        }
        let key = StableHash.of(["tally-evaluation 6", compiler.fingerprint] + plan.cacheMaterial).hex
        let cache = options.cacheFolder.map(ResultCache.init(folder:))
        let folder = notebookFolder(notebook)
        if let cached = cache?.load(key), ProgramInputs.unchanged(cached.inputs, in: folder) {
            report("cached")
            let judged = cached.formulaCandidates.isEmpty ? plan : NotebookPlan(notebook, candidatesFor: cached.formulaCandidates)
            let evaluation = EvaluationBuilder.build(judged, cached, compiledPrograms: 0)
            return (evaluation, .init(evaluation: evaluation, compiler: compiler.fingerprint, inputs: cached.inputs))
        }
        let work = (options.cacheFolder ?? FileManager.default.temporaryDirectory).absoluteURL
            .appendingPathComponent("work/\(key)-\(ProcessInfo.processInfo.processIdentifier)")
        defer { try? FileManager.default.removeItem(at: work) }
        let started = DispatchTime.now()
        let runner = NotebookRunner(compiler: compiler, timeLimit: options.timeLimit, memoryLimit: options.memoryLimit,
                                    work: work, notebookFolder: folder, sandboxed: options.sandbox, progress: report)
        var record = runner.run(plan)
        var judged = plan
        // A formula that fails runs again with its one-edit variants, so that the failure can suggest
        // the fix; one more compile, only when a formula fails.
        let failing = FormulaOutcomes.failing(plan, record)
        if !failing.isEmpty {
            let retry = NotebookPlan(notebook, candidatesFor: failing)
            var again = runner
            again.work = work.appendingPathComponent("candidates")
            let second = again.run(retry)
            record.compiledPrograms += second.compiledPrograms
            if second.problems.isEmpty, second.completed {
                record.formulaObservations = second.formulaObservations
                record.formulaCandidates = failing
                judged = retry
            }
        }
        if record.cacheable { cache?.store(record, as: key) }
        // Even an uncacheable run (a time limit hit) says what the notebook costs, for `--shard`.
        costs.record(plan, milliseconds: Int((DispatchTime.now().uptimeNanoseconds - started.uptimeNanoseconds) / 1_000_000))
        report("done")
        let evaluation = EvaluationBuilder.build(judged, record, compiledPrograms: record.compiledPrograms)
        var kept = evaluation
        kept.compiledPrograms = 0
        return (evaluation, record.cacheable ? .init(evaluation: kept, compiler: compiler.fingerprint, inputs: record.inputs) : nil)
    }
}

extension Evaluator {
    /// Why notebook programs run without a sandbox on this machine, or nil when `bwrap` works here.
    public static var sandboxUnavailableReason: String? { Sandbox.unavailableReason }

    /// The folder of the notebook's file, where its program runs; nil when there is no such folder.
    func notebookFolder(_ notebook: Notebook) -> URL? {
        let folder = URL(fileURLWithPath: notebook.path, relativeTo: options.workingDirectory).standardizedFileURL.deletingLastPathComponent()
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: folder.path, isDirectory: &isDirectory) && isDirectory.boolValue ? folder : nil
    }
}

public struct EvaluationOptions: Sendable {
    /// nil: `EngineLocation.find()` (TALLY_ENGINE_DIR, beside the executable, ../lib/tally).
    public var engine: EngineLocation?
    /// Where run records are kept; nil: see `cacheInProject`.
    public var cacheFolder: URL? = URL(fileURLWithPath: ".tally-cache")
    /// Run notebook programs under `bwrap` (no network, writes only in the notebook's folder and the
    /// work folder, a `/tmp` of their own); where it cannot run, see `sandboxUnavailableReason`.
    public var sandbox = true
    /// With no `cacheFolder`: keep records in the notebooks' project (`ProjectCache`) instead of not at all.
    public var cacheInProject = false
    /// The folder notebook paths are relative to (the shell's current folder). A notebook's program
    /// runs in the notebook's own folder, so that it reads the files beside it.
    public var workingDirectory = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
    /// Seconds a notebook's program may run before it is stopped and the cell it was in reported.
    public var timeLimit: TimeInterval = 60
    /// Bytes of resident memory a notebook's program may use before it is stopped and the cell it
    /// was in reported (nil: no limit). Default: half the machine's memory, at most 4 GiB.
    public var memoryLimit: Int? = EvaluationOptions.defaultMemoryLimit
    public static let defaultMemoryLimit = min(4 << 30, Int(ProcessInfo.processInfo.physicalMemory / 2))
    /// Notebooks evaluated at once.
    public var parallelism = ProcessInfo.processInfo.activeProcessorCount
    /// `-O` instead of `-Onone` (slower to compile; see bench/check-overhead.sh).
    public var optimize = false
    /// Called from worker threads as notebooks move along.
    public var progress: (@Sendable (EvaluationProgress) -> Void)?
    /// Called once per `evaluate` with `Evaluator.sandboxUnavailableReason`, when `sandbox` is on, some
    /// notebook has a program to run and `bwrap` cannot run here. Nothing is probed when nothing runs.
    public var sandboxNote: (@Sendable (String) -> Void)?

    public init(engine: EngineLocation? = nil, cacheFolder: URL? = URL(fileURLWithPath: ".tally-cache"),
                timeLimit: TimeInterval = 60, parallelism: Int = ProcessInfo.processInfo.activeProcessorCount,
                optimize: Bool = false, progress: (@Sendable (EvaluationProgress) -> Void)? = nil,
                memoryLimit: Int? = EvaluationOptions.defaultMemoryLimit, cacheInProject: Bool = false,
                workingDirectory: URL = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)) {
        self.engine = engine
        self.cacheInProject = cacheInProject
        self.workingDirectory = workingDirectory
        self.memoryLimit = memoryLimit
        self.cacheFolder = cacheFolder
        self.timeLimit = timeLimit
        self.parallelism = parallelism
        self.optimize = optimize
        self.progress = progress
    }
}

/// A notebook's step: "compile", "run", "cached" or "done".
public struct EvaluationProgress: Sendable {
    public var path: String
    public var number: Int
    public var of: Int
    public var step: String
}
