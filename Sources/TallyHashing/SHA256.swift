import Crypto

/// SHA-256 (FIPS 180-4) through swift-crypto. Persisted: Anki GUIDs (`AnkiGUID`), deck ids, the
/// content hashes in the mod lock and media names are all SHA-256, so that Python's `hashlib` can
/// check them; changing the algorithm would change every note's identity.
public enum SHA256 {
    /// The 32-byte digest of `message` (hashed in place when its bytes are contiguous, as `Data`'s and
    /// an array's are: a build hashes every notebook file on every run).
    public static func digest<Bytes: Sequence>(_ message: Bytes) -> [UInt8] where Bytes.Element == UInt8 {
        if let digest = message.withContiguousStorageIfAvailable({ Array(Crypto.SHA256.hash(data: UnsafeRawBufferPointer($0))) }) {
            return digest
        }
        return Array(Crypto.SHA256.hash(data: Array(message)))
    }

    /// The digest as 64 lowercase hex digits.
    public static func hex<Bytes: Sequence>(_ message: Bytes) -> String where Bytes.Element == UInt8 {
        hexDigits(digest(message))
    }

    /// `bytes` as lowercase hex digits, two per byte.
    static func hexDigits(_ bytes: some Sequence<UInt8>) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var text: [UInt8] = []
        text.reserveCapacity(64)
        for byte in bytes { text += [digits[Int(byte >> 4)], digits[Int(byte & 0x0f)]] }
        return String(decoding: text, as: UTF8.self)
    }
}
