import ArgumentParser
import Foundation
import TallyAnki
import TallyDocument
import TallyEvaluation
import TallySite

extension Tally {
    struct Build: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Run and check the notebooks, then render the study site and the Anki deck.",
            discussion: """
            Writes OUTPUT/site/ (index, a page per notebook, all cards), OUTPUT/tally.apkg and
            OUTPUT/check-report.xml (JUnit). The site is replaced atomically: a failed build leaves the
            previous one as it was. A notebook with parse errors, or whose checks fail, is reported and left
            out (with --allow-failures it is published with its failures marked); the others are built.
            Exit status: 0 when everything built and held, 1 when any notebook has errors, 2 for usage or I/O errors.
            """)

        @OptionGroup var input: InputOptions
        @OptionGroup var evaluation: EvaluationOptionGroup

        @Option(name: .shortAndLong, help: "Output folder.")
        var output = "output"

        @Option(help: "Page templates folder (its *.mustache files replace the built-in ones).")
        var templates = "templates"

        @Flag(help: "Publish notebooks whose checks fail, with the failures marked on their pages.")
        var allowFailures = false

        @Flag(help: "Do not write the Anki deck.")
        var noDeck = false

        func run() throws {
            let sources = try input.load()
            let evaluations = evaluation.evaluator.evaluate(sources.publishable)
            CheckProgress.clear()
            let byPath = Dictionary(uniqueKeysWithValues: evaluations.map { ($0.path, $0) })
            let published = sources.publishable.filter { allowFailures || byPath[$0.path]?.passed ?? true }
            var diagnostics = sources.diagnostics + evaluations.flatMap(\.diagnostics)
            let outputFolder = URL(fileURLWithPath: output)
            do {
                let site = SiteBuilder(sources: sources, templates: try TemplateSet(folder: existingFolder(templates)),
                                       notebooks: published, evaluations: byPath)
                let siteFolder = outputFolder.appendingPathComponent("site")
                diagnostics += try site.build(into: siteFolder)
                try FileManager.default.createDirectory(at: outputFolder, withIntermediateDirectories: true)
                try JUnitReport.xml(evaluations).write(to: outputFolder.appendingPathComponent("check-report.xml"),
                                                        atomically: true, encoding: .utf8)
                var deckNotes = 0
                if !noDeck {
                    var deckSources = sources
                    deckSources.notebooks = published
                    let hrefs = site.pageHrefs
                    let notes = CardNotes(sources: deckSources, pageHref: { hrefs[$0.path] ?? "index.html" },
                                          siteURL: "", evaluations: byPath)
                    let deck = try AnkiExporter.export(deckSources, format: .apkg,
                                                       to: outputFolder.appendingPathComponent("tally.apkg"), notes: notes)
                    diagnostics += deck.diagnostics
                    deckNotes = deck.notes
                }
                Report.print(diagnostics)
                let cards = published.flatMap(\.cards).count
                let checks = evaluations.flatMap(\.checks)
                Report.note("built \(published.count) of \(sources.notebooks.count) notebooks into \(siteFolder.path): "
                            + "\(cards) cards, \(checks.filter(\.passed).count) of \(checks.count) stated values hold"
                            + (noDeck ? "" : "; \(deckNotes) notes in \(outputFolder.appendingPathComponent("tally.apkg").path)"))
            } catch let d as Diagnostic {
                Report.print(diagnostics + [d])
                throw ExitCode(2)
            } catch {
                Report.print(diagnostics)
                Report.error("\(error)")
                throw ExitCode(2)
            }
            throw Report.exitCode(for: diagnostics)
        }
    }
}

/// A folder path that exists, or nil (commands fall back to built-in defaults).
func existingFolder(_ path: String) -> URL? {
    var isDirectory: ObjCBool = false
    return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
        ? URL(fileURLWithPath: path) : nil
}
