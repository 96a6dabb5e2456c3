import ArgumentParser
import Foundation
import TallyDocument

/// The notebooks a command reads.
struct InputOptions: ParsableArguments {
    @Argument(help: "Notebook files or folders (searched for .md files). Default: notebooks/")
    var paths: [String] = []

    /// Loads and parses the inputs; a missing path is a usage error (exit 2).
    func load() throws -> SourceSet {
        do {
            return try SourceLoader.load(paths: paths.isEmpty ? ["notebooks"] : paths)
        } catch let failure as SourceLoader.Failure {
            Report.error(failure.description)
            throw ExitCode(2)
        }
    }
}
