import ArgumentParser
import Foundation
import TallyDocument
import TallyBuild
import TallyServe

extension Tally {
    struct Serve: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Build the site, serve it on 127.0.0.1 and rebuild it whenever a notebook or template changes.",
            discussion: """
            Watches the notebooks and the templates folder; a saved change rebuilds the site (cells run \
            again only when their code changed: the rest comes from the cache) and reloads open pages.
            The Anki deck is not written: run tally build for it. Stop with Ctrl-C.
            """)

        @OptionGroup var input: InputOptions
        @OptionGroup var evaluation: EvaluationOptionGroup

        @Option(help: "Port on 127.0.0.1 (0: any free port).")
        var port: UInt16 = 8000

        @OptionGroup var site: SiteOptionGroup

        func run() throws {
            _ = try input.load()  // a missing path is a usage error now, not a failed rebuild later
            let pipeline = site.pipeline(evaluator: evaluation.evaluator, writeDeck: false)
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
                Report.print(build.newDiagnostics)  // a warning once per session, not once per rebuild
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
