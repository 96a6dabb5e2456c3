/// Finds the few bytes a text writer treats specially (markup characters to escape, JSON's quotes and control
/// characters, whitespace) in UTF-8 text eight bytes at a time: a word with none of them is skipped whole, so
/// the runs between them can be copied at once. The word tests are the "has a byte equal to / less than"
/// tricks of Sean Anderson's *Bit Twiddling Hacks* ("Determine if a word has a byte equal to n"); they are
/// exact answers for the whole word, and the bytes of a word that may hold one are tested one by one anyway.
public enum ByteScan {
    @usableFromInline static let ones: UInt64 = 0x0101_0101_0101_0101
    @usableFromInline static let highs: UInt64 = 0x8080_8080_8080_8080

    /// Whether some byte of `word` equals `byte`.
    @inlinable @inline(__always)
    public static func has(_ word: UInt64, _ byte: UInt8) -> Bool {
        let x = word ^ (ones &* UInt64(byte))
        return (x &- ones) & ~x & highs != 0
    }

    /// Whether some byte of `word` is less than `bound` (at most 128).
    @inlinable @inline(__always)
    public static func hasLess(_ word: UInt64, than bound: UInt8) -> Bool {
        (word &- ones &* UInt64(bound)) & ~word & highs != 0
    }

    /// Whether some byte of `word` is 0x80 or above (a byte of a non-ASCII character).
    @inlinable @inline(__always)
    public static func hasNonASCII(_ word: UInt64) -> Bool { word & highs != 0 }

    /// The index of the first byte at or after `start` for which `special` holds, or `bytes.count`. `mayHold`
    /// says whether an eight-byte word (loaded in memory order) may hold such a byte; words it rules out are skipped.
    @inlinable @inline(__always)
    public static func next(in bytes: UnsafeBufferPointer<UInt8>, from start: Int,
                            mayHold: (UInt64) -> Bool, special: (UInt8) -> Bool) -> Int {
        guard let base = bytes.baseAddress else { return bytes.count }
        let raw = UnsafeRawPointer(base)
        var i = start
        while i + 8 <= bytes.count {
            if mayHold(raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)) {
                for k in i..<i + 8 where special(base[k]) { return k }
            }
            i += 8
        }
        while i < bytes.count {
            if special(base[i]) { return i }
            i += 1
        }
        return bytes.count
    }
}
