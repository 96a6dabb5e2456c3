import Foundation

/// Length-prefixed strings and little-endian numbers appended to bytes: `KaTeXCache`'s file, and Node's
/// replies to `KaTeXProcess` (read without a general JSON decoder).
struct BinaryWriter {
    var data = Data()

    mutating func bytes(_ bytes: [UInt8]) { data.append(contentsOf: bytes) }
    mutating func uint32(_ value: UInt32) { withUnsafeBytes(of: value.littleEndian) { data.append(contentsOf: $0) } }
    mutating func string(_ text: String) {
        var text = text
        text.withUTF8 { utf8 in
            uint32(UInt32(utf8.count))
            data.append(contentsOf: utf8)
        }
    }
}

/// Reads what `BinaryWriter` wrote; each read is nil past the end.
struct BinaryReader {
    private let raw: UnsafeRawBufferPointer
    private var offset = 0

    init(_ raw: UnsafeRawBufferPointer) { self.raw = raw }

    var isAtEnd: Bool { offset == raw.count }

    mutating func bytes(_ count: Int) -> UnsafeRawBufferPointer? {
        guard count >= 0, count <= raw.count - offset else { return nil }
        defer { offset += count }
        return UnsafeRawBufferPointer(rebasing: raw[offset..<offset + count])
    }

    mutating func uint32() -> UInt32? {
        guard let bytes = bytes(4) else { return nil }
        return UInt32(bytes[0]) | UInt32(bytes[1]) << 8 | UInt32(bytes[2]) << 16 | UInt32(bytes[3]) << 24
    }

    mutating func string() -> String? {
        guard let count = uint32(), let bytes = bytes(Int(count)) else { return nil }
        return String(decoding: bytes, as: UTF8.self)
    }
}
