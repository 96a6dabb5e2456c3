"""Reference stream of the engine's seeded generator: SplitMix64 seeding xoshiro256**, both
transcribed from Vigna's public-domain C code (prng.di.unimi.it) with Python integers, then
uniforms from the top 53 bits and Box–Muller normals. Prints JSON."""
import json
import math

MASK = (1 << 64) - 1


def splitmix64(state):
    state = (state + 0x9E3779B97F4A7C15) & MASK
    z = state
    z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK
    z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK
    return state, z ^ (z >> 31)


def rotl(x, k):
    return ((x << k) | (x >> (64 - k))) & MASK


class Xoshiro256StarStar:
    def __init__(self, seed):
        self.s = []
        for _ in range(4):
            seed, value = splitmix64(seed)
            self.s.append(value)

    def next(self):
        s = self.s
        result = (rotl((s[1] * 5) & MASK, 7) * 9) & MASK
        t = (s[1] << 17) & MASK
        s[2] ^= s[0]
        s[3] ^= s[1]
        s[1] ^= s[2]
        s[0] ^= s[3]
        s[2] ^= t
        s[3] = rotl(s[3], 45)
        return result

    def uniform(self):
        return (self.next() >> 11) * 2.0 ** -53


class EngineStream:
    """The engine's `RandomGenerator` draws: uniforms `low + (high − low)·u`, Box–Muller normals
    with the sine half kept for the next call, and unbiased integers below n by rejection."""

    def __init__(self, seed):
        self.rng = Xoshiro256StarStar(seed)
        self.spare = None

    def uniform(self, low=0.0, high=1.0):
        return low + (high - low) * self.rng.uniform()

    def normal(self, mean=0.0, std=1.0):
        if self.spare is not None:
            z, self.spare = self.spare, None
            return mean + std * z
        u1 = 1 - self.rng.uniform()  # in (0, 1], so the logarithm is finite
        u2 = self.rng.uniform()
        radius = math.sqrt(-2 * math.log(u1))
        self.spare = radius * math.sin(2 * math.pi * u2)
        return mean + std * radius * math.cos(2 * math.pi * u2)

    def integer(self, n):
        limit = MASK - MASK % n
        x = self.rng.next()
        while x >= limit:
            x = self.rng.next()
        return x % n


def normals(seed, count):
    stream = EngineStream(seed)
    return [stream.normal() for _ in range(count)]


if __name__ == "__main__":
    rng = Xoshiro256StarStar(42)
    raw = [str(rng.next()) for _ in range(5)]  # strings: JSON numbers would lose bits above 2^53
    uniform_rng = Xoshiro256StarStar(7)
    print(json.dumps({
        "seed42_raw": raw,
        "seed7_uniform": [uniform_rng.uniform() for _ in range(5)],
        "seed3_normal": normals(3, 6),
    }))
