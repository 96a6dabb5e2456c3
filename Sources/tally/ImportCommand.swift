import ArgumentParser
import Foundation
import TallyImport

extension Tally {
    struct Import: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Convert notes in other formats into Tally notebooks.",
            discussion: """
            Writes one notebook per input file, OUTPUT/<name>.md, atomically. Importing again gives the same \
            card ids and the same bytes. A file there that tally import did not write (its front matter has \
            no 'imported-from:') is not overwritten without --force.
            Formats: cards (card_id blocks), qa (question lines ending in '?'), flashcard-page (a copied \
            flashcard-site page), headings (### sections become cards), markdown (exported notebook notes).
            Exit status: 0 when every file was imported, 1 when any was not.
            """)

        @Argument(help: "Files to import.")
        var files: [String]

        @Option(help: "auto, or one of: \(ImportFormat.allCases.map(\.rawValue).joined(separator: ", ")).")
        var format = "auto"

        @Option(name: .shortAndLong, help: "Output folder.")
        var output = "notebooks"

        @Flag(help: "Overwrite output files that tally import did not write.")
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
            throw Report.exitCode(for: results.flatMap(\.diagnostics))
        }
    }
}
