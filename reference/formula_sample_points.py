"""First random sample point of a checked formula's `for x in 0.0...1000.0`, computed independently.

SplitMix64 (Vigna, https://prng.di.unimi.it/splitmix64.c) with Python's unbounded integers masked
to 64 bits; the output's top 53 bits scaled to [0, 1), mapped onto [lower, upper] and rounded to
3 decimals as TallyFormula's FormulaSamplePoints documents. Tests/TallyFormulaTests/SamplePointsTests
holds the printed value.
"""
import math

from random_numbers import splitmix64  # the same generator the engine's random numbers use

SEED = 0x7A11F0A700000018


_, first = splitmix64(SEED)
u = (first >> 11) / float(1 << 53)
lower, upper = 0.0, 1000.0
# Half away from zero, as Swift's rounded(); the value is positive here.
print(repr(math.floor((lower + u * (upper - lower)) * 1000 + 0.5) / 1000))
