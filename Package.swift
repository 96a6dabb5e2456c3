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
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
    ],
    targets: [
        .systemLibrary(
            name: "CCmarkGFM", pkgConfig: "libcmark-gfm",
            providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]),
        .systemLibrary(name: "CBLAS", providers: [.apt(["libopenblas-dev"])]),
        .systemLibrary(name: "CLAPACK", providers: [.apt(["liblapacke-dev"])]),
        .systemLibrary(name: "CSQLite", providers: [.apt(["libsqlite3-dev"])]),
        .target(name: "CAtomicRename"),

        // The persisted hashes (SHA-256 for Anki, FNV-1a for ids and cache keys), in one place.
        .target(name: "TallyHashing", dependencies: [.product(name: "Crypto", package: "swift-crypto")]),
        .target(name: "TallyDocument", dependencies: ["CCmarkGFM", "Yams", "TallyHashing"]),
        .target(name: "TallyHTML", dependencies: ["TallyDocument"]),
        .target(name: "TallyEngine", dependencies: ["CBLAS", "CLAPACK"]),
        .target(name: "TallyEvaluation", dependencies: ["TallyDocument", "TallyHashing"]),
        .target(name: "TallySite", dependencies: [
            "TallyDocument", "TallyHTML", "TallyEvaluation", "CAtomicRename",
            .product(name: "Mustache", package: "swift-mustache"),
        ]),
        .target(name: "TallyAnki", dependencies: [
            "TallyDocument", "TallyHTML", "TallyEvaluation", "TallyHashing", "CSQLite", "ZIPFoundation",
        ]),
        .target(name: "TallyImport", dependencies: ["TallyDocument"]),
        .target(name: "TallyBuild", dependencies: ["TallyDocument", "TallyEvaluation", "TallySite", "TallyAnki"]),
        .target(name: "TallyServe", dependencies: ["TallyBuild"]),
        .executableTarget(name: "tally", dependencies: [
            "TallyDocument", "TallyEvaluation", "TallySite", "TallyAnki", "TallyImport", "TallyBuild", "TallyServe",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),

        .executableTarget(name: "tally-bench-engine", dependencies: ["TallyEngine"], path: "bench/engine"),
        .executableTarget(name: "tally-bench-sequence", dependencies: ["TallyEngine"], path: "bench/engine-sequence"),
        .executableTarget(name: "tally-bench-linalg", dependencies: ["TallyEngine"], path: "bench/linalg"),
        // Shared by the test targets: the package root, the Python runner, the engine programs link against.
        .target(name: "TallyTestSupport", dependencies: ["TallyEvaluation"], path: "Tests/TallyTestSupport"),
        .testTarget(name: "TallyDocumentTests", dependencies: ["TallyDocument", "TallyHTML", "TallyHashing", "TallyTestSupport"],
                    resources: [.copy("Fixtures")]),
        .testTarget(name: "TallyHTMLTests", dependencies: ["TallyHTML"]),
        .testTarget(name: "TallyEngineTests", dependencies: ["TallyEngine", "TallyTestSupport"]),
        .testTarget(name: "TallyEvaluationTests", dependencies: ["TallyEvaluation", "TallyTestSupport"]),
        .testTarget(name: "TallySiteTests", dependencies: ["TallySite", "TallyTestSupport"], exclude: ["Browser"]),
        .testTarget(name: "TallyAnkiTests", dependencies: ["TallyAnki", "TallyTestSupport"]),
        .testTarget(name: "TallyImportTests", dependencies: ["TallyImport", "TallyTestSupport"]),
        .testTarget(name: "TallyCLITests", dependencies: ["tally", "TallyTestSupport"]),
        .testTarget(name: "TallyServeTests", dependencies: ["TallyServe", "TallyTestSupport"]),
    ],
    swiftLanguageModes: [.v5]
)
