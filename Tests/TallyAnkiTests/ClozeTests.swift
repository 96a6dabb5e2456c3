import XCTest
@testable import TallyAnki

final class ClozeTests: XCTestCase {
    func testClozeNumbers() {
        XCTAssertEqual(Cloze.numbers(in: "{{c2::a}} {{c1::b}} {{c2::c}}"), [1, 2])
        XCTAssertEqual(Cloze.numbers(in: "{{c::a}} {{c0::b}} {{cx::c}} {{c3:d}} plain"), [])
    }

    func testTagsHaveNoSpacesAndNoCaseInsensitiveRepeats() {
        XCTAssertEqual(AnkiTags.normalize([" Neural  networks ", "ml", "ML", "", "deep\tlearning"]),
                       ["Neural_networks", "ml", "deep_learning"])
    }
}
