import ArgumentParser
import Foundation
import TallyDocument
import TallyImport

extension Tally {
    struct Import: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "import",
            abstract: "Convert notes in other formats into Tally notebooks.",
            discussion: """
            Writes one notebook per input file, OUTPUT/<name>.md, atomically. Importing again gives the same card ids and the same bytes.

            A notebook you edited after importing it is never overwritten: the new import is merged into it when the two changed different lines (a copy of each import is kept in OUTPUT/.tally-import/ for this; commit it with the notebooks), and otherwise written beside it as OUTPUT/<name>.imported.md, with exit status 1. A file that tally import did not write (its front matter has no 'imported-from:') is not overwritten. --force overwrites both.

            Formats: cards (card_id blocks), qa (question lines ending in '?'), flashcard-page (a copied flashcard-site page), headings (### sections become cards), markdown (exported notebook notes), jupyter (.ipynb).

            Exit status: 0 when every file was imported, 1 when any was not, 2 when an input file does not exist.
            """)

        @Argument(help: "Files to import.")
        var files: [String]

        @Option(help: "auto, or one of: \(ImportFormat.allCases.map(\.rawValue).joined(separator: ", ")).")
        var format = "auto"

        @Option(name: .shortAndLong, help: "Output folder.")
        var output = "notebooks"

        @Flag(help: "Overwrite output files that were edited since they were imported, or that tally import did not write.")
        var force = false

        func validate() throws {
            guard format == "auto" || ImportFormat(rawValue: format) != nil else {
                throw ValidationError("unknown format '\(format)' (use auto, \(ImportFormat.allCases.map(\.rawValue).joined(separator: ", ")))")
            }
        }

        func run() throws {
            let importer = Importer(format: ImportFormat(rawValue: format), outputFolder: URL(fileURLWithPath: output), force: force)
            let results = importer.run(paths: files)
            for result in results {
                Report.print(result.diagnostics)
                Report.note(result.summary)
            }
            let diagnostics = results.flatMap(\.diagnostics)
            if diagnostics.contains(where: { $0.rule == .noSuchFile }) { throw ExitCode(2) }
            throw Report.exitCode(for: diagnostics)
        }
    }
}
