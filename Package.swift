// swift-tools-version:6.0
import PackageDescription

// One module per job; data flows parse → evaluate → verify → render/export.
// See README.md ("Architecture") for what each module knows about.
let package = Package(
    name: "Tally",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "tally", targets: ["tally"]),
        // Dynamic, so that the programs generated from notebook cells link against it.
        .library(name: "TallyEngine", type: .dynamic, targets: ["TallyEngine"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
    ],
    targets: [
        .systemLibrary(
            name: "CCmarkGFM", pkgConfig: "libcmark-gfm",
            providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]),
        .systemLibrary(name: "CBLAS", providers: [.apt(["libopenblas-dev"])]),
        .systemLibrary(name: "CSQLite", providers: [.apt(["libsqlite3-dev"])]),
        .target(name: "CAtomicRename"),

        .target(name: "TallyDocument", dependencies: ["CCmarkGFM", "Yams"]),
        .target(name: "TallyHTML", dependencies: ["TallyDocument"]),
        .target(name: "TallyEngine", dependencies: ["CBLAS"]),
        .target(name: "TallyEvaluation", dependencies: ["TallyDocument"]),
        .target(name: "TallySite", dependencies: [
            "TallyDocument", "TallyHTML", "TallyEvaluation", "CAtomicRename",
            .product(name: "Mustache", package: "swift-mustache"),
        ], resources: [.copy("Resources/templates"), .copy("Resources/assets"), .copy("Resources/node")]),
        .target(name: "TallyAnki", dependencies: [
            "TallyDocument", "TallyHTML", "TallyEvaluation", "CSQLite", "ZIPFoundation",
        ]),
        .target(name: "TallyImport", dependencies: ["TallyDocument"]),
        .target(name: "TallyBuild", dependencies: ["TallyDocument", "TallyEvaluation", "TallySite", "TallyAnki"]),
        .target(name: "TallyServe", dependencies: ["TallyBuild"]),
        .executableTarget(name: "tally", dependencies: [
            "TallyDocument", "TallyEvaluation", "TallySite", "TallyAnki", "TallyImport", "TallyBuild", "TallyServe",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),

        .executableTarget(name: "tally-bench-engine", dependencies: ["TallyEngine"], path: "bench/engine"),
        // Shared by the test targets: the package root, the Python runner, the engine programs link against.
        .target(name: "TallyTestSupport", dependencies: ["TallyEvaluation"], path: "Tests/TallyTestSupport"),
        .testTarget(name: "TallyDocumentTests", dependencies: ["TallyDocument", "TallyHTML", "TallyTestSupport"],
                    resources: [.copy("Fixtures")]),
        .testTarget(name: "TallyHTMLTests", dependencies: ["TallyHTML"]),
        .testTarget(name: "TallyEngineTests", dependencies: ["TallyEngine", "TallyTestSupport"]),
        .testTarget(name: "TallyEvaluationTests", dependencies: ["TallyEvaluation", "TallyTestSupport"]),
        .testTarget(name: "TallySiteTests", dependencies: ["TallySite", "TallyTestSupport"], exclude: ["Browser"]),
        .testTarget(name: "TallyAnkiTests", dependencies: ["TallyAnki", "TallyTestSupport"]),
        .testTarget(name: "TallyImportTests", dependencies: ["TallyImport"]),
        .testTarget(name: "TallyCLITests", dependencies: ["tally", "TallyTestSupport"]),
        .testTarget(name: "TallyServeTests", dependencies: ["TallyServe", "TallyTestSupport"]),
    ],
    swiftLanguageModes: [.v5]
)
