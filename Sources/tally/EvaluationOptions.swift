import ArgumentParser
import Foundation
import TallyEvaluation

/// How cells are run: shared by every command that evaluates notebooks.
struct EvaluationOptionGroup: ParsableArguments {
    @Option(help: "Seconds a notebook's program may run before its running cell is reported as hanging.")
    var timeout: Double = 60

    @Option(help: ArgumentHelp("MiB of memory a notebook's program may use before its running cell is stopped (0: no limit).",
                               valueName: "MiB"))
    var memoryLimit = EvaluationOptions.defaultMemoryLimit >> 20

    @Option(help: ArgumentHelp("Cache folder.", valueName: "DIR"))
    var cache = ".tally-cache"

    @Option(help: "Notebooks evaluated at once (default: the number of cores).")
    var jobs = ProcessInfo.processInfo.activeProcessorCount

    @Flag(help: "Compile cells with -O instead of -Onone.")
    var optimize = false

    /// An evaluator with these options; progress goes to a terminal's stderr, never to a pipe.
    var evaluator: Evaluator {
        Evaluator(EvaluationOptions(
            cacheFolder: URL(fileURLWithPath: cache), timeLimit: timeout, parallelism: max(1, jobs),
            optimize: optimize, progress: isatty(STDERR_FILENO) == 1 ? CheckProgress.show : nil,
            memoryLimit: memoryLimit > 0 ? memoryLimit << 20 : nil))
    }
}
