"""Numbers stated in notebooks/training.md, derived without Tally: a 10-layer sigmoid MLP with and
without batch normalisation (training-mode statistics, γ = 1, β = 0, ε = 1e-5, as
torch.nn.functional.batch_norm) in PyTorch float64, on the very weights and data the notebook
draws (engine_random.py reproduces the engine's generator), trained by torch.optim.SGD; counts
for augmentation and transfer learning by arithmetic."""
import math

import numpy as np
import torch

from engine_random import EngineRandom

torch.set_default_dtype(torch.float64)
width, depth, batch = 32, 10, 64
r = EngineRandom(60)
X = torch.tensor(r.normals([batch, width]))
target = torch.tensor(r.normals([batch, 1]))
std = math.sqrt(2 / (width + width))
weights0 = [torch.tensor(r.normals([width, width], 0, std)) for _ in range(depth)]
head0 = torch.tensor(r.normals([1, width], 0, math.sqrt(2 / (width + 1))))


def run(use_bn, steps, lr):
    Ws = [w.clone().requires_grad_(True) for w in weights0]
    head = head0.clone().requires_grad_(True)
    opt = torch.optim.SGD(Ws + [head], lr=lr)
    losses, first_norms = [], None
    for step in range(steps + 1):
        opt.zero_grad()
        a = X
        for W in Ws:
            z = a @ W.T
            if use_bn:
                z = torch.nn.functional.batch_norm(z, None, None, training=True, eps=1e-5)
            a = torch.sigmoid(z)
        loss = ((a @ head.T - target) ** 2).mean()
        losses.append(loss.item())
        if step == steps:
            break
        loss.backward()
        if step == 0:
            first_norms = [W.grad.norm().item() for W in Ws]
        opt.step()
    return losses, first_norms


for use_bn in (False, True):
    losses, norms = run(use_bn, 200, 0.05)
    print("last/first gradient norm", norms[-1] / norms[0])
    print("BN" if use_bn else "plain", "grad norms layer 1..10", [float(f"{v:.4g}") for v in norms],
          "ratio first/last", norms[0] / norms[-1], "loss at 0, 50, 200", losses[0], losses[50], losses[200])

print("sigmoid slope at most", 0.25, "0.25^9", 0.25 ** 9)
print("crops of 28 from 32 with flips", (32 - 28 + 1) ** 2 * 2)
print("dropout subnetworks of 100 units", "2^100 =", 2 ** 100)
print("transfer: frozen 784-256-128 features", 784 * 256 + 256 + 256 * 128 + 128, "new head 128->10", 128 * 10 + 10)
