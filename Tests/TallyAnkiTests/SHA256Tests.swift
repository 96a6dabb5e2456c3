import XCTest
@testable import TallyAnki

final class SHA256Tests: XCTestCase {
    // FIPS 180-4 example vectors, including a message that needs a second padding block.
    func testKnownVectors() {
        XCTAssertEqual(SHA256.hex(Array("".utf8)), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        XCTAssertEqual(SHA256.hex(Array("abc".utf8)), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        XCTAssertEqual(SHA256.hex(Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8)),
                       "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
    }

    func testGUIDIsSixteenHexDigitsOfTheCardIDsHash() {
        // sha256("tally-card:2kiLoeDd"), first 8 bytes, from Python's hashlib.
        XCTAssertEqual(AnkiGUID.forCard(id: "2kiLoeDd"), "a71b988ddb39d9f5")
        XCTAssertNotEqual(AnkiGUID.forCard(id: "a"), AnkiGUID.forCard(id: "b"))
    }
}
