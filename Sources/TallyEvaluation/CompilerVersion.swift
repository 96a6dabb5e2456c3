import Foundation

/// `swiftc --version`, part of every cache key. Asking costs about as much as a whole warm check,
/// so the answer is kept in the cache folder under the compiler's resolved path, size and
/// modification time (a new toolchain changes them), and asked at most once per process.
enum CompilerVersion {
    private static let lock = NSLock()
    nonisolated(unsafe) private static var known: [String: String] = [:]

    static func of(_ swiftc: URL, cache: URL?) -> String {
        let binary = swiftc.resolvingSymlinksInPath()
        let attributes = try? FileManager.default.attributesOfItem(atPath: binary.path)
        let stamp = [binary.path, "\((attributes?[.size] as? NSNumber)?.intValue ?? 0)",
                     "\((attributes?[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0)"]
        let file = cache?.appendingPathComponent("swiftc-\(StableHash.of(stamp).hex).version")
        return lock.withLock {
            if let version = known[binary.path] { return version }
            let version = file.flatMap { try? String(contentsOf: $0, encoding: .utf8) } ?? ask(swiftc)
            known[binary.path] = version
            if let file, !version.isEmpty {
                try? FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
                try? version.write(to: file, atomically: true, encoding: .utf8)
            }
            return version
        }
    }

    private static func ask(_ swiftc: URL) -> String {
        let process = Process()
        let pipe = Pipe()
        process.executableURL = swiftc
        process.arguments = ["--version"]
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return "" }
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }
}
