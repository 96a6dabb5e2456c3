import ArgumentParser
import Foundation
import TallyAnki
import TallyBuild
import TallyDocument
import TallyEvaluation
import TallySite

extension Tally {
    struct Build: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "build",
            abstract: "Run and check the notebooks, then render the study site and the Anki deck.",
            discussion: """
            Writes OUTPUT/site/ (index, a page per notebook, all cards), OUTPUT/tally.apkg and \
            OUTPUT/check-report.xml (JUnit). The site is replaced atomically: a failed build leaves the \
            previous one as it was. A notebook with parse errors, or whose checks fail, is reported and left \
            out (with --allow-failures it is published with its failures marked); the others are built.
            Exit status: 0 when everything built and held, 1 when any notebook has errors, 2 for usage or I/O errors.
            """)

        @OptionGroup var input: InputOptions
        @OptionGroup var evaluation: EvaluationOptionGroup

        @OptionGroup var site: SiteOptionGroup

        @Flag(help: "Do not write the Anki deck.")
        var noDeck = false

        func run() throws {
            PhaseClock.mark("start")
            // When KaTeX's answers are not kept yet (a first build, a new KaTeX, --no-cache), most formulas
            // will be typeset: Node starts (about 0.1 s) while the notebooks load. Otherwise Node starts only
            // if a formula is new, so that an incremental build does not share its cores with an idle Node.
            let math = KaTeXProcesses()
            if !(likelyMathCache.map(KaTeXCache.holdsAnswers) ?? false) { math.prestart() }
            defer { math.close() }
            let sources = try input.load(summaries: evaluation.notebookSummaries)
            PhaseClock.mark("loaded")
            var pipeline = site.pipeline(evaluator: evaluation.evaluator, writeDeck: !noDeck)
            pipeline.mathProcesses = math
            do {
                let result = try pipeline.run(sources)
                PhaseClock.mark("done")
                CheckProgress.clear()
                Report.print(result.diagnostics)
                AnkiExporter.report(result.removals).forEach(Report.note)
                Report.note(pipeline.summary(of: result))
                // The process ends here, the notebooks' model and the build's results not freed node by
                // node on the way out (a tenth of a full build's time at 100 notebooks; the OS takes the
                // memory back at once, as with clang's -disable-free). Everything is written and closed.
                // Foundation's `exit` (C's, which flushes standard output): ArgumentParser's `exit(withError:)`
                // would first lay out the command's help to find the message of an `ExitCode` (half a millisecond).
                math.close()
                Foundation.exit(Report.exitCode(for: result.diagnostics).rawValue)
            } catch let failure as BuildPipeline.Failure {
                CheckProgress.clear()
                if let d = failure.error as? Diagnostic {
                    Report.print(failure.diagnostics + [d])
                } else {
                    Report.print(failure.diagnostics)
                    Report.error("\(failure.error)")
                }
                throw ExitCode(2)
            }
        }

        /// Where KaTeX's answers will be kept, guessed before the notebooks are loaded: `--cache`, or the
        /// evaluation cache of the first input's project (`ProjectCache`); nil with `--no-cache`.
        private var likelyMathCache: URL? {
            guard !evaluation.noCache else { return nil }
            let folder = evaluation.cache.map { URL(fileURLWithPath: $0) } ?? {
                let first = URL(fileURLWithPath: input.paths.first ?? "notebooks").standardizedFileURL
                var isFolder: ObjCBool = false
                let exists = FileManager.default.fileExists(atPath: first.path, isDirectory: &isFolder)
                let start = exists && isFolder.boolValue ? first : first.deletingLastPathComponent()
                return ProjectCache.project(containing: start).appendingPathComponent(ProjectCache.folderName)
            }()
            return folder.appendingPathComponent(TypesetMath.cacheFileName)
        }
    }
}
