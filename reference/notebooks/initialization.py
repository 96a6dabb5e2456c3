"""Numbers stated in notebooks/initialization.md, derived without Tally: the symmetric and
distinct 2-3-1 networks trained in PyTorch (float64, torch.optim.SGD, mse_loss), gains from
torch.nn.init.calculate_gain, bounds and standard deviations from the formulas of
torch.nn.init, and the deep-network activation statistics in numpy on the very weights the
notebook draws (the engine's generator, reproduced in engine_random.py)."""
import math

import numpy as np
import torch

from engine_random import EngineRandom

torch.set_default_dtype(torch.float64)
X = torch.tensor([[0.0, 0], [0, 1], [1, 0], [1, 1]])
Y = torch.tensor([0.0, 1, 1, 0])


def train(W1, b1, W2, b2, steps=1000, lr=0.2):
    params = [torch.tensor(p, requires_grad=True) for p in (W1, b1, W2, b2)]
    opt = torch.optim.SGD(params, lr=lr)
    first_grads = None
    for t in range(steps):
        opt.zero_grad()
        out = torch.tanh(X @ params[0].T + params[1]) @ params[2] + params[3]
        loss = torch.nn.functional.mse_loss(out, Y)
        loss.backward()
        if t == 0:
            first_grads = [p.grad.clone() for p in params]
            first_loss = loss.item()
        opt.step()
    out = torch.tanh(X @ params[0].T + params[1]) @ params[2] + params[3]
    return first_loss, first_grads, params, torch.nn.functional.mse_loss(out, Y).item(), out


sym = train([[0.5, 0.5]] * 3, [0.0] * 3, [0.5] * 3, 0.0)
print("symmetric: first loss", sym[0], "first grad W1", sym[1][0].tolist(), "grad W2", sym[1][2].tolist())
print("symmetric: final W1", sym[2][0].tolist(), "final loss", sym[3], "outputs", sym[4].tolist())
W1 = sym[2][0].detach()
print("symmetric: largest difference between rows", (W1 - W1[0]).abs().max().item())
dist = train([[0.5, -0.4], [-0.3, 0.6], [0.2, 0.1]], [0.1, -0.1, 0.0], [0.5, -0.3, 0.2], 0.0)
print("distinct: final loss", dist[3], "outputs", dist[4].tolist())
zero = train([[0.0, 0]] * 3, [0.0] * 3, [0.0] * 3, 0.0)
print("zero: first grads", [g.tolist() for g in zero[1]], "final loss", zero[3], "outputs", zero[4].tolist())

for name, param in [("linear", None), ("sigmoid", None), ("tanh", None), ("relu", None), ("leaky_relu", 0.2), ("selu", None)]:
    print("gain", name, param, torch.nn.init.calculate_gain(name, param))

fan_in, fan_out = 256, 128
print("xavier uniform bound", math.sqrt(6 / (fan_in + fan_out)), "xavier normal std", math.sqrt(2 / (fan_in + fan_out)))
print("kaiming normal std (relu)", math.sqrt(2) / math.sqrt(fan_in), "kaiming uniform bound", math.sqrt(6 / fan_in))
print("nn.Linear default bound (kaiming_uniform a=sqrt5)", math.sqrt(6 / ((1 + 5) * fan_in)), "= 1/sqrt(fan_in)", 1 / math.sqrt(fan_in))

# the engine's draws: xavierUniform and kaimingNormal of a [128, 256] matrix, seeds 1 and 2
r = EngineRandom(1)
bound = math.sqrt(3.0) * math.sqrt(2 / (fan_in + fan_out))
xu = r.uniforms([fan_out, fan_in], -bound, bound)
print("xavierUniform seed 1: var", xu.var(), "theory", 2 / (fan_in + fan_out), "max |w|", np.abs(xu).max())
r = EngineRandom(2)
kn = r.normals([fan_out, fan_in], 0, math.sqrt(2) / math.sqrt(fan_in))
print("kaimingNormal seed 2: var", kn.var(), "theory", 2 / fan_in)

# a 10-layer, width-100 network on 200 standard-normal inputs, one seed per scheme
width, depth, batch = 100, 10, 200
schemes = {
    "tanh, N(0, 1)": (np.tanh, lambda r: r.normals([width, width], 0, 1)),
    "tanh, N(0, 0.01²)": (np.tanh, lambda r: r.normals([width, width], 0, 0.01)),
    "tanh, Xavier": (np.tanh, lambda r: r.normals([width, width], 0, math.sqrt(2 / (2 * width)))),
    "tanh, Xavier gain 5/3": (np.tanh, lambda r: r.normals([width, width], 0, 5 / 3 * math.sqrt(2 / (2 * width)))),
    "relu, Xavier": (lambda z: np.maximum(z, 0), lambda r: r.normals([width, width], 0, math.sqrt(2 / (2 * width)))),
    "relu, He": (lambda z: np.maximum(z, 0), lambda r: r.normals([width, width], 0, math.sqrt(2 / width))),
}
x0 = EngineRandom(10).normals([batch, width])
for name, (act, draw) in schemes.items():
    r = EngineRandom(20)
    a, stds = x0, []
    for layer in range(depth):
        a = act(a @ draw(r).T)
        stds.append(a.std())
    sat = (np.abs(a) > 0.99).mean() if "tanh" in name else None
    print(name, "std per layer", [float(f"{s:.5g}") for s in stds], "mean square last", (a ** 2).mean(), "saturated", sat)
w = torch.empty(16, 3, 5, 5)
print("fan in/out of [16, 3, 5, 5]", torch.nn.init._calculate_fan_in_and_fan_out(w), "He std", math.sqrt(2 / 75))
