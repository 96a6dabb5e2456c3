import Foundation

/// A seeded pseudo-random generator (xoshiro256**, seeded through SplitMix64) whose stream is
/// fixed by its algorithm, so a seed gives the same numbers on every run and machine — unlike
/// `SystemRandomNumberGenerator`, and unlike Swift's own `shuffle`/`random(in:)`, whose use of
/// the generator is not guaranteed to stay the same across Swift versions.
/// (Normal samples go through `log`/`cos`, whose last bit may differ between C libraries.)
///
///     var rng = RandomGenerator(seed: 42)
///     rng.uniform()   // in [0, 1)
///     rng.normal()    // mean 0, standard deviation 1
public struct RandomGenerator: RandomNumberGenerator {
    private var state: (UInt64, UInt64, UInt64, UInt64)
    private var spareNormal: Double?

    /// The generator whose stream is fixed by `seed` (the same numbers on every run and machine).
    public init(seed: UInt64) {
        var s = seed
        func splitMix64() -> UInt64 {
            s &+= 0x9E37_79B9_7F4A_7C15
            var z = s
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        state = (splitMix64(), splitMix64(), splitMix64(), splitMix64())
    }

    public mutating func next() -> UInt64 {
        func rotl(_ x: UInt64, _ k: UInt64) -> UInt64 { (x << k) | (x >> (64 - k)) }
        let result = rotl(state.1 &* 5, 7) &* 9
        let t = state.1 << 17
        state.2 ^= state.0
        state.3 ^= state.1
        state.1 ^= state.2
        state.0 ^= state.3
        state.2 ^= t
        state.3 = rotl(state.3, 45)
        return result
    }

    /// Uniform in [0, 1), using the top 53 bits.
    public mutating func uniform() -> Double {
        Double(next() >> 11) * 0x1.0p-53
    }

    /// Uniform in [low, high).
    public mutating func uniform(_ low: Double, _ high: Double) -> Double {
        low + (high - low) * uniform()
    }

    /// Standard normal by the Box–Muller transform; each pair of uniforms gives two samples.
    public mutating func normal(mean: Double = 0, standardDeviation: Double = 1) -> Double {
        if let z = spareNormal {
            spareNormal = nil
            return mean + standardDeviation * z
        }
        let u1 = 1 - uniform()  // in (0, 1], so the logarithm is finite
        let u2 = uniform()
        let radius = (-2 * Foundation.log(u1)).squareRoot()
        spareNormal = radius * Foundation.sin(2 * .pi * u2)
        return mean + standardDeviation * radius * Foundation.cos(2 * .pi * u2)
    }

    /// Uniform integer in 0..<n (rejection sampling, so no modulo bias).
    public mutating func integer(below n: Int) -> Int {
        engineRequire(n > 0, "the count must be positive, got \(n)")
        let bound = UInt64(n)
        let limit = UInt64.max - UInt64.max % bound
        var x = next()
        while x >= limit { x = next() }
        return Int(x % bound)
    }

    /// A random permutation of 0..<n (Fisher–Yates).
    public mutating func permutation(_ n: Int) -> [Int] {
        var p = Array(0..<n)
        for i in stride(from: n - 1, to: 0, by: -1) {
            p.swapAt(i, integer(below: i + 1))
        }
        return p
    }
}

extension Tensor {
    /// Uniform samples in [low, high).
    public static func uniform(_ shape: [Int], low: Double = 0, high: Double = 1,
                               using rng: inout RandomGenerator) -> Tensor {
        Tensor(shape: shape, data: (0..<shape.product).map { _ in rng.uniform(low, high) })
    }

    /// Uniform samples in [low, high) (defaults 0 and 1) of `shape`, from a generator seeded with `seed`.
    public static func uniform(_ shape: [Int], low: Double = 0, high: Double = 1, seed: UInt64) -> Tensor {
        var rng = RandomGenerator(seed: seed)
        return uniform(shape, low: low, high: high, using: &rng)
    }

    /// Normal samples.
    public static func normal(_ shape: [Int], mean: Double = 0, standardDeviation: Double = 1,
                              using rng: inout RandomGenerator) -> Tensor {
        Tensor(shape: shape, data: (0..<shape.product).map { _ in
            rng.normal(mean: mean, standardDeviation: standardDeviation)
        })
    }

    /// Normal samples (default mean 0, standard deviation 1) of `shape`, from a generator seeded with `seed`.
    public static func normal(_ shape: [Int], mean: Double = 0, standardDeviation: Double = 1,
                              seed: UInt64) -> Tensor {
        var rng = RandomGenerator(seed: seed)
        return normal(shape, mean: mean, standardDeviation: standardDeviation, using: &rng)
    }
}
