import ArgumentParser
import Foundation

@main
struct Tally: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tally",
        abstract: "Turn Markdown study notes into a verified study site and Anki decks.",
        discussion: """
        Notebooks are Markdown files with ```swift cells, math ($…$, $$…$$) and cards (::: card … :::).
        With no paths, commands read notebooks/.
        Exit status of every command: 0 success, 1 when a notebook has errors or a check fails, \
        2 for usage or I/O errors.
        """,
        subcommands: [Build.self, Check.self, Ids.self, Templates.self, Anki.self, Import.self, Serve.self])

    /// ArgumentParser exits with 64 on a usage error; Tally promises 2, like most Unix tools.
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            if exitCode(for: error) == .validationFailure {
                FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
                Foundation.exit(2)
            }
            exit(withError: error)
        }
    }
}
