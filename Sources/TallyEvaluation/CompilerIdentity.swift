import Foundation

/// Which compiler a cached result was made with, without running it: the file name, size and
/// modification time of the driver `swiftc` points to and of the `swift-frontend` beside it (not their
/// folder: a CI cache restored on another machine, with the toolchain elsewhere, still applies).
/// Upgrading the toolchain changes them; asking `swiftc --version` instead would cost a process start
/// on every cold check.
enum CompilerIdentity {
    static func of(_ swiftc: URL) -> String {
        let driver = swiftc.resolvingSymlinksInPath()
        let frontend = driver.deletingLastPathComponent().appendingPathComponent("swift-frontend")
        return [driver, frontend].map { binary in
            let attributes = try? FileManager.default.attributesOfItem(atPath: binary.path)
            let size = (attributes?[.size] as? NSNumber)?.intValue ?? 0
            let modified = (attributes?[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
            return "\(binary.lastPathComponent) \(size) \(modified)"
        }.joined(separator: "\n")
    }
}
