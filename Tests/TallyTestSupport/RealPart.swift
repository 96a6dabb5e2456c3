import Foundation
import XCTest

/// The one place a test may skip: when a real part it needs (a seed file, the `tally` executable,
/// KaTeX, Chromium, the `anki` venv…) is missing from this machine. A developer without the part
/// gets a skip that says what is missing; under CI (`CI` set to anything but `false` or `0`) the
/// same test **fails**, so a CI run can never be green with a real-part test left out.
///
/// Throws `XCTSkip` (developer machine) or `MissingRealPart` (CI) when `available` is false.
public func requireRealPart(_ available: Bool, _ what: @autoclosure () -> String,
                            file: StaticString = #filePath, line: UInt = #line) throws {
    guard !available else { return }
    if runningOnCI { throw MissingRealPart(description: "\(what()): a real part missing on CI is a failure, not a skip") }
    throw XCTSkip(what(), file: file, line: line)
}

/// What `requireRealPart` throws under CI.
public struct MissingRealPart: Error, CustomStringConvertible {
    public var description: String
}

/// Whether the tests run under CI: `CI` set, and neither `false` nor `0` (GitHub Actions and most
/// CI services set `CI=true`; `.ci/run` runs with it).
public var runningOnCI: Bool {
    guard let value = ProcessInfo.processInfo.environment["CI"]?.lowercased(), !value.isEmpty else { return false }
    return value != "false" && value != "0"
}

/// `requireRealPart` for a part known to be missing: skips (developer machine) or fails (CI), always throwing.
public func missingRealPart(_ what: @autoclosure () -> String, file: StaticString = #filePath, line: UInt = #line) throws -> Never {
    try requireRealPart(false, what(), file: file, line: line)
    fatalError("requireRealPart(false, …) always throws")
}
