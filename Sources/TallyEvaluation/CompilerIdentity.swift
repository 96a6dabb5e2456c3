import Foundation
import TallyHashing

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
            let (size, modified) = FileStamp.sizeAndModification(binary.path) ?? (0, 0)
            return "\(binary.lastPathComponent) \(size) \(modified)"
        }.joined(separator: "\n")
    }
}
