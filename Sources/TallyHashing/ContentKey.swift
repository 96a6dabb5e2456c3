import Crypto

/// A SHA-256 over a sequence of parts, each prefixed by its length so that no two different sequences
/// read the same ("ab" + "c" ≠ "a" + "bc"): the keys of what a build keeps between runs (rendered pages,
/// typeset titles), persisted on disk, so they are the same on every machine and in every run.
public struct ContentKey {
    private var hasher = Crypto.SHA256()

    public init() {}

    /// Adds one part: its UTF-8 bytes after their count.
    public mutating func add(_ part: String) {
        var count = UInt64(part.utf8.count).littleEndian
        withUnsafeBytes(of: &count) { hasher.update(bufferPointer: $0) }
        var part = part
        part.withUTF8 { hasher.update(bufferPointer: UnsafeRawBufferPointer($0)) }
    }

    /// Adds each of `parts`, then their number.
    public mutating func add(_ parts: [String]) {
        for part in parts { add(part) }
        add(String(parts.count))
    }

    /// The key as 64 lowercase hex digits (usable as a file name).
    public var hex: String { hasher.finalize().withUnsafeBytes { SHA256.hexDigits($0) } }

    /// The key of `parts`, in order.
    public static func of(_ parts: String...) -> String {
        var key = ContentKey()
        for part in parts { key.add(part) }
        return key.hex
    }
}
