import TallyResults

/// A 128-bit FNV-1a hash (two 64-bit lanes with different seeds), the same on every machine and
/// every run, unlike `Hasher`. Used for cache keys and `--shard`; not for security.
struct StableHash {
    private var lanes: (UInt64, UInt64) = (0xcbf2_9ce4_8422_2325, 0x6c62_272e_07bb_0142)

    mutating func add(_ text: String) {
        for byte in text.utf8 { add(byte) }
        add(0)  // a separator, so that ("ab", "c") and ("a", "bc") differ
    }

    mutating func add(_ byte: UInt8) {
        lanes.0 = (lanes.0 ^ UInt64(byte)) &* 0x0000_0100_0000_01b3
        lanes.1 = (lanes.1 ^ UInt64(byte)) &* 0x0000_0100_0000_01b3
        lanes.1 = lanes.1 ^ (lanes.1 >> 29)
    }

    /// 64 well-mixed bits (FNV's low bits alone are weak, and `--shard` takes them modulo N).
    var value: UInt64 {
        var x = lanes.0 ^ lanes.1
        x = (x ^ (x >> 33)) &* 0xff51_afd7_ed55_8ccd
        x = (x ^ (x >> 33)) &* 0xc4ce_b9fe_1a85_ec53
        return x ^ (x >> 33)
    }

    var hex: String {
        [lanes.0, lanes.1].map { String($0, radix: 16).leftPadded(to: 16) }.joined()
    }

    static func of(_ parts: [String]) -> StableHash {
        var hash = StableHash()
        parts.forEach { hash.add($0) }
        return hash
    }
}
