import XCTest
@testable import TallyAnki

final class AnkiGUIDTests: XCTestCase {
    func testGUIDIsSixteenHexDigitsOfTheCardIDsHash() {
        // sha256("tally-card:2kiLoeDd"), first 8 bytes, from Python's hashlib.
        XCTAssertEqual(AnkiGUID.forCard(id: "2kiLoeDd"), "a71b988ddb39d9f5")
        XCTAssertNotEqual(AnkiGUID.forCard(id: "a"), AnkiGUID.forCard(id: "b"))
    }
}
