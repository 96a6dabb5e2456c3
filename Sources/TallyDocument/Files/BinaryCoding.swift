import Foundation

/// Little-endian numbers and length-prefixed UTF-8 strings appended to bytes: the format of the
/// files a build keeps for itself and reads back on every run (`KaTeXCache`'s answers, notebook
/// summaries), where decoding JSON cost more than the work the file saves. Read by `BinaryReader`.
public struct BinaryWriter {
    public private(set) var data = Data()

    public init() {}

    public mutating func bytes(_ bytes: some Sequence<UInt8>) { data.append(contentsOf: bytes) }
    public mutating func uint8(_ value: UInt8) { data.append(value) }
    public mutating func bool(_ value: Bool) { data.append(value ? 1 : 0) }
    public mutating func uint32(_ value: UInt32) { withUnsafeBytes(of: value.littleEndian) { data.append(contentsOf: $0) } }
    /// A count, line or column: traps when negative or at least 2³² (no notebook comes close).
    public mutating func int(_ value: Int) { uint32(UInt32(value)) }

    /// The UTF-8 bytes of `text`, after their count (`uint32`).
    public mutating func string(_ text: String) {
        var text = text
        text.withUTF8 { utf8 in
            uint32(UInt32(utf8.count))
            data.append(contentsOf: utf8)
        }
    }

    /// A flag byte (0: nil), then the string.
    public mutating func optionalString(_ text: String?) {
        bool(text != nil)
        if let text { string(text) }
    }
}

/// Reads what `BinaryWriter` wrote, in the same order; every read is nil past the end or on a value
/// that cannot be (so a torn or foreign file reads as nil, never as wrong values of the right length).
public struct BinaryReader {
    private let raw: UnsafeRawBufferPointer
    /// How many bytes have been read.
    public private(set) var offset = 0

    /// Reads `raw`, which must outlive the reader (use it inside `withUnsafeBytes`).
    public init(_ raw: UnsafeRawBufferPointer) { self.raw = raw }

    public var isAtEnd: Bool { offset == raw.count }

    public mutating func bytes(_ count: Int) -> UnsafeRawBufferPointer? {
        guard count >= 0, count <= raw.count - offset else { return nil }
        defer { offset += count }
        return UnsafeRawBufferPointer(rebasing: raw[offset..<offset + count])
    }

    public mutating func uint8() -> UInt8? { bytes(1)?[0] }

    public mutating func bool() -> Bool? {
        switch uint8() { case 0: return false; case 1: return true; default: return nil }
    }

    public mutating func uint32() -> UInt32? {
        guard let bytes = bytes(4) else { return nil }
        return UInt32(bytes[0]) | UInt32(bytes[1]) << 8 | UInt32(bytes[2]) << 16 | UInt32(bytes[3]) << 24
    }

    public mutating func int() -> Int? { uint32().map(Int.init) }

    public mutating func string() -> String? {
        guard let count = uint32(), let bytes = bytes(Int(count)) else { return nil }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// What `optionalString` wrote: `.some(nil)` for a nil written, nil when the bytes are not one.
    public mutating func optionalString() -> String?? {
        guard let present = bool() else { return nil }
        guard present else { return .some(nil) }
        return string().map { .some($0) }
    }

    /// `count` values read by `read`, each non-nil, or nil (a count beyond what is left is refused
    /// before anything is allocated).
    public mutating func array<T>(_ count: Int, _ read: (inout BinaryReader) -> T?) -> [T]? {
        guard count <= raw.count - offset else { return nil }
        var values: [T] = []
        values.reserveCapacity(count)
        for _ in 0..<count {
            guard let value = read(&self) else { return nil }
            values.append(value)
        }
        return values
    }
}
