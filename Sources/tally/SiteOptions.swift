import ArgumentParser
import Foundation
import TallyBuild
import TallyEvaluation

/// Where and how the site is built: shared by `build` and `serve`.
struct SiteOptionGroup: ParsableArguments {
    @Option(name: .shortAndLong, help: "Output folder (the site is OUTPUT/site).")
    var output = "output"

    @Option(help: "Page templates folder (its *.mustache files replace the built-in ones).")
    var templates = "templates"

    @Flag(help: "Publish notebooks whose checks fail, with the failures marked on their pages.")
    var allowFailures = false

    @Flag(help: "Also write the numeric engine's API reference into OUTPUT/site/engine/ (from its doc comments), linked from every page.")
    var engineReference = false

    func pipeline(evaluator: Evaluator, writeDeck: Bool) -> BuildPipeline {
        BuildPipeline(output: URL(fileURLWithPath: output), templates: URL(fileURLWithPath: templates),
                      evaluator: evaluator, allowFailures: allowFailures, writeDeck: writeDeck,
                      engineReference: engineReference)
    }
}
