import ArgumentParser
import Foundation
import TallyBuild
import TallyEvaluation
import TallyResults

/// Where and how the site is built: shared by `build` and `serve`.
struct SiteOptionGroup: ParsableArguments {
    @Option(name: .shortAndLong, help: "Output folder (the site is OUTPUT/site).")
    var output = "output"

    @Option(help: "Page templates folder (its *.mustache files replace the built-in ones).")
    var templates = "templates"

    @Flag(help: "Publish notebooks whose checks fail, with the failures marked on their pages.")
    var allowFailures = false

    @Option(help: ArgumentHelp("Where the site is published (overrides site-url: in tally.yml); the Anki notes' Source links there.",
                               valueName: "URL"))
    var siteURL: String?
    @OptionGroup var math: MathOptions
    @Flag(help: "Also write the numeric engine's API reference into OUTPUT/site/engine/ (from its doc comments), linked from every page.")
    var engineReference = false

    func pipeline(evaluator: Evaluator, writeDeck: Bool) -> BuildPipeline {
        BuildPipeline(output: URL(fileURLWithPath: output), templates: URL(fileURLWithPath: templates),
                      evaluator: evaluator, allowFailures: allowFailures, writeDeck: writeDeck,
                      siteURL: siteURL.map(Self.folderURL), strictMath: math.strictMath, engineReference: engineReference)
    }

    /// `https://x.example/notes` → `https://x.example/notes/`, so page paths append to it.
    static func folderURL(_ url: String) -> String { url.hasSuffix("/") ? url : url + "/" }
}
