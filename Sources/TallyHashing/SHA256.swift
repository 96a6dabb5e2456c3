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
    static func hexDigits(_ bytes: some Collection<UInt8>) -> String {
        // Written straight into the string's storage: every key of a build (a formula's, a page's) is one.
        String(unsafeUninitializedCapacity: bytes.count * 2) { text in
            func digit(_ n: UInt8) -> UInt8 { n < 10 ? UInt8(ascii: "0") + n : UInt8(ascii: "a") + n - 10 }
            var at = 0
            for byte in bytes {
                text[at] = digit(byte >> 4)
                text[at + 1] = digit(byte & 0x0f)
                at += 2
            }
            return at
        }
    }
}
