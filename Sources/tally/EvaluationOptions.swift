import ArgumentParser
import Foundation
import TallyDocument
import TallyEvaluation

/// How cells are run: shared by every command that evaluates notebooks.
struct EvaluationOptionGroup: ParsableArguments {
    @Option(help: "Seconds a notebook's program may run before its running cell is reported as hanging.")
    var timeout: Double = 60

    @Option(help: ArgumentHelp("MiB of memory a notebook's program may use before its running cell is stopped (0: no limit).",
                               valueName: "MiB"))
    var memoryLimit = EvaluationOptions.defaultMemoryLimit >> 20

    @Option(help: ArgumentHelp("Cache folder (default: .tally-cache in the notebooks' project: the nearest folder above them with .git, else their folder).",
                               valueName: "DIR"))
    var cache: String?

    @Flag(help: "Run every notebook's program, reading and writing no cached results.")
    var noCache = false

    @Option(help: "Notebooks evaluated at once (default: the number of cores).")
    var jobs = ProcessInfo.processInfo.activeProcessorCount

    @Flag(help: "Compile cells with -O instead of -Onone.")
    var optimize = false

    @Flag(help: "Run notebook programs without the bwrap sandbox (which allows no network and writes only in the notebook's folder).")
    var noSandbox = false

    /// An evaluator with these options; progress goes to a terminal's stderr, never to a pipe.
    var evaluator: Evaluator {
        var options = EvaluationOptions(
            cacheFolder: noCache ? nil : cache.map { URL(fileURLWithPath: $0) }, timeLimit: timeout, parallelism: max(1, jobs),
            optimize: optimize, progress: isatty(STDERR_FILENO) == 1 ? CheckProgress.show : nil,
            memoryLimit: memoryLimit > 0 ? memoryLimit << 20 : nil, cacheInProject: !noCache)
        options.sandbox = !noSandbox
        // Only when a program is about to run: a build with nothing to run starts no `bwrap` probe.
        options.sandboxNote = { _ in _ = Self.sayOnceWhySandboxIsOff }
        return Evaluator(options)
    }

    /// Where the loader keeps notebook summaries (`notebooks.records` in the cache folder: `--cache`, else the
    /// project's), so that an unchanged notebook is not parsed again; nil with `--no-cache`.
    var notebookSummaries: ((_ files: [URL]) -> NotebookSummaries?)? {
        guard !noCache else { return nil }
        let given = cache.map { URL(fileURLWithPath: $0) }
        return { files in
            (given ?? ProjectCache.folder(forFiles: files)).map { cache in
                ProjectCache.prepare(cache)
                return NotebookSummaries(cache: cache)
            }
        }
    }

    /// Where `bwrap` cannot run, one note per run of `tally`.
    private static let sayOnceWhySandboxIsOff: Void = {
        if let reason = Evaluator.sandboxUnavailableReason { Report.note("note: \(reason)") }
    }()
}
