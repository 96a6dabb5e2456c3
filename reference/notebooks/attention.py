"""Numbers stated in notebooks/attention.md, derived without Tally: torch.nn.functional.
scaled_dot_product_attention and torch.nn.MultiheadAttention (float64), numpy softmax by hand,
and the scaling experiment in numpy on the engine's normal stream (engine_random.py)."""
import math

import numpy as np
import torch

from engine_random import EngineRandom

torch.set_default_dtype(torch.float64)
Q = np.array([[1.0, 0.0], [0.5, 1.0]])
K = np.array([[1.0, 0.0], [0.0, 1.0], [1.0, 1.0]])
V = np.array([[10.0, 0.0], [0.0, 10.0], [5.0, 5.0]])
scores = Q @ K.T / math.sqrt(2)
weights = np.exp(scores) / np.exp(scores).sum(axis=1, keepdims=True)
print("scores", scores.tolist())
print("weights", weights.tolist())
print("output", (weights @ V).tolist())
print("torch", torch.nn.functional.scaled_dot_product_attention(torch.tensor(Q), torch.tensor(K), torch.tensor(V)).tolist())
print("causal (3 queries = keys)", torch.nn.functional.scaled_dot_product_attention(torch.tensor(K), torch.tensor(K), torch.tensor(V), is_causal=True).tolist())

# why divide by sqrt(d): dot products of random unit-variance vectors, d = 64, 10 keys per query
r = EngineRandom(50)
d, trials = 64, 500
maxw_raw, maxw_scaled, dots = [], [], []
for _ in range(trials):
    q = r.normals([d])
    k = r.normals([10, d])
    s = k @ q
    dots.extend(s.tolist())
    for scale, out in ((1.0, maxw_raw), (1 / math.sqrt(d), maxw_scaled)):
        e = np.exp(s * scale - (s * scale).max())
        out.append((e / e.sum()).max())
print("std of q.k", np.std(dots), "sqrt(d)", math.sqrt(d), "mean max weight raw", np.mean(maxw_raw), "scaled", np.mean(maxw_scaled))

# permutation equivariance of self-attention without positions
X = torch.tensor([[1.0, 0.0], [0.0, 1.0], [1.0, 1.0]])
perm = [2, 0, 1]
out = torch.nn.functional.scaled_dot_product_attention(X, X, X)
outp = torch.nn.functional.scaled_dot_product_attention(X[perm], X[perm], X[perm])
print("self-attention", out.tolist(), "max |out[perm] - out_perm|", (out[perm] - outp).abs().max().item())

mha = torch.nn.MultiheadAttention(8, 2)
print("MHA(8, 2) parameters", sum(p.numel() for p in mha.parameters()))
print("MHA(512, 8) parameters", sum(p.numel() for p in torch.nn.MultiheadAttention(512, 8).parameters()))
print("attention score matrix entries for n = 1000, 10000", 1000 ** 2, 10000 ** 2)
