/// FNV-1a with 64 bits (Fowler, Noll and Vo; the offset basis and prime of the 64-bit variant):
/// tiny, fast and the same on every machine and run, unlike `Hasher`, which is seeded per process.
/// Persisted: ids assigned to cards without a written id, imported cards' ids and media file names
/// derive from it, so the algorithm must never change. Not for security.
public enum FNV1a64 {
    public static let offsetBasis: UInt64 = 0xcbf2_9ce4_8422_2325
    public static let prime: UInt64 = 0x0000_0100_0000_01b3

    /// The hash of `text`'s UTF-8 bytes.
    public static func hash(_ text: String) -> UInt64 {
        var hash = offsetBasis
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* prime
        }
        return hash
    }
}
