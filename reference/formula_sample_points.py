"""First random sample point of a checked formula's `for x in 0.0...1000.0`, computed independently.

SplitMix64 (Vigna, https://prng.di.unimi.it/splitmix64.c) with Python's unbounded integers masked
to 64 bits; the output's top 53 bits scaled to [0, 1), mapped onto [lower, upper] and rounded to
3 decimals as TallyFormula's FormulaSamplePoints documents. Tests/TallyFormulaTests/SamplePointsTests
holds the printed value.
"""
import math

MASK = (1 << 64) - 1
SEED = 0x7A11F0A700000018


def splitmix64(state):
    state = (state + 0x9E3779B97F4A7C15) & MASK
    z = state
    z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK
    z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK
    return state, z ^ (z >> 31)


_, first = splitmix64(SEED)
u = (first >> 11) / float(1 << 53)
lower, upper = 0.0, 1000.0
# Half away from zero, as Swift's rounded(); the value is positive here.
print(repr(math.floor((lower + u * (upper - lower)) * 1000 + 0.5) / 1000))
