import ArgumentParser
import Foundation
import TallyDocument
import TallySite

extension Tally {
    struct Build: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Render notebooks into a static study site.",
            discussion: """
            Writes OUTPUT/site/ (index, a page per notebook, all cards) atomically: a failed build leaves
            the previous site as it was. Notebooks with errors are reported and left out; the others are built.
            Exit status: 0 when everything built, 1 when any notebook has errors, 2 for usage or I/O errors.
            """)

        @OptionGroup var input: InputOptions

        @Option(name: .shortAndLong, help: "Output folder.")
        var output = "output"

        @Option(help: "Page templates folder (its *.mustache files replace the built-in ones).")
        var templates = "templates"

        func run() throws {
            let sources = try input.load()
            var diagnostics = sources.diagnostics
            do {
                let templateSet = try TemplateSet(folder: existingFolder(templates))
                let site = URL(fileURLWithPath: output).appendingPathComponent("site")
                diagnostics += try SiteBuilder(sources: sources, templates: templateSet).build(into: site)
                Report.print(diagnostics)
                let built = sources.publishable.count
                Report.note("built \(built) of \(sources.notebooks.count) notebooks (\(sources.publishable.flatMap(\.cards).count) cards) into \(site.path)")
            } catch let d as Diagnostic {
                Report.print(diagnostics + [d])
                throw ExitCode(2)
            } catch {
                Report.print(diagnostics)
                Report.error("\(error.localizedDescription)")
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
