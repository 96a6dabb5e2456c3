import ArgumentParser
import Foundation
import TallyDocument
import TallyAnki
import TallyBuild

extension Tally {
    struct Anki: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "anki",
            abstract: "Export the cards as an Anki deck.",
            discussion: """
            Runs and checks the notebooks as tally build does (values on cards are the computed numbers; a card whose value cannot be computed is an error and is left out), then writes a .apkg package (or, with --format tsv, Anki's plain-text import format). Re-importing after an edit updates the existing notes and keeps their review history: note GUIDs come from the card ids, and the tally-anki.lock folder in the notebooks' root (or where tally.yml's anki-lock: says) keeps each note's modification time until what the student sees changes; commit it with the notebooks. A card deleted from the notebooks is named, and its note is sent again tagged tally::removed until --forget-removed.
            Exit status: 0 when every card was exported, 1 when any has errors, 2 for usage or I/O errors.
            """)

        @OptionGroup var input: InputOptions
        @OptionGroup var evaluation: EvaluationOptionGroup

        @Option(name: .shortAndLong, help: "Output file. Default: output/tally.apkg (output/tally.tsv with --format tsv).")
        var output: String?

        @Option(help: "apkg or tsv.")
        var format: AnkiExporter.Format = .apkg

        @Option(help: ArgumentHelp("Where the site is published (overrides site-url: in tally.yml); Source links there.",
                                   valueName: "URL"))
        var siteURL: String?

        @Flag(help: "Export notebooks whose checks fail (their cards with uncomputed values are still left out).")
        var allowFailures = false

        @Flag(help: "Forget the cards removed from the notebooks (after deleting their tally::removed notes in Anki).")
        var forgetRemoved = false

        func run() throws {
            let sources = try input.load(summaries: evaluation.notebookSummaries)
            let path = output ?? "output/tally.\(format.rawValue)"
            let pipeline = BuildPipeline(output: URL(fileURLWithPath: "output"), templates: URL(fileURLWithPath: "templates"),
                                         evaluator: evaluation.evaluator, allowFailures: allowFailures,
                                         siteURL: siteURL.map(SiteOptionGroup.folderURL), forgetRemoved: forgetRemoved)
            do {
                let result = try pipeline.runDeck(sources, format: format, to: URL(fileURLWithPath: path))
                CheckProgress.clear()
                Report.print(result.diagnostics)
                AnkiExporter.report(result.removals).forEach(Report.note)
                Report.note("wrote \(counted(result.deckNotes ?? 0, "note")) to \(path)")
                throw Report.exitCode(for: result.diagnostics)
            } catch let failure as BuildPipeline.Failure {
                CheckProgress.clear()
                Report.print(failure.diagnostics)
                Report.error("\(failure.error)")
                throw ExitCode(2)
            }
        }
    }
}

extension AnkiExporter.Format: ExpressibleByArgument {}
