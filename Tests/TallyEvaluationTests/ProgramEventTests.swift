import XCTest
@testable import TallyEvaluation
import TallyProtocol

/// The runtime and the evaluator share `ProgramEvent`; a line the evaluator cannot read is named.
final class ProgramEventTests: XCTestCase {
    func testEventsRoundTripWithTheirKinds() throws {
        let events: [ProgramEvent] = [
            .cell(index: 0, at: OutputPosition(stdout: 0, stderr: 0)),
            .check(id: 0, pass: 1, value: .integer(42)),
            .check(id: 1, pass: 1, value: .real(.nan)),
            .check(id: 2, pass: 1, value: .boolean(true)),
            .value(id: 0, value: .tensor(shape: [2], numbers: [1, -.infinity], integer: false)),
            .show(value: .string("adam"), at: OutputPosition(stdout: 3, stderr: 0)),
            .failure(message: "matmul: inner dimensions differ"),
            .end(at: OutputPosition(stdout: 3, stderr: 0)),
        ]
        let data = try events.map { try JSONEncoder().encode($0) + Data([0x0A]) }.reduce(Data(), +)
        let parsed = ProgramEvents(data)
        XCTAssertEqual(parsed.unreadable, [])
        XCTAssertEqual(parsed.checks[0], [CheckPass(pass: 1, value: .integer(42))])
        XCTAssertTrue(parsed.checks[1]?.first?.value.numbers?.first?.isNaN ?? false)
        XCTAssertEqual(parsed.values[0], .tensor(shape: [2], numbers: [1, -.infinity], integer: false))
        XCTAssertEqual(parsed.failure, "matmul: inner dimensions differ")
        XCTAssertTrue(parsed.finished)
    }

    func testAnUnknownEventOrKindIsNamedNotSkipped() {
        let data = Data("""
        {"event":"cell","index":0,"stdout":0,"stderr":0}
        {"event":"progress","percent":50}
        {"event":"check","id":0,"pass":1,"value":{"kind":"complex","value":"1+2i"}}

        """.utf8)
        XCTAssertEqual(ProgramEvents(data).unreadable, ["line 2: an unknown event 'progress'", "line 3: a value of unknown kind 'complex'"])
    }
}
