import ArgumentParser

@main
struct Tally: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tally",
        abstract: "Turn Markdown study notes into a verified study site and Anki decks.",
        discussion: """
        Notebooks are Markdown files with ```swift cells, math ($…$, $$…$$) and cards (::: card … :::).
        With no paths, commands read notebooks/.
        """,
        subcommands: [Build.self, Check.self, Ids.self, Templates.self, Anki.self, Import.self])
}
