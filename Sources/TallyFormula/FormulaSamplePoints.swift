/// The points at which an identity (`{check for x in A...B}`) is checked.
///
/// For each variable: both ends of its range and 0 when 0 lies strictly inside; every combination
/// of these; then `randomCount` points drawn uniformly from the ranges with a fixed seed
/// (SplitMix64, so the same on every run and machine), rounded to 3 decimals, or integers for an
/// integer range, drawn until that many are new (a small integer range may have fewer). Repeated
/// points are dropped; the order is the order of checking, so the first
/// failing point reported is the first in this list.
///
///     FormulaSamplePoints.points(for: [x in -6...6])   // [[-6], [6], [0], [2.79], [-4.215], …]
public enum FormulaSamplePoints {
    /// How many random points are drawn: 10.
    public static let defaultRandomCount = 10
    /// The seed of the random points (any fixed number would do; this one spells "tally formula").
    static let seed: UInt64 = 0x7A11_F0A7_0000_0018

    /// The points for `variables`, each a coordinate per variable in their order; `[[]]` for none.
    public static func points(for variables: [FormulaCheckBlock.Variable], randomCount: Int = defaultRandomCount) -> [[Double]] {
        guard !variables.isEmpty else { return [[]] }
        var points: [[Double]] = [[]]
        for variable in variables {
            var specials = [variable.lower, variable.upper]
            if variable.lower < 0, variable.upper > 0 { specials.append(0) }
            points = points.flatMap { point in specials.map { point + [$0] } }
        }
        var seen: Set<[Double]> = []
        points = points.filter { seen.insert($0).inserted }  // a range of one number has one end
        var generator = SplitMix64(seed: seed)
        // Draws until `randomCount` new points (a small integer range may run out first).
        var added = 0
        for _ in 0..<(randomCount * 20) where added < randomCount {
            let point = variables.map { variable in
                let u = Double(generator.next() >> 11) * 0x1p-53
                if variable.isInteger {
                    let span = variable.upper - variable.lower + 1
                    return Swift.min(variable.lower + (u * span).rounded(.down), variable.upper)
                }
                return ((variable.lower + u * (variable.upper - variable.lower)) * 1000).rounded() / 1000
            }
            if seen.insert(point).inserted {
                points.append(point)
                added += 1
            }
        }
        return points
    }
}

/// Sebastiano Vigna's SplitMix64: tiny, fast and fully specified, so the points never change.
struct SplitMix64 {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
