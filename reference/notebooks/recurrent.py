"""Numbers stated in notebooks/recurrent.md, derived without Tally: backpropagation through time
for a scalar RNN by hand in plain Python and with torch.nn.RNN (float64) on the same weights;
input gradients over 50 steps with torch.nn.RNN / torch.nn.LSTM on the very weights and inputs the
engine draws (its generator reproduced in engine_random.py, drawn in the engine's order
weight_ih, weight_hh, bias_ih, bias_hh, uniform on ±1/√H); clipping with
torch.nn.utils.clip_grad_norm_ and clip_grad_value_."""
import math

import numpy as np
import torch

from engine_random import EngineRandom

torch.set_default_dtype(torch.float64)

# 1. a scalar RNN over three steps, by hand
xs, wx, wh, b, target = [1.0, 0.5, -1.0], 0.8, 0.6, 0.1, 0.5
hs = [0.0]
for x in xs:
    hs.append(math.tanh(wx * x + wh * hs[-1] + b))
loss = 0.5 * (hs[3] - target) ** 2
print("h1..h3", hs[1:], "loss", loss)
deltas = [0.0] * 4
deltas[3] = (hs[3] - target) * (1 - hs[3] ** 2)
for t in (2, 1):
    deltas[t] = deltas[t + 1] * wh * (1 - hs[t] ** 2)
print("delta1..3", deltas[1:])
grad_wh = sum(deltas[t] * hs[t - 1] for t in (1, 2, 3))
grad_wx = sum(deltas[t] * xs[t - 1] for t in (1, 2, 3))
grad_b = sum(deltas[1:])
print("dL/dwh", grad_wh, "dL/dwx", grad_wx, "dL/db", grad_b)
print("terms of dL/dwh by step", [deltas[t] * hs[t - 1] for t in (1, 2, 3)])
print("dL/dx", [deltas[t] * wx for t in (1, 2, 3)])

rnn = torch.nn.RNN(1, 1)
with torch.no_grad():
    rnn.weight_ih_l0.fill_(wx); rnn.weight_hh_l0.fill_(wh); rnn.bias_ih_l0.fill_(b); rnn.bias_hh_l0.fill_(0)
out, hn = rnn(torch.tensor(xs).reshape(3, 1))
torch_loss = 0.5 * (hn.reshape(()) - target) ** 2
torch_loss.backward()
print("torch.nn.RNN: outputs", out.flatten().tolist(), "loss", torch_loss.item(), "grads",
      rnn.weight_hh_l0.grad.item(), rnn.weight_ih_l0.grad.item(), rnn.bias_ih_l0.grad.item(), rnn.bias_hh_l0.grad.item())

# 2. a scalar linear recurrence h_t = w h_{t-1}: dh_50/dh_0 = w^50
print("0.9^50", 0.9 ** 50, "1.1^50", 1.1 ** 50, "0.5^10", 0.5 ** 10)
slope_product = np.prod([wh * (1 - h * h) for h in hs[1:]])
print("dh3/dh0 for the scalar tanh RNN", slope_product)

# 3. input gradients over 50 steps
H, T = 16, 50


def engine_weights(gates, seed, inputs=1):
    r = EngineRandom(seed)
    bound = 1 / math.sqrt(H)
    return [r.uniforms([gates * H, inputs], -bound, bound), r.uniforms([gates * H, H], -bound, bound),
            r.uniforms([gates * H], -bound, bound), r.uniforms([gates * H], -bound, bound)]


x = EngineRandom(5).normals([T, 1])


def input_gradients(kind, forget_bias=None, nonlinearity="tanh", hh_scale=1.0):
    if kind == "rnn":
        model, gates = torch.nn.RNN(1, H, nonlinearity=nonlinearity), 1
    else:
        model, gates = torch.nn.LSTM(1, H), 4
    with torch.no_grad():
        for p, v in zip([model.weight_ih_l0, model.weight_hh_l0, model.bias_ih_l0, model.bias_hh_l0],
                        engine_weights(gates, 1)):
            p.copy_(torch.tensor(v))
        model.weight_hh_l0.mul_(hh_scale)
        if forget_bias is not None:
            model.bias_ih_l0[H:2 * H] = forget_bias
    xt = torch.tensor(x, requires_grad=True)
    output = model(xt)[0]
    output[-1].sum().backward()
    return model, xt.grad.abs().flatten().numpy()


series = {}
for name, args in [("RNN", ("rnn",)), ("LSTM", ("lstm",)), ("LSTM f-bias 1", ("lstm", 1.0)), ("LSTM f-bias 3", ("lstm", 3.0))]:
    _, g = input_gradients(*args)
    series[name] = g
    print(name, "|d sum(h_50)/dx_t| for t = 50, 40, 25, 1:", [float(f"{v:.4g}") for v in (g[49], g[39], g[24], g[0])])
print("ratio LSTM f-bias 3 / RNN at t = 1", series["LSTM f-bias 3"][0] / series["RNN"][0])

# 4. clipping: a ReLU RNN with its recurrent weights tripled explodes
model, g = input_gradients("rnn", nonlinearity="relu", hh_scale=3.0)
params = list(model.parameters())
grads = torch.cat([p.grad.flatten() for p in params]).clone()
print("exploding ReLU RNN: |dx_1|", g[0], "|dx_50|", g[49], "parameter gradient norm", grads.norm().item())
norm_before = torch.nn.utils.clip_grad_norm_(params, max_norm=1.0)
clipped = torch.cat([p.grad.flatten() for p in params])
print("clip_grad_norm_: returned", norm_before.item(), "norm after", clipped.norm().item(),
      "cosine", (clipped @ grads / clipped.norm() / grads.norm()).item())
for p, start in zip(params, np.cumsum([0] + [p.numel() for p in params])[:-1]):
    p.grad.copy_(grads[start:start + p.numel()].reshape(p.shape))
torch.nn.utils.clip_grad_value_(params, clip_value=1.0)
by_value = torch.cat([p.grad.flatten() for p in params])
print("clip_grad_value_(1): norm after", by_value.norm().item(), "cosine", (by_value @ grads / by_value.norm() / grads.norm()).item(),
      "entries clipped", int((grads.abs() > 1).sum()), "of", grads.numel())
print("|delta3/delta1|", abs(deltas[3] / deltas[1]), "sigmoid(3)", 1 / (1 + math.exp(-3)), "sigmoid(1)", 1 / (1 + math.exp(-1)))
print("angle of value clipping (degrees)", math.degrees(math.acos((by_value @ grads / by_value.norm() / grads.norm()).item())),
      "SGD step length at lr 0.01", 0.01 * norm_before.item())
