import Foundation
#if canImport(Glibc)
import Glibc
#endif
import TallyHashing

/// One file of named records (name → bytes) in place of a folder of small files: what a build keeps of a
/// hundred notebooks (their summaries, their evaluations, their pages' titles) is read in one call and
/// written once per run. Creating a file costs far more than writing its bytes (on ext4, ~0.4 ms of
/// kernel time each after recent deletions), as compilers' incremental caches and Git's index found.
///
/// Format, version 1: the line `tally records 1 KIND\n`, the record count (UInt32), each record as its
/// name (`BinaryWriter.string`) and its bytes (a UInt32 count, then the bytes), names in ascending order, then the
/// SHA-256 of everything before it. Numbers are little-endian. A file of another kind or version, cut
/// short, with bytes after the digest, or whose digest does not match is not read at all: a reader then
/// knows no record, rather than trusting part of one. Written with `FileWriter` (a temporary file
/// renamed over the old one), so a reader sees one run's file or another's, never a mix; two runs that
/// write at once may lose each other's new records, which only costs the next run time.
public enum RecordFile {
    /// The records of `file`, or nil when it is missing, of another `kind`, or not whole (see above).
    public static func read(_ file: URL, kind: String) -> [String: Data]? {
        guard let data = FileManager.default.contents(atPath: file.path), data.count >= 32 else { return nil }
        let body = data.prefix(data.count - 32)
        guard SHA256.digest(body) == Array(data.suffix(32)) else { return nil }
        let magic = Self.magic(kind)
        return body.withUnsafeBytes { raw -> [String: Data]? in
            var input = BinaryReader(raw)
            guard input.bytes(magic.count).map(Array.init) == magic, let count = input.uint32() else { return nil }
            var records: [String: Data] = [:]
            records.reserveCapacity(Int(min(count, 1 << 20)))
            for _ in 0..<count {
                guard let name = input.string(), let count = input.uint32(), let bytes = input.bytes(Int(count)) else { return nil }
                records[name] = Data(bytes)
            }
            return input.isAtEnd ? records : nil
        }
    }

    /// Writes `records` to `file` as one file of `kind` (its folder made), replacing it atomically.
    /// Throws as `FileWriter.write` does.
    public static func write(_ records: [String: Data], to file: URL, kind: String) throws {
        var out = BinaryWriter()
        out.bytes(magic(kind))
        out.uint32(UInt32(records.count))
        for name in records.keys.sorted() {
            let bytes = records[name]!
            out.string(name)
            out.uint32(UInt32(bytes.count))
            out.bytes(bytes)
        }
        out.bytes(SHA256.digest(out.data))
        try FileWriter.write(out.data, to: file)
    }

    /// What tells one version of `file` from another (its inode, size and modification time; a write
    /// renames a new inode over it), or nil when there is no file: a reader that kept the records of one
    /// version need not read them again while this is unchanged.
    public static func version(_ file: URL) -> String? {
        var info = stat()
        guard stat(file.path, &info) == 0 else { return nil }
        return "\(info.st_ino):\(info.st_size):\(info.st_mtim.tv_sec).\(info.st_mtim.tv_nsec)"
    }

    private static func magic(_ kind: String) -> [UInt8] { Array("tally records 1 \(kind)\n".utf8) }
}
