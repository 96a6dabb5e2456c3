import XCTest

extension ReferenceFile {
    /// The cases whose name starts with `prefix`, failing the test when there are none (so that a
    /// renamed case cannot make a comparison silently vanish).
    func requiredCases(_ prefix: String, file: StaticString = #filePath, line: UInt = #line) -> [ReferenceCase] {
        let found = cases(prefix)
        XCTAssertFalse(found.isEmpty, "no reference cases named \(prefix)…", file: file, line: line)
        return found
    }
}
