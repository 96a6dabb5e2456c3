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
        let compiler = Subprocess.find("swiftc").flatMap { swiftc in
            (options.engine ?? EngineLocation.find()).map { Compiler(swiftc: swiftc, engine: $0, optimize: options.optimize) }
        }
        let results = Slots<NotebookEvaluation>(count: notebooks.count)
        let queue = OperationQueue()
        queue.maxConcurrentOperationCount = max(1, options.parallelism)
        for (i, notebook) in notebooks.enumerated() {
            queue.addOperation {
                results[i] = self.evaluate(notebook, number: i, of: notebooks.count, compiler: compiler)
            }
        }
        queue.waitUntilAllOperationsAreFinished()
        if let cache = options.cacheFolder { rmdir(cache.appendingPathComponent("work").path) }  // only if empty: another run may use it
        return results.all
    }

    private func evaluate(_ notebook: Notebook, number: Int, of total: Int, compiler: Compiler?) -> NotebookEvaluation {
        let plan = NotebookPlan(notebook)
        let report = { (step: String) -> Void in
            self.options.progress?(EvaluationProgress(path: notebook.path, number: number + 1, of: total, step: step))
        }
        guard plan.needsProgram else {
            var record = RunRecord(cellCount: plan.cells.count)
            for cell in plan.cells { record.cells[cell.index].status = .notRun }
            record.completed = true
            return EvaluationBuilder.build(plan, record, compiledPrograms: 0)
        }
        guard let compiler else {
            let searched = EngineLocation.searchedFolders().map(\.path).joined(separator: ", ")
            let message = Subprocess.find("swiftc") == nil
                ? "swiftc was not found on PATH: Swift cells cannot run"
                : "Tally's numeric engine (libTallyEngine.so) was not found (looked in \(searched)); set TALLY_ENGINE_DIR"
            var evaluation = EvaluationBuilder.build(plan, RunRecord(cellCount: plan.cells.count), compiledPrograms: 0)
            evaluation.diagnostics.insert(.error(message, at: plan.location(of: .notebook), rule: .evaluationUnavailable), at: 0)
            return evaluation
        }
        let key = StableHash.of(["tally-evaluation 4", compiler.fingerprint] + plan.cacheMaterial).hex
        let cache = options.cacheFolder.map(ResultCache.init(folder:))
        if let cached = cache?.load(key) {
            report("cached")
            return EvaluationBuilder.build(plan, cached, compiledPrograms: 0)
        }
        let work = (options.cacheFolder ?? FileManager.default.temporaryDirectory)
            .appendingPathComponent("work/\(key)-\(ProcessInfo.processInfo.processIdentifier)")
        defer { try? FileManager.default.removeItem(at: work) }
        let runner = NotebookRunner(compiler: compiler, timeLimit: options.timeLimit, memoryLimit: options.memoryLimit,
                                    work: work, progress: report)
        let record = runner.run(plan)
        if record.cacheable { cache?.store(record, as: key) }
        report("done")
        return EvaluationBuilder.build(plan, record, compiledPrograms: record.compiledPrograms)
    }
}

/// Results filled in by worker threads.
private final class Slots<Element>: @unchecked Sendable {
    private var items: [Element?]
    private let lock = NSLock()

    init(count: Int) { items = Array(repeating: nil, count: count) }

    subscript(i: Int) -> Element? {
        get { lock.withLock { items[i] } }
        set { lock.withLock { items[i] = newValue } }
    }

    var all: [Element] { lock.withLock { items.map { $0! } } }
}

public struct EvaluationOptions: Sendable {
    /// nil: `EngineLocation.find()` (TALLY_ENGINE_DIR, beside the executable, ../lib/tally).
    public var engine: EngineLocation?
    /// Where run records are kept; nil disables the cache.
    public var cacheFolder: URL? = URL(fileURLWithPath: ".tally-cache")
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

    public init(engine: EngineLocation? = nil, cacheFolder: URL? = URL(fileURLWithPath: ".tally-cache"),
                timeLimit: TimeInterval = 60, parallelism: Int = ProcessInfo.processInfo.activeProcessorCount,
                optimize: Bool = false, progress: (@Sendable (EvaluationProgress) -> Void)? = nil,
                memoryLimit: Int? = EvaluationOptions.defaultMemoryLimit) {
        self.engine = engine
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
