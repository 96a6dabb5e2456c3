import Foundation
import XCTest

/// A scratch project folder for one test: a fresh, uniquely named folder under the system temporary
/// directory (`FileManager.default.temporaryDirectory`), with helpers to write and read files in it by
/// path relative to the folder (`"notebooks/a.md"`).
///
/// The folder is removed by `remove()`, or after the test when made with `init(_:prefix:)`. It is not
/// removed on deinit on purpose: a value's lifetime may end at its last use, before the test is done
/// with the files it wrote.
///
/// Every method throws the `FileManager`/`Data` error when the file system refuses; none traps.
public struct TemporaryProject {
    /// The project's folder (absolute file URL).
    public let root: URL

    /// Creates an empty folder named `<prefix>-<UUID>` under the system temporary directory.
    /// - Parameter prefix: the folder name's start, to tell which tests left a folder behind; default `"tally-test"`.
    public init(prefix: String = "tally-test") throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("\(prefix)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
    }

    /// Creates the folder as `init(prefix:)` does and removes it after `test` (an XCTest teardown block).
    public init(_ test: XCTestCase, prefix: String = "tally-test") throws {
        try self.init(prefix: prefix)
        let root = self.root
        test.addTeardownBlock { try? FileManager.default.removeItem(at: root) }
    }

    /// The absolute URL of `relativePath` inside the project (the file need not exist).
    public func url(_ relativePath: String) -> URL { root.appendingPathComponent(relativePath) }

    /// Writes `data` to `relativePath`, creating its parent folders; returns the file's URL.
    @discardableResult
    public func write(_ relativePath: String, _ data: Data) throws -> URL {
        let file = url(relativePath)
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try data.write(to: file)
        return file
    }

    /// Writes `text` as UTF-8 to `relativePath`, creating its parent folders; returns the file's URL.
    @discardableResult
    public func write(_ relativePath: String, _ text: String) throws -> URL {
        try write(relativePath, Data(text.utf8))
    }

    /// Creates the folder `relativePath` (and its parents); returns its URL.
    @discardableResult
    public func makeFolder(_ relativePath: String) throws -> URL {
        let folder = url(relativePath)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    /// The file at `relativePath` decoded as UTF-8 (invalid bytes become U+FFFD).
    public func read(_ relativePath: String) throws -> String {
        String(decoding: try Data(contentsOf: url(relativePath)), as: UTF8.self)
    }

    /// Whether a file or folder exists at `relativePath`.
    public func exists(_ relativePath: String) -> Bool {
        FileManager.default.fileExists(atPath: url(relativePath).path)
    }

    /// Removes the folder and everything in it; removing twice is harmless.
    public func remove() { try? FileManager.default.removeItem(at: root) }
}
