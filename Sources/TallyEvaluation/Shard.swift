import TallyHashing
/// `--shard K/N`: the notebooks whose path hashes to K (1-based) of N, so that N CI jobs split a
/// collection between them. The hash is of the path text only, the same on every machine.
public struct Shard: Hashable, Sendable {
    public var index: Int
    public var count: Int

    /// Reads `K/N` with 1 ≤ K ≤ N.
    public init?(_ text: String) {
        let parts = text.split(separator: "/")
        guard parts.count == 2, let k = Int(parts[0]), let n = Int(parts[1]), n >= 1, (1...n).contains(k) else { return nil }
        index = k
        count = n
    }

    public func contains(_ path: String) -> Bool {
        Int(StableHash.of([path]).value % UInt64(count)) == index - 1
    }
}
