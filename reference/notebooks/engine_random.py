"""The engine's seeded generator as a stream, for reference scripts that need the very numbers a
notebook draws: xoshiro256** from reference/random_numbers.py, uniforms `low + (high − low)·u`
and Box–Muller normals with the spare kept for the next call, in the order the engine draws them
(Sources/TallyEngine/Tensor/Random.swift)."""
import os
import sys

import numpy as np

# appended, not prepended: reference/statistics.py must not shadow the standard library's module
sys.path.append(os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
from random_numbers import EngineStream  # noqa: E402


class EngineRandom(EngineStream):
    """EngineStream plus numpy arrays of draws, filled in row-major order as the engine's
    `Tensor.uniform`/`Tensor.normal` fill theirs."""

    def uniforms(self, shape, low=0.0, high=1.0):
        return np.array([self.uniform(low, high) for _ in range(int(np.prod(shape)))]).reshape(shape)

    def normals(self, shape, mean=0.0, std=1.0):
        return np.array([self.normal(mean, std) for _ in range(int(np.prod(shape)))]).reshape(shape)
