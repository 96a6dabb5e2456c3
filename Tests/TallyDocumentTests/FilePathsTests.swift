import Foundation
import XCTest
import TallyDocument

/// `FilePaths.standardized` gives what Foundation's `URL(fileURLWithPath:relativeTo:).standardizedFileURL.path`
/// gives, the reference it stands in for.
final class FilePathsTests: XCTestCase {
    func testStandardizedPathsAreFoundationsStandardizedFileURLPaths() {
        let directories = ["/", "/tmp/project", "/tmp/project/", "/a/b/../c", "/a//b/./c"]
        let paths = ["a.md", "notes/a.md", "./notes/./a.md", "notes//a.md", "../a.md", "../../../../a.md", "notes/../b.md",
                     "/abs/x.md", "/abs/../x.md", "/", "a b/ü é.md", "notes/.hidden/a.md", "notes/..a.md", "...", "a/.../b.md"]
        for directory in directories {
            let base = URL(fileURLWithPath: directory, isDirectory: true)
            for path in paths {
                let expected = URL(fileURLWithPath: path, relativeTo: base).standardizedFileURL.path
                XCTAssertEqual(FilePaths.standardized(path, in: base.path), expected, "\(path) in \(directory)")
            }
        }
    }

    func testCommonFolderAndFolderOfAPath() {
        XCTAssertEqual(FilePaths.commonFolder(["/a/b/c", "/a/b/d/e", "/a/b"]), "/a/b")
        XCTAssertEqual(FilePaths.commonFolder(["/a/bc", "/a/b"]), "/a", "whole components, not a common prefix of text")
        XCTAssertEqual(FilePaths.commonFolder(["/x", "/y"]), "/")
        XCTAssertEqual(FilePaths.commonFolder(["/a/b"]), "/a/b")
        XCTAssertEqual(FilePaths.commonFolder(["/a", "/a/b"]), "/a")
        XCTAssertEqual(FilePaths.commonFolder(["/a/b", "/a"]), "/a")
        XCTAssertEqual(FilePaths.commonFolder(["/", "/a"]), "/")
        XCTAssertEqual(FilePaths.commonFolder(["/ü/é", "/ü/e"]), "/ü", "a byte in common inside a character is not a component")
        XCTAssertNil(FilePaths.commonFolder([]))
        XCTAssertEqual(FilePaths.folder(of: "/a/b.md"), "/a")
        XCTAssertEqual(FilePaths.folder(of: "/b.md"), "/")
    }
}
