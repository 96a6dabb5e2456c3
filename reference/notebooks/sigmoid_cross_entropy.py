"""Numbers stated in notebooks/sigmoid-cross-entropy.md, derived without Tally: the 2-3-2-1
sigmoid network with binary cross-entropy in PyTorch (float64, autograd,
torch.nn.functional.binary_cross_entropy), the deltas by hand in numpy, and the saturated-output
gradients in plain Python."""
import math

import numpy as np
import torch

torch.set_default_dtype(torch.float64)
x = np.array([1.0, -2.0])
y = 1.0
W1 = np.array([[0.1, 0.3], [-0.2, 0.4], [0.5, -0.1]]); b1 = np.array([0.0, 0.1, -0.1])
W2 = np.array([[0.3, -0.6, 0.2], [0.7, 0.1, -0.4]]); b2 = np.array([0.05, -0.05])
W3 = np.array([[0.8, -0.5]]); b3 = np.array([0.2])
sig = lambda z: 1 / (1 + np.exp(-z))
z1 = W1 @ x + b1; a1 = sig(z1)
z2 = W2 @ a1 + b2; a2 = sig(z2)
z3 = W3 @ a2 + b3; a3 = sig(z3)
C = -(y * np.log(a3) + (1 - y) * np.log(1 - a3))
print("z1", z1.tolist(), "a1", a1.tolist())
print("z2", z2.tolist(), "a2", a2.tolist())
print("z3", z3.tolist(), "a3", a3.tolist(), "C", C.tolist())
d3 = a3 - y
d2 = (W3.T @ d3) * a2 * (1 - a2)
d1 = (W2.T @ d2) * a1 * (1 - a1)
print("delta3", d3.tolist(), "delta2", d2.tolist(), "delta1", d1.tolist())
print("dC/dW3", np.outer(d3, a2).tolist(), "dC/dW2", np.outer(d2, a1).tolist(), "dC/dW1", np.outer(d1, x).tolist())
print("dC/da3", ((a3 - y) / (a3 * (1 - a3))).tolist(), "sigma'(z3)", (a3 * (1 - a3)).tolist())

params = [torch.tensor(p, requires_grad=True) for p in (W1, b1, W2, b2, W3, b3)]
def forward(p):
    h1 = torch.sigmoid(p[0] @ torch.tensor(x) + p[1])
    h2 = torch.sigmoid(p[2] @ h1 + p[3])
    return torch.sigmoid(p[4] @ h2 + p[5])
out = forward(params)
loss = torch.nn.functional.binary_cross_entropy(out, torch.tensor([y]))
loss.backward()
print("torch loss", loss.item(), "grads W1", params[0].grad.tolist(), "b1", params[1].grad.tolist(),
      "W2", params[2].grad.tolist(), "W3", params[4].grad.tolist(), "b3", params[5].grad.tolist())
with torch.no_grad():
    for p in params:
        p -= 0.5 * p.grad
    out2 = forward(params)
    print("after one step (lr 0.5): output", out2.item(), "loss", torch.nn.functional.binary_cross_entropy(out2, torch.tensor([y])).item())
    print("W3 after", params[4].tolist(), "b3 after", params[5].tolist())

# the notes' sigmoid typo: 1/(1 + e^{z}) is sigma(-z)
print("1/(1+e^{0.5})", 1 / (1 + math.exp(0.5)), "sigma(0.5)", 1 / (1 + math.exp(-0.5)))

# saturated output: dC/dz for MSE (1/2 (a - y)^2) vs cross-entropy
for a in (0.5, 0.1, 0.01, 0.001):
    print("a", a, "MSE dC/dz", (a - 1) * a * (1 - a), "CE dC/dz", a - 1)
