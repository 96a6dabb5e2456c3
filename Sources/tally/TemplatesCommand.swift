import ArgumentParser
import Foundation
import TallySite

extension Tally {
    struct Templates: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "templates",
            abstract: "Copy the built-in page templates into a folder to edit them.",
            discussion: "Files that already exist are kept. `tally build --templates DIR` reads them.")

        @Option(name: .customLong("write"), help: "Folder to write the templates into.")
        var folder = "templates"

        func run() throws {
            let written = try TemplateSet.writeDefaults(to: URL(fileURLWithPath: folder))
            for path in written { print("wrote \(path)") }
            if written.isEmpty { print("all templates already exist in \(folder)") }
        }
    }
}
