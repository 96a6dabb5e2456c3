import ArgumentParser
import Foundation
import TallyDocument
import TallyEvaluation
import TallyResults
import TallySite

extension Tally {
    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "check",
            abstract: "Run the notebooks' Swift cells and inline expressions and verify every stated number.",
            discussion: """
            Each notebook's cells run in order in one program, compiled by swiftc against Tally's engine.
            A failure is printed as file:line:col: error: stated 0.739, computed 0.7412 (tolerance 0.0005).
            Results are cached in --cache by the notebooks' code, the engine's build and the compiler: \
            a check with nothing changed, or with only prose changed, compiles nothing.
            Exit status: 0 when every check holds, 1 when any fails, 2 for usage or I/O errors.
            """)

        @OptionGroup var input: InputOptions
        @OptionGroup var evaluation: EvaluationOptionGroup
        @OptionGroup var math: MathOptions

        @Flag(help: "Rewrite each wrong stated number to the computed one (same number of decimals).")
        var fix = false

        @Option(help: ArgumentHelp("Also write the results as JUnit XML to FILE.", valueName: "FILE"))
        var junit: String?

        @Option(help: ArgumentHelp("Check only shard K of N, e.g. 2/4: shards balanced by each notebook's cost last time (recorded in the cache), else estimated from its code.", valueName: "K/N"))
        var shard: String?

        func run() throws {
            var sources = try input.load(summaries: evaluation.notebookSummaries)
            // The cache of the whole collection, so that every shard reads and writes the same one.
            let evaluator = evaluation.evaluator.caching(sources.notebooks)
            let notebookPaths = Set(sources.notebooks.map(\.path))  // all of them: a shard keeps the others' answers
            if let shard {
                guard let selection = Shard(shard) else {
                    Report.error("--shard wants K/N with 1 ≤ K ≤ N, not '\(shard)'")
                    throw ExitCode(2)
                }
                let costs = evaluator.costs
                let paths = sources.notebooks.map(costs.projectPath)  // not as typed: the same in every job
                let chosen = selection.positions(paths: paths, costs: costs.milliseconds(for: sources.notebooks))
                sources.notebooks = chosen.map { sources.notebooks[$0] }
                let kept = Set(sources.notebooks.map(\.path))
                sources.diagnostics = sources.diagnostics.filter { kept.contains($0.location.file) }
            }
            var evaluations = evaluator.evaluate(sources.notebooks)
            CheckProgress.clear()
            if fix {
                evaluations = try fixStatedNumbers(evaluations, sources: sources, evaluator: evaluator)
            }

            // Every formula is parsed by KaTeX, as a build would (the site is not written).
            let mathCache = evaluator.options.cacheFolder.map { KaTeXCache(file: $0.appendingPathComponent(TypesetMath.cacheFileName)) }
            let formulas = TypesetMath(notebooks: sources.notebooks, sources: sources, strict: math.strictMath, cache: mathCache)
            mathCache?.save(keeping: notebookPaths)
            let diagnostics = sources.diagnostics + evaluations.flatMap(\.diagnostics) + formulas.diagnostics
            printWithExcerpts(diagnostics)
            if ProcessInfo.processInfo.environment["GITHUB_ACTIONS"] == "true" {
                printAnnotations(diagnostics)
            }
            if let junit {
                do {
                    try JUnitReport.xml(evaluations).write(toFile: junit, atomically: true, encoding: .utf8)
                } catch {
                    Report.error("cannot write \(junit): \(error.localizedDescription)")
                    throw ExitCode(2)
                }
            }
            Report.note(CheckSummary.line(evaluations))
            throw Report.exitCode(for: diagnostics)
        }

        /// Rewrites the wrong numbers file by file, then evaluates again (from the cache: stated
        /// values are not part of the programs) to report what still fails.
        private func fixStatedNumbers(_ evaluations: [NotebookEvaluation], sources: SourceSet,
                                      evaluator: Evaluator) throws -> [NotebookEvaluation] {
            var changed = false
            for evaluation in evaluations {
                let fixes = StatedNumberFixer.fixes(for: evaluation)
                guard !fixes.isEmpty else { continue }
                do {
                    let result = try StatedNumberFixer.fix(file: URL(fileURLWithPath: evaluation.path), with: fixes)
                    changed = changed || result.applied > 0
                    Report.note("\(evaluation.path): fixed \(counted(result.applied, "stated number"))")
                    for skipped in result.skipped {
                        Report.note("\(skipped.location): note: left '\(skipped.original)' as it is (the file changed)")
                    }
                } catch {
                    Report.error("cannot rewrite \(evaluation.path): \(error.localizedDescription)")
                    throw ExitCode(2)
                }
            }
            guard changed else { return evaluations }
            let reloaded = try InputOptions.parse(sources.notebooks.map(\.path)).load()
            return evaluator.evaluate(reloaded.notebooks)
        }

        /// Each diagnostic, then the line it points at with a caret under its column, as swiftc does.
        private func printWithExcerpts(_ diagnostics: [Diagnostic]) {
            var files: [String: [Substring]] = [:]
            for d in Array(Set(diagnostics)).sorted(by: { ($0.location, $0.message) < ($1.location, $1.message) }) {
                Report.print([d])
                if files[d.location.file] == nil {
                    let text = (try? String(contentsOfFile: d.location.file, encoding: .utf8)) ?? ""
                    // Lines end in LF, CRLF or CR; "\r\n" is one Character in Swift, so splitting on "\n" alone would
                    // leave a CRLF file as one line and lose every excerpt.
                    files[d.location.file] = text.split(omittingEmptySubsequences: false) { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }
                }
                guard let lines = files[d.location.file], lines.indices.contains(d.location.line - 1) else { continue }
                let line = lines[d.location.line - 1].replacingOccurrences(of: "\r", with: "")
                let before = String(decoding: line.utf8.prefix(max(0, d.location.column - 1)), as: UTF8.self)
                let caret = String(before.map { $0 == "\t" ? "\t" : " " }) + "^"
                let number = String(d.location.line)
                let gutter = String(repeating: " ", count: number.count)
                Report.note(" \(number) | \(line)\n \(gutter) | \(caret)")
            }
        }

        /// GitHub Actions workflow commands: each error becomes an annotation on its line.
        private func printAnnotations(_ diagnostics: [Diagnostic]) {
            for line in diagnostics.compactMap(GitHubAnnotation.command) { print(line) }
        }
    }
}

/// One line on a terminal's stderr, rewritten as notebooks move along: `[2/7] notebooks/x.md: compile`.
enum CheckProgress {
    private static let lock = NSLock()

    @Sendable static func show(_ progress: EvaluationProgress) {
        lock.withLock {
            FileHandle.standardError.write(Data("\r\u{1B}[K[\(progress.number)/\(progress.of)] \(progress.path): \(progress.step)".utf8))
        }
    }

    static func clear() {
        guard isatty(STDERR_FILENO) == 1 else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
    }
}
