import Crypto

/// SHA-256 (FIPS 180-4) through swift-crypto. Persisted: Anki GUIDs (`AnkiGUID`), deck ids, the
/// content hashes in the mod lock and media names are all SHA-256, so that Python's `hashlib` can
/// check them; changing the algorithm would change every note's identity.
public enum SHA256 {
    /// The 32-byte digest of `message`.
    public static func digest<Bytes: Sequence>(_ message: Bytes) -> [UInt8] where Bytes.Element == UInt8 {
        Array(Crypto.SHA256.hash(data: Array(message)))
    }

    /// The digest as 64 lowercase hex digits.
    public static func hex<Bytes: Sequence>(_ message: Bytes) -> String where Bytes.Element == UInt8 {
        digest(message).map { byte in
            let digits = Array("0123456789abcdef")
            return String([digits[Int(byte >> 4)], digits[Int(byte & 0x0f)]])
        }.joined()
    }
}
