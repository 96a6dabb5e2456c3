import Foundation
import XCTest
@testable import TallyDocument

/// `RecordFile` and `KeptVersions`: many records in one file, read whole or not at all, and merged with
/// what other runs kept.
final class RecordFileTests: XCTestCase {
    private let records: [String: Data] = ["b": Data("second".utf8), "a": Data("first".utf8), "empty": Data(), "binary": Data([0, 255, 10, 13])]

    func testRecordsReadBackAsWritten() throws {
        let file = try temporaryFolder(self).appendingPathComponent("sub/x.records")
        try RecordFile.write(records, to: file, kind: "test")
        XCTAssertEqual(RecordFile.read(file, kind: "test"), records)
        XCTAssertNil(RecordFile.read(file, kind: "other"), "a file of another kind is not read")
        XCTAssertNil(RecordFile.read(file.deletingLastPathComponent().appendingPathComponent("missing"), kind: "test"))
    }

    /// A torn or damaged file yields no record at all: not the records before the damage.
    func testADamagedFileIsNotRead() throws {
        let file = try temporaryFolder(self).appendingPathComponent("x.records")
        try RecordFile.write(records, to: file, kind: "test")
        let whole = try Data(contentsOf: file)
        var flipped = whole
        flipped[whole.count / 2] ^= 1
        for damaged in [whole.dropLast(1), whole.prefix(40), whole + Data([0]), flipped, Data()] {
            try Data(damaged).write(to: file)
            XCTAssertNil(RecordFile.read(file, kind: "test"), "\(damaged.count) bytes")
        }
    }

    /// Two runs that each saw some notebooks: the second keeps the first's records of the notebooks it
    /// did not see, replaces the older versions of those it saw, and a damaged file is a miss.
    func testKeptVersionsMergeWithWhatIsOnDisk() throws {
        let file = try temporaryFolder(self).appendingPathComponent("kept.records")
        let first = KeptVersions(file: file, kind: "test")
        first.write(Data("a1".utf8), path: "a.md", key: "k1")
        first.write(Data("b1".utf8), path: "b.md", key: "k1")
        first.save()
        // A run of b.md alone, in which b.md changed.
        let second = KeptVersions(file: file, kind: "test")
        XCTAssertNil(second.read(path: "b.md", key: "k2"))
        second.write(Data("b2".utf8), path: "b.md", key: "k2")
        second.save()
        let third = KeptVersions(file: file, kind: "test")
        XCTAssertEqual(third.read(path: "a.md", key: "k1"), Data("a1".utf8), "a.md, not seen by the second run, stays")
        XCTAssertEqual(third.read(path: "b.md", key: "k2"), Data("b2".utf8))
        XCTAssertNil(third.read(path: "b.md", key: "k1"))
        XCTAssertEqual(RecordFile.read(file, kind: "test")?.count, 2, "b.md's older version is dropped")
        // A run that only reads what is there writes nothing.
        let before = try FileManager.default.attributesOfItem(atPath: file.path)[.systemFileNumber] as? NSNumber
        third.save()
        XCTAssertEqual(try FileManager.default.attributesOfItem(atPath: file.path)[.systemFileNumber] as? NSNumber, before)
        // Damaged: every record is a miss.
        try Data(try Data(contentsOf: file).dropLast(3)).write(to: file)
        XCTAssertNil(KeptVersions(file: file, kind: "test").read(path: "a.md", key: "k1"))
    }

    /// Two runs that read the file before either saved (a `tally check` of one notebook while a build
    /// runs): the second to save reads the file again, so the first one's new record is kept too.
    func testARunSavingAfterAnotherKeepsItsRecords() throws {
        let file = try temporaryFolder(self).appendingPathComponent("kept.records")
        let start = KeptVersions(file: file, kind: "test")
        start.write(Data("a1".utf8), path: "a.md", key: "k1")
        start.save()
        let (one, two) = (KeptVersions(file: file, kind: "test"), KeptVersions(file: file, kind: "test"))
        XCTAssertNil(one.read(path: "b.md", key: "k1"))
        XCTAssertNil(two.read(path: "c.md", key: "k1"))
        one.write(Data("b1".utf8), path: "b.md", key: "k1")
        two.write(Data("c1".utf8), path: "c.md", key: "k1")
        one.save()
        two.save()
        let after = KeptVersions(file: file, kind: "test")
        XCTAssertEqual(after.read(path: "a.md", key: "k1"), Data("a1".utf8))
        XCTAssertEqual(after.read(path: "b.md", key: "k1"), Data("b1".utf8), "written by the other run since this one read the file")
        XCTAssertEqual(after.read(path: "c.md", key: "k1"), Data("c1".utf8))
    }

    /// The folder of one file per version that earlier runs kept is deleted once the records file is saved.
    func testTheLegacyFolderIsDeleted() throws {
        let root = try temporaryFolder(self)
        let legacy = root.appendingPathComponent("notebooks")
        try FileManager.default.createDirectory(at: legacy, withIntermediateDirectories: true)
        try Data("{}".utf8).write(to: legacy.appendingPathComponent("0123-abcd.json"))
        let kept = KeptVersions(file: root.appendingPathComponent("notebooks.records"), kind: "test", legacyFolder: legacy)
        kept.write(Data("x".utf8), path: "a.md", key: "k")
        kept.save()
        XCTAssertFalse(FileManager.default.fileExists(atPath: legacy.path))
    }
}
