import ArgumentParser
import Foundation
import TallyDocument

/// The notebooks a command reads.
struct InputOptions: ParsableArguments {
    @Argument(help: "Notebook files or folders (searched for .md files). Default: notebooks/")
    var paths: [String] = []

    /// Loads and parses the inputs; a missing path is a usage error (exit 2). `summaries`: where notebook
    /// summaries are kept between runs (see `EvaluationOptionGroup.notebookSummaries`).
    func load(summaries: ((_ files: [URL]) -> NotebookSummaries?)? = nil) throws -> SourceSet {
        do {
            return try SourceLoader.load(paths: paths.isEmpty ? ["notebooks"] : paths, summaries: summaries)
        } catch let failure as SourceLoader.Failure {
            Report.error(failure.description)
            throw ExitCode(2)
        }
    }
}
