import ArgumentParser
import Foundation
import TallyAnki
import TallyDocument
import TallyBuild
import TallyServe

extension Tally {
    struct Serve: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "serve",
            abstract: "Build the site, serve it on 127.0.0.1 and rebuild it whenever a notebook or template changes.",
            discussion: """
            Watches the notebooks and the templates folder; a saved change rebuilds the site and OUTPUT/tally.apkg \
            (cells run again only when their code changed: the rest comes from the cache) and reloads open pages. \
            A notebook with errors keeps its page, with the errors listed at its top, until a save fixes them. \
            The deck is stamped from the Anki lock but the lock is not written (a save is not an export): \
            run tally build or tally anki for that. A rebuild prints only the warnings that are new or changed. \
            Stop with Ctrl-C.
            """)

        @OptionGroup var input: InputOptions
        @OptionGroup var evaluation: EvaluationOptionGroup

        @Option(help: "Port on 127.0.0.1 (0: any free port).")
        var port: UInt16 = 8000

        @OptionGroup var site: SiteOptionGroup

        @Flag(help: "Do not write the Anki deck.")
        var noDeck = false

        func run() throws {
            _ = try input.load()  // a missing path is a usage error now, not a failed rebuild later
            let pipeline = site.pipeline(evaluator: evaluation.evaluator, writeDeck: !noDeck)
            let paths = input.paths.isEmpty ? ["notebooks"] : input.paths
            let server: DevServer
            do {
                server = try DevServer(paths: paths, pipeline: pipeline, port: port)
            } catch {
                Report.error("\(error)")
                throw ExitCode(2)
            }
            server.onBuild = { build in
                CheckProgress.clear()
                for path in build.changed { Report.note("changed: \(path)") }
                Report.print(build.newDiagnostics)  // what changed since the previous build, not everything again
                if build.unchangedWarnings > 0 && !build.changed.isEmpty {
                    Report.note("\(counted(build.unchangedWarnings, "warning")) unchanged (shown before)")
                }
                build.newRemovals.map(AnkiExporter.report)?.forEach(Report.note)
                if let error = build.error { Report.error(error) }
                if let result = build.result { Report.note(pipeline.summary(of: result)) }
                Report.note(String(format: "%@ in %.2f s; %@ compiled", build.changed.isEmpty ? "built" : "rebuilt",
                                   build.seconds, counted(build.compiledPrograms, "program")))
            }
            server.start()
            Report.note("serving http://127.0.0.1:\(server.port)/ — watching \(paths.joined(separator: ", ")) and \(site.templates); Ctrl-C stops")
            while true { sleep(3600) }
        }
    }
}
