"""The engine's seeded generator as a stream, for reference scripts that need the very numbers a
notebook draws: xoshiro256** from reference/random_numbers.py, uniforms `low + (high − low)·u`
and Box–Muller normals with the spare kept for the next call, in the order the engine draws them
(Sources/TallyEngine/Tensor/Random.swift)."""
import math
import os
import sys

import numpy as np

# appended, not prepended: reference/statistics.py must not shadow the standard library's module
sys.path.append(os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
from random_numbers import Xoshiro256StarStar  # noqa: E402


class EngineRandom:
    def __init__(self, seed):
        self.rng = Xoshiro256StarStar(seed)
        self.spare = None

    def uniform(self, low=0.0, high=1.0):
        return low + (high - low) * self.rng.uniform()

    def normal(self, mean=0.0, std=1.0):
        if self.spare is not None:
            z, self.spare = self.spare, None
            return mean + std * z
        u1 = 1 - self.rng.uniform()
        u2 = self.rng.uniform()
        radius = math.sqrt(-2 * math.log(u1))
        self.spare = radius * math.sin(2 * math.pi * u2)
        return mean + std * radius * math.cos(2 * math.pi * u2)

    def integer(self, n):
        limit = (2 ** 64 - 1) - (2 ** 64 - 1) % n
        x = self.rng.next()
        while x >= limit:
            x = self.rng.next()
        return x % n

    def uniforms(self, shape, low=0.0, high=1.0):
        return np.array([self.uniform(low, high) for _ in range(int(np.prod(shape)))]).reshape(shape)

    def normals(self, shape, mean=0.0, std=1.0):
        return np.array([self.normal(mean, std) for _ in range(int(np.prod(shape)))]).reshape(shape)
