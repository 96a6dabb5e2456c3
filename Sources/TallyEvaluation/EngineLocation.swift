import Foundation
import TallyDocument

/// Where Tally's built numeric engine is: the folder with `libTallyEngine.so` and, beside it or in
/// `Modules/`, `TallyEngine.swiftmodule`; plus the folders of the C modules it imports (CBLAS, CLAPACK).
public struct EngineLocation: Hashable, Sendable {
    public var library: URL
    public var modules: URL
    /// Folders holding the module maps of C modules the engine's interface names.
    public var clangModules: [URL]

    public var folder: URL { library.deletingLastPathComponent() }

    /// The engine in `folder`, if it is there.
    public init?(folder: URL) {
        let fm = FileManager.default
        let library = folder.appendingPathComponent("libTallyEngine.so")
        guard fm.fileExists(atPath: library.path) else { return nil }
        let candidates = [folder.appendingPathComponent("Modules"), folder]
        guard let modules = candidates.first(where: {
            fm.fileExists(atPath: $0.appendingPathComponent("TallyEngine.swiftmodule").path)
        }) else { return nil }
        self.library = library
        self.modules = modules
        // Installed: PREFIX/lib/tally/CBLAS. Build tree: <package>/.build/<config>/ → <package>/Sources/CBLAS.
        var clang: [URL] = []
        var ancestor = folder
        for _ in 0..<4 {
            for name in Self.clangModuleNames {
                for candidate in [ancestor.appendingPathComponent(name), ancestor.appendingPathComponent("Sources/\(name)")]
                where fm.fileExists(atPath: candidate.appendingPathComponent("module.modulemap").path) {
                    clang.append(candidate)
                }
            }
            if !clang.isEmpty { break }
            ancestor.deleteLastPathComponent()
        }
        self.clangModules = clang
    }

    /// The C modules the engine imports (BLAS, and LAPACK's C interface): a program importing
    /// the engine needs their module maps even though it never names them.
    public static let clangModuleNames = ["CBLAS", "CLAPACK"]

    /// `TALLY_ENGINE_DIR`, else beside the running executable (the build tree), else
    /// `../lib/tally` relative to it (after `make install`).
    public static func find(environment: [String: String] = ProcessInfo.processInfo.environment,
                            executable: URL? = RunningExecutable.url) -> EngineLocation? {
        searchedFolders(environment: environment, executable: executable).lazy.compactMap(EngineLocation.init(folder:)).first
    }

    public static func searchedFolders(environment: [String: String] = ProcessInfo.processInfo.environment,
                                       executable: URL? = RunningExecutable.url) -> [URL] {
        if let dir = environment["TALLY_ENGINE_DIR"], !dir.isEmpty { return [URL(fileURLWithPath: dir)] }
        guard let bin = executable?.resolvingSymlinksInPath().deletingLastPathComponent() else { return [] }
        return [bin, bin.deletingLastPathComponent().appendingPathComponent("lib/tally")]
    }

    /// `libTallyOpenLog.so` beside the engine, preloaded into programs to log the files they read.
    public var openLog: URL? {
        let url = folder.appendingPathComponent("libTallyOpenLog.so")
        return FileManager.default.fileExists(atPath: url.path) ? url : nil
    }

    /// A hash of the engine library's contents: changes whenever the engine changes, and is the same
    /// on every machine for the same build (no path, no modification time), so that a CI cache restored
    /// elsewhere still applies. Computed once per process.
    var fingerprint: String {
        Self.lock.withLock {
            if let hash = Self.fingerprints[library.path] { return hash }
            let hash = "engine " + (ProgramInputs.contentHash(library) ?? "missing")
            Self.fingerprints[library.path] = hash
            return hash
        }
    }

    private static let lock = NSLock()
    nonisolated(unsafe) private static var fingerprints: [String: String] = [:]
}
