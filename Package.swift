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
        // Preloaded into notebook programs: logs the files they read, so that the cache keys on them.
        .library(name: "TallyOpenLog", type: .dynamic, targets: ["CTallyOpenLog"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
    ],
    targets: [
        .systemLibrary(
            name: "CCmarkGFM", pkgConfig: "libcmark-gfm",
            providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]),
        .systemLibrary(name: "CBLAS", providers: [.apt(["libopenblas-dev"])]),
        .systemLibrary(name: "CLAPACK", providers: [.apt(["liblapacke-dev"])]),
        .systemLibrary(name: "CSQLite", providers: [.apt(["libsqlite3-dev"])]),
        .systemLibrary(name: "CZstd", pkgConfig: "libzstd", providers: [.apt(["libzstd-dev"])]),
        // sqlite3 for Anki collections: written on export, read on import.
        .target(name: "TallySQLite", dependencies: ["CSQLite"]),
        .target(name: "CAtomicRename"),
        .target(name: "CTallyOpenLog", linkerSettings: [.linkedLibrary("dl")]),

        // The persisted hashes (SHA-256 for Anki, FNV-1a for ids and cache keys), in one place.
        .target(name: "TallyHashing", dependencies: [.product(name: "Crypto", package: "swift-crypto")]),
        .target(name: "TallyDocument", dependencies: ["CCmarkGFM", "Yams", "TallyHashing", "TallyFormula"]),
        .target(name: "TallyHTML", dependencies: ["TallyDocument"]),
        // The events and values a notebook's program sends to the evaluator: one Codable type for both sides.
        .target(name: "TallyProtocol"),
        .target(name: "TallyEngine", dependencies: ["CBLAS", "CLAPACK", "TallyProtocol"]),
        // What an evaluation produced (values, outputs, displays, check outcomes), for renderers.
        .target(name: "TallyResults", dependencies: ["TallyDocument", "TallyProtocol"]),
        // The machinery that produces results: program generation, swiftc, subprocesses, the cache.
        .target(name: "TallyEvaluation", dependencies: ["TallyDocument", "TallyHashing", "TallyProtocol", "TallyResults", "TallyFormula"]),
        // Checked formulas: TeX → AST → Swift source; knows nothing of notebooks or the engine.
        .target(name: "TallyFormula"),
        .target(name: "TallySite", dependencies: [
            "TallyDocument", "TallyHTML", "TallyResults", "TallyHashing", "CAtomicRename",
            .product(name: "Mustache", package: "swift-mustache"),
        ], resources: [.copy("Resources/templates"), .copy("Resources/assets"), .copy("Resources/node")]),
        .target(name: "TallyAnki", dependencies: [
            "TallyDocument", "TallyHTML", "TallyResults", "TallyHashing", "TallySQLite", "ZIPFoundation",
        ]),
        .target(name: "TallyImport", dependencies: ["TallyDocument", "TallyHashing", "TallySQLite", "CZstd", "ZIPFoundation"]),
        // The engine's API reference, rendered from its symbol graph.
        .target(name: "TallyEngineReference", dependencies: ["TallyDocument", "TallyHTML", "TallyEvaluation"]),
        .target(name: "TallyBuild", dependencies: ["TallyDocument", "TallyResults", "TallyEvaluation", "TallySite", "TallyAnki",
                                                   "TallyEngineReference"]),
        .target(name: "TallyServe", dependencies: ["TallyBuild"]),
        .executableTarget(name: "tally", dependencies: [
            "TallyDocument", "TallyResults", "TallyEvaluation", "TallySite", "TallyAnki", "TallyImport", "TallyBuild", "TallyServe",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ], linkerSettings: [
            // Swift's runtime and Foundation linked into the release binary: it starts in about 5 ms of
            // CPU instead of 10 (no shared Swift libraries to map and bind symbols in), a sixth of a one-notebook rebuild.
            // The modules are compiled against the shared libraries' interfaces, whose autolink entries do not
            // name what static Foundation needs beside itself: those are named here (swift-autolink-extract
            // lists them for a build made with `--static-swift-stdlib`).
            .unsafeFlags(["-static-stdlib", "-lCoreFoundation", "-l_FoundationCShims", "-l_FoundationCollections",
                          "-l_FoundationICU", "-lswiftSynchronization", "-lutil"],
                         .when(platforms: [.linux], configuration: .release)),
        ]),

        .target(name: "TallyBenchTiming", path: "bench/timing"),
        .executableTarget(name: "tally-bench-engine", dependencies: ["TallyEngine", "TallyBenchTiming"], path: "bench/engine"),
        .executableTarget(name: "tally-bench-sequence", dependencies: ["TallyEngine"], path: "bench/engine-sequence"),
        .executableTarget(name: "tally-bench-linalg", dependencies: ["TallyEngine", "TallyBenchTiming"], path: "bench/linalg"),
        // Shared by the test targets: the package root, the Python runner, the engine programs link against.
        .target(name: "TallyTestSupport", dependencies: ["TallyEvaluation"], path: "Tests/TallyTestSupport"),
        .testTarget(name: "TallyDocumentTests", dependencies: ["TallyDocument", "TallyHTML", "TallyHashing", "TallyTestSupport"],
                    resources: [.copy("Fixtures")]),
        .testTarget(name: "TallyHTMLTests", dependencies: ["TallyHTML"]),
        .testTarget(name: "TallyEngineTests", dependencies: ["TallyEngine", "TallyTestSupport"]),
        .testTarget(name: "TallyEvaluationTests", dependencies: ["TallyEvaluation", "TallyResults", "TallyProtocol", "TallyTestSupport"]),
        .testTarget(name: "TallyFormulaTests", dependencies: ["TallyFormula", "TallyEvaluation", "TallyProtocol", "TallyTestSupport"]),
        .testTarget(name: "TallySiteTests", dependencies: ["TallySite", "TallyResults", "TallyEvaluation", "TallyTestSupport"], exclude: ["Browser"]),
        .testTarget(name: "TallyAnkiTests", dependencies: ["TallyAnki", "TallyResults", "TallyTestSupport"], exclude: ["Browser"]),
        .testTarget(name: "TallyImportTests", dependencies: ["TallyImport", "TallyTestSupport"], exclude: ["Scripts"]),
        .testTarget(name: "TallyCLITests", dependencies: ["tally", "TallyTestSupport"]),
        .testTarget(name: "TallyEngineReferenceTests", dependencies: ["TallyEngineReference", "TallyTestSupport"]),
        .testTarget(name: "TallyServeTests", dependencies: ["TallyServe", "TallyEvaluation", "TallyTestSupport"]),
    ],
    swiftLanguageModes: [.v5]
)
