"""The numpy side of bench/engine-matmul.sh: the same matmul sizes and the same MLP epoch
(784-128-10 ReLU, batches of 64, softmax cross-entropy, hand-written backward, Adam as in
PyTorch). Prints JSON timings in seconds (fastest of several repeats)."""
import json
import sys

import numpy as np

from timing import fastest


sizes = [int(s) for s in sys.argv[1].split(",")] if len(sys.argv) > 1 else [4, 16, 64, 256, 512, 1024]
rng = np.random.default_rng(0)
results = {}
for n in sizes:
    a, b = rng.standard_normal((n, n)), rng.standard_normal((n, n))
    results[f"matmul_{n}"] = fastest(7, max(1, 20_000_000 // n ** 3), lambda: a @ b)

samples, batch_size = 6400, 64
x = rng.standard_normal((samples, 784))
labels = rng.integers(0, 10, samples)
params = [rng.standard_normal((128, 784)) * np.sqrt(2 / 784), np.zeros(128),
          rng.standard_normal((10, 128)) * np.sqrt(2 / 128), np.zeros(10)]
m = [np.zeros_like(p) for p in params]
v = [np.zeros_like(p) for p in params]
step = [0]
batches = [(x[i:i + batch_size], labels[i:i + batch_size]) for i in range(0, samples, batch_size)]


def epoch():
    W1, b1, W2, b2 = params
    for xb, yb in batches:
        n = len(yb)
        h_pre = xb @ W1.T + b1
        h = np.maximum(h_pre, 0)
        logits = h @ W2.T + b2
        shifted = logits - logits.max(axis=1, keepdims=True)
        log_probs = shifted - np.log(np.exp(shifted).sum(axis=1, keepdims=True))
        _loss = -log_probs[np.arange(n), yb].mean()
        d_logits = np.exp(log_probs)
        d_logits[np.arange(n), yb] -= 1
        d_logits /= n
        dW2 = d_logits.T @ h
        db2 = d_logits.sum(axis=0)
        dh = (d_logits @ W2) * (h_pre > 0)
        dW1 = dh.T @ xb
        db1 = dh.sum(axis=0)
        step[0] += 1
        t = step[0]
        for p, g, mi, vi in zip(params, [dW1, db1, dW2, db2], m, v):
            mi *= 0.9
            mi += 0.1 * g
            vi *= 0.999
            vi += 0.001 * g * g
            p -= 1e-3 * (mi / (1 - 0.9 ** t)) / (np.sqrt(vi / (1 - 0.999 ** t)) + 1e-8)


results["mlp_epoch"] = fastest(3, 1, epoch)
print(json.dumps(results))
