import ArgumentParser
import Foundation
import TallyDocument
import TallyAnki

extension Tally {
    struct Anki: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Export the cards as an Anki deck.",
            discussion: """
            Writes a .apkg package (or, with --format tsv, Anki's plain-text import format). Re-importing after an \
            edit updates the existing notes and keeps their review history: note GUIDs come from the card ids, \
            and tally-anki.lock beside the notebooks keeps each note's modification time until its content \
            changes (commit it with the notebooks; for notebooks outside the working directory it goes beside \
            the deck instead). Cards with errors are reported and left out.
            Exit status: 0 when every card was exported, 1 when any has errors, 2 for usage or I/O errors.
            """)

        @OptionGroup var input: InputOptions

        @Option(name: .shortAndLong, help: "Output file. Default: output/tally.apkg (output/tally.tsv with --format tsv).")
        var output: String?

        @Option(help: "apkg or tsv.")
        var format: AnkiExporter.Format = .apkg

        func run() throws {
            let sources = try input.load()
            let path = output ?? "output/tally.\(format.rawValue)"
            var diagnostics = sources.diagnostics
            do {
                let result = try AnkiExporter.export(sources, format: format, to: URL(fileURLWithPath: path))
                diagnostics += result.diagnostics
                Report.print(diagnostics)
                Report.note("wrote \(counted(result.notes, "note")) to \(path)")
            } catch {
                Report.print(diagnostics)
                Report.error("\(error)")
                throw ExitCode(2)
            }
            throw Report.exitCode(for: diagnostics)
        }
    }
}

extension AnkiExporter.Format: ExpressibleByArgument {}
