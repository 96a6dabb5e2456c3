import Foundation

/// Length-prefixed strings and little-endian numbers appended to bytes: the flat binary files a build
/// keeps (`RecordFile`, `KaTeXCache`), read back by `BinaryReader` in one pass.
public struct BinaryWriter {
    public private(set) var data = Data()

    public init() {}

    /// Appends `bytes` as they are.
    public mutating func bytes(_ bytes: [UInt8]) { data.append(contentsOf: bytes) }

    /// Appends `bytes` after their count (a UInt32).
    public mutating func blob(_ bytes: Data) {
        uint32(UInt32(bytes.count))
        data.append(bytes)
    }

    /// Appends `value` as four little-endian bytes.
    public mutating func uint32(_ value: UInt32) { withUnsafeBytes(of: value.littleEndian) { data.append(contentsOf: $0) } }

    /// Appends `text` as its UTF-8 byte count (a UInt32) and its UTF-8 bytes.
    public mutating func string(_ text: String) {
        var text = text
        text.withUTF8 { utf8 in
            uint32(UInt32(utf8.count))
            data.append(contentsOf: utf8)
        }
    }
}

/// Reads what `BinaryWriter` wrote, from the start; each read is nil past the end (a file cut short).
public struct BinaryReader {
    private let raw: UnsafeRawBufferPointer
    public private(set) var offset = 0

    public init(_ raw: UnsafeRawBufferPointer) { self.raw = raw }

    /// Whether every byte has been read.
    public var isAtEnd: Bool { offset == raw.count }

    /// The next `count` bytes, or nil when fewer are left.
    public mutating func bytes(_ count: Int) -> UnsafeRawBufferPointer? {
        guard count >= 0, count <= raw.count - offset else { return nil }
        defer { offset += count }
        return UnsafeRawBufferPointer(rebasing: raw[offset..<offset + count])
    }

    /// The next four bytes as a little-endian UInt32.
    public mutating func uint32() -> UInt32? {
        guard let bytes = bytes(4) else { return nil }
        return UInt32(bytes[0]) | UInt32(bytes[1]) << 8 | UInt32(bytes[2]) << 16 | UInt32(bytes[3]) << 24
    }

    /// A string written by `BinaryWriter.string` (invalid UTF-8 is repaired, as `String(decoding:as:)` does).
    public mutating func string() -> String? {
        guard let count = uint32(), let bytes = bytes(Int(count)) else { return nil }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Bytes written by `BinaryWriter.blob`, copied.
    public mutating func blob() -> Data? {
        guard let count = uint32(), let bytes = bytes(Int(count)) else { return nil }
        return Data(bytes)
    }
}
