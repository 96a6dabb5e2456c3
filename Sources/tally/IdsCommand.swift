import ArgumentParser
import TallyDocument

extension Tally {
    struct Ids: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "ids",
            abstract: "List card ids; with --write, write the ids Tally assigned into the notebooks.",
            discussion: """
            A card without {#id} gets an id derived from its front, which changes when the front is edited.
            Writing it into the source keeps the card's identity (and its Anki review history) through edits.
            """)

        @OptionGroup var input: InputOptions

        @Flag(help: "Write assigned ids into the source files.")
        var write = false

        func run() throws {
            let sources = try input.load()
            Report.print(sources.diagnostics)
            if sources.diagnostics.hasErrors && write {
                Report.error("not writing ids while notebooks have errors")
                throw ExitCode(1)
            }
            if write {
                for path in try IDWriter.write(sources) { print("wrote ids into \(path)") }
            } else {
                for notebook in sources.notebooks {
                    for card in notebook.cards {
                        print("\(card.location)\t\(card.id)\(card.identity == .assigned ? "\t(assigned)" : "")")
                    }
                }
            }
            throw Report.exitCode(for: sources.diagnostics)
        }
    }
}
