import Foundation
import XCTest
import TallyTestSupport

/// The one skip helper: a missing real part skips on a developer's machine and fails under CI.
final class RealPartTests: XCTestCase {
    private var savedCI: String?

    override func setUp() { savedCI = ProcessInfo.processInfo.environment["CI"] }

    override func tearDown() {
        if let savedCI { setenv("CI", savedCI, 1) } else { unsetenv("CI") }
    }

    func testMissingPartFailsUnderCI() {
        setenv("CI", "true", 1)
        XCTAssertThrowsError(try requireRealPart(false, "chromium")) { error in
            XCTAssertTrue(error is MissingRealPart, "\(error)")
            XCTAssertTrue("\(error)".contains("chromium"), "\(error)")
        }
    }

    func testMissingPartSkipsOffCI() {
        unsetenv("CI")
        XCTAssertThrowsError(try requireRealPart(false, "chromium")) { error in
            XCTAssertFalse(error is MissingRealPart, "off CI a missing part is a skip: \(error)")
        }
        setenv("CI", "false", 1)
        XCTAssertThrowsError(try requireRealPart(false, "chromium")) { error in XCTAssertFalse(error is MissingRealPart) }
    }

    func testPresentPartNeverThrows() {
        setenv("CI", "true", 1)
        XCTAssertNoThrow(try requireRealPart(true, "chromium"))
    }
}
