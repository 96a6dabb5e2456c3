import XCTest
import TallyDocument
@testable import TallyEvaluation
import TallyResults

/// What a check can state (issue 11 §6) and how a failure is worded (§5), each against values known
/// independently of Tally: arithmetic done by hand, and Swift's own literals.
final class StatedValueKindsTests: XCTestCase {
    /// `newcomer/08` and the must-show list: a Greek identifier, Bool, Int and String checks.
    func testExactValuesAndAnyIdentifierCheck() throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        let path = try workspace.write("exact.md", """
        # Exact

        ```swift
        let θ = 0.25 * 4 // => 1
        let σ = 1 / (1 + exp(-0.3)) // => 0.574443
        let ok = 3 > 2 // => true
        let answer = 6 * 7 // => 42
        let optimizer = "adam" // => "adam"
        let wrong = "sgd" // => "adam"
        let no = 1 > 2 // => true
        ```

        """)
        let evaluation = try workspace.evaluate(path)
        // σ(0.3) = 1 / (1 + e^-0.3) = 0.5744425168…
        XCTAssertEqual(evaluation.errors, ["9:24: stated \"adam\", computed \"sgd\"", "10:21: stated true, computed false"])
        XCTAssertEqual(evaluation.checks.map(\.passed), [true, true, true, true, true, false, false])
    }

    /// 12.5% states 0.125; 1,234,567 is one number; the computed value shows by one rule everywhere.
    func testPercentagesThousandsSeparatorsAndOneFormattingRule() throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        let path = try workspace.write("kinds.md", """
        # Kinds

        ```swift
        let p = 1.0 / 8
        let big = 1234567.0
        let n = 1234567
        ```

        A rate of `{swift} p => 12.5%`, a count of `{swift} big => 1,234,567`, shown as `{swift} big` and `{swift} n`.
        Wrong: `{swift} p => 14%`.

        """)
        let evaluation = try workspace.evaluate(path)
        XCTAssertEqual(evaluation.errors, ["10:22: stated 14%, computed 12.5% (tolerance 0.005)"])
        let texts = try workspace.parse(path).inlineExpressions.compactMap { evaluation.expression($0)?.text }
        XCTAssertEqual(texts, ["12.5%", "1,234,567", "1234567", "1234567", "14%"])
        // The tooltip and Anki read the same value, with its kind.
        let values = try workspace.parse(path).inlineExpressions.compactMap { evaluation.expression($0)?.value?.inlineText(format: nil) }
        XCTAssertEqual(values, ["0.125", "1234567", "1234567", "1234567", "0.125"])
    }

    /// A check in a loop checks every pass and names the first that fails.
    func testACheckInALoopChecksEveryPass() throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        let path = try workspace.write("loop.md", """
        # Loop

        ```swift
        var total = 0
        for _ in 1...4 {
            total += 1
            total // => 1
        }
        ```

        """)
        let evaluation = try workspace.evaluate(path)
        XCTAssertEqual(evaluation.errors, ["7:17: stated 1, computed 2 (tolerance 0.5) (on pass 2 of 4 through this line)"])
        XCTAssertEqual(evaluation.checks.first?.pass, 2)
    }

    /// A long loop sends its first 1,000 passes and its last: a failure on the last pass is reported.
    func testALongLoopChecksItsLastPass() throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        let path = try workspace.write("long.md", """
        # Long

        ```swift
        var steps = 0
        for _ in 0..<5000 {
            steps += 1
            steps < 5000 // => true
        }
        ```

        """)
        let evaluation = try workspace.evaluate(path)
        XCTAssertEqual(evaluation.errors, ["7:23: stated true, computed false (on pass 5000 of 5000 through this line)"])
    }

    /// The computed number has enough digits to differ from the stated one; `1e-23` stays `1e-23`.
    func testFailureMessagesShowDigitsThatDiffer() {
        func computed(_ value: Double, _ stated: String) throws -> String {
            let number = try StatedValue.parse(stated, at: SourceLocation(file: "t.md", line: 1, column: 1)).get().numbers[0]
            return NumberFormatting.computed(value, comparedWith: number)
        }
        XCTAssertEqual(try computed(20.5 + 1e-11, "20.5"), "20.50000000001")
        XCTAssertEqual(try computed(1e-23, "2e-23"), "1e-23")
        XCTAssertEqual(try computed(0.74123456, "0.739"), "0.74123")
        XCTAssertEqual(try computed(0.5, "0.6"), "0.5")
    }

    /// `newcomer/16` and the must-show: `--fix` keeps significant digits.
    func testFixNeverLosesSignificantDigits() throws {
        func fixed(_ value: Double, _ stated: String) throws -> String? {
            let number = try StatedValue.parse(stated, at: SourceLocation(file: "t.md", line: 1, column: 1)).get().numbers[0]
            return NumberFormatting.rewritten(value, like: number)
        }
        let small = try XCTUnwrap(fixed(0.000031, "0.002"))
        XCTAssertEqual(abs(Double(small)! - 0.000031) / 0.000031, 0, accuracy: 0.2, small)
        XCTAssertEqual(try fixed(0.00004, "0.001"), "0.00004")
        XCTAssertEqual(try fixed(-0.0001, "0.5"), "-0.0001")
        XCTAssertEqual(try fixed(0.7412, "0.5"), "0.7", "as many decimals as stated when that keeps the digits")
        XCTAssertEqual(try fixed(2345678.4, "1,234,567"), "2,345,678")
    }

    /// After a compile error the summary says how many values were not checked, and why.
    func testSummaryCountsValuesNotCheckedAfterACompileError() throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        let path = try workspace.write("broken.md", """
        # Broken

        ```swift
        let a = 1.0 // => 1
        let b: Int = "x"
        ```

        So `{swift} a => 1`.

        """)
        let evaluation = try workspace.evaluate(path)
        XCTAssertEqual(CheckSummary.line([evaluation]),
                       "checked 1 notebook: 0 of 2 stated values hold; 2 not checked (2 because a program did not compile); 1 notebook failed")
    }
}
