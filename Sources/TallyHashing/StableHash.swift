/// A 128-bit FNV-1a hash (two 64-bit lanes with different seeds; see `FNV1a64`), the same on
/// every machine and every run, unlike `Hasher`. Persisted as evaluation cache keys and as the
/// names of cost records (`--shard`); not for security.
public struct StableHash {
    private var lanes: (UInt64, UInt64) = (FNV1a64.offsetBasis, 0x6c62_272e_07bb_0142)

    public init() {}

    /// Adds `text`'s UTF-8 bytes and a separator, so that ("ab", "c") and ("a", "bc") differ.
    public mutating func add(_ text: String) {
        for byte in text.utf8 { add(byte) }
        add(0)  // a separator, so that ("ab", "c") and ("a", "bc") differ
    }

    public mutating func add(_ byte: UInt8) {
        lanes.0 = (lanes.0 ^ UInt64(byte)) &* FNV1a64.prime
        lanes.1 = (lanes.1 ^ UInt64(byte)) &* FNV1a64.prime
        lanes.1 = lanes.1 ^ (lanes.1 >> 29)
    }

    /// The 128 bits as 32 lowercase hex digits.
    public var hex: String {
        [lanes.0, lanes.1].map { lane in
            let digits = String(lane, radix: 16)
            return String(repeating: "0", count: 16 - digits.count) + digits
        }.joined()
    }

    /// The hash of `parts`, each added with `add(_:)`.
    public static func of(_ parts: [String]) -> StableHash {
        var hash = StableHash()
        parts.forEach { hash.add($0) }
        return hash
    }
}
