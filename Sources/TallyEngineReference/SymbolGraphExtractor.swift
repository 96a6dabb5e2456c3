import Foundation
import TallyEvaluation

/// Reads the public interface of the built engine — the one notebook programs link against — with
/// the toolchain's `swift-symbolgraph-extract` (what `swift package dump-symbol-graph` runs after
/// building). It reads the compiled module and its `.swiftdoc` (doc comments) and `.swiftsourceinfo`
/// (source positions), so nothing is recompiled: about 0.8 s for the engine.
public enum SymbolGraphExtractor {
    public struct Failure: Error, CustomStringConvertible {
        public var description: String
    }

    /// The engine's symbol graphs, public symbols only.
    public static func extract(engine: EngineLocation, module: String = "TallyEngine") throws -> [SymbolGraph] {
        guard let swiftc = Subprocess.find("swiftc") else { throw Failure(description: "swiftc was not found on PATH") }
        let besideCompiler = swiftc.resolvingSymlinksInPath().deletingLastPathComponent().appendingPathComponent("swift-symbolgraph-extract")
        guard let tool = FileManager.default.isExecutableFile(atPath: besideCompiler.path) ? besideCompiler : Subprocess.find("swift-symbolgraph-extract")
        else { throw Failure(description: "swift-symbolgraph-extract was not found beside \(swiftc.path) or on PATH") }
        let triple = try targetTriple(swiftc)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tally-symbols-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let arguments = ["-module-name", module, "-target", triple, "-minimum-access-level", "public",
                         "-I", engine.modules.path] + engine.clangModules.flatMap { ["-I", $0.path] }
            + ["-output-dir", folder.path]
        let (status, output) = try run(tool, arguments)
        guard status == 0 else {
            throw Failure(description: "swift-symbolgraph-extract failed (exit \(status)): \(output.suffix(2_000))")
        }
        return try SymbolGraph.load(folder: folder)
    }

    /// The compiler's default target, e.g. `x86_64-unknown-linux-gnu` (the extractor insists on one).
    static func targetTriple(_ swiftc: URL) throws -> String {
        struct Info: Decodable {
            struct Target: Decodable { var triple: String }
            var target: Target
        }
        let (status, output) = try run(swiftc, ["-print-target-info"])
        guard status == 0, let info = try? JSONDecoder().decode(Info.self, from: Data(output.utf8)) else {
            throw Failure(description: "swiftc -print-target-info failed: \(output.suffix(500))")
        }
        return info.target.triple
    }

    /// Runs a short-lived tool; stdout and stderr together.
    private static func run(_ executable: URL, _ arguments: [String]) throws -> (Int32, String) {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }
}
