/// `--shard K/N`: part K (1-based) of N, so that N CI jobs split a collection between them, balanced
/// by what the notebooks cost to evaluate (`NotebookCosts`) rather than by their number.
///
/// Every job computes the whole partition itself, from the same inputs (the paths, and the costs from
/// the notebooks' text and the cache's `costs/` files), so N jobs reading the same cache agree and
/// every notebook lands in exactly one shard.
public struct Shard: Hashable, Sendable {
    /// K: which part, 1-based (1 ≤ index ≤ count).
    public var index: Int
    /// N: how many parts the collection is split into (≥ 1).
    public var count: Int

    /// Reads `K/N` with 1 ≤ K ≤ N; nil for anything else.
    public init?(_ text: String) {
        let parts = text.split(separator: "/")
        guard parts.count == 2, let k = Int(parts[0]), let n = Int(parts[1]), n >= 1, (1...n).contains(k) else { return nil }
        index = k
        count = n
    }

    /// The positions in `paths` (paired with `costs`, of equal length) that belong to this shard, ascending.
    /// Traps when the lengths differ. See `partition(paths:costs:into:)`.
    public func positions(paths: [String], costs: [Int]) -> [Int] {
        let bins = Shard.partition(paths: paths, costs: costs, into: count)
        return paths.indices.filter { bins[$0] == index - 1 }
    }

    /// The shard (0-based, below `count`) of each path: greedy longest-processing-time-first (Graham,
    /// "Bounds on multiprocessing timing anomalies", 1969): paths in order of cost descending then path
    /// ascending, each to the shard with the least cost so far (ties: fewer notebooks, then the lower
    /// shard), which keeps the largest shard within 4/3 of the best possible. Integer costs and total
    /// tie-breaks make the result the same on every machine and for any order of the input.
    /// Traps when `paths` and `costs` differ in length or `count` < 1.
    public static func partition(paths: [String], costs: [Int], into count: Int) -> [Int] {
        precondition(paths.count == costs.count && count >= 1, "Shard.partition: \(paths.count) paths, \(costs.count) costs, \(count) shards")
        let order = paths.indices.sorted { a, b in
            (-costs[a], paths[a], a) < (-costs[b], paths[b], b)
        }
        var loads = [(cost: Int, notebooks: Int)](repeating: (0, 0), count: count)
        var shards = [Int](repeating: 0, count: paths.count)
        for item in order {
            let shard = loads.indices.min { (loads[$0].cost, loads[$0].notebooks, $0) < (loads[$1].cost, loads[$1].notebooks, $1) }!
            shards[item] = shard
            loads[shard].cost += costs[item]
            loads[shard].notebooks += 1
        }
        return shards
    }
}
