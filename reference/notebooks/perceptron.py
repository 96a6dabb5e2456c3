"""Numbers stated in notebooks/perceptron.md, derived without Tally: the perceptron rule in plain
Python integers (exact), the threshold networks as truth tables, and the sigmoid XOR network
trained with PyTorch (float64, torch.optim.SGD)."""
import torch

inputs = [(0, 0), (0, 1), (1, 0), (1, 1)]
step = lambda z: 1 if z >= 0 else 0  # Heaviside with H(0) = 1

# McCulloch–Pitts: fire when the sum of excitatory inputs reaches the threshold, unless an
# inhibitory input is on.
def mcp(excitatory, threshold, inhibitory=()):
    return 0 if any(inhibitory) else int(sum(excitatory) >= threshold)

print("MCP AND", [mcp(x, 2) for x in inputs])
print("MCP OR", [mcp(x, 1) for x in inputs])
print("MCP NOT", [mcp((), 0, (x,)) for x in (0, 1)])
print("MCP x1 AND NOT x2", [mcp((a,), 1, (b,)) for a, b in inputs])
print("MCP majority of 3", [mcp((a, b, c), 2) for a in (0, 1) for b in (0, 1) for c in (0, 1)])


def perceptron(targets, features=lambda x: list(x), epochs=100, eta=1):
    w, b, history = None, 0, []
    for epoch in range(epochs):
        mistakes = 0
        for x, y in zip(inputs, targets):
            f = features(x)
            if w is None:
                w = [0] * len(f)
            error = y - step(sum(wi * fi for wi, fi in zip(w, f)) + b)
            if error:
                mistakes += 1
                w = [wi + eta * error * fi for wi, fi in zip(w, f)]
                b += eta * error
        history.append((mistakes, list(w), b))
        if mistakes == 0:
            break
    return history


for name, targets in [("AND", [0, 0, 0, 1]), ("OR", [0, 1, 1, 1])]:
    h = perceptron(targets)
    print(name, "epochs until a clean epoch:", len(h), "mistakes per epoch", [m for m, _, _ in h])
    for i, (m, w, b) in enumerate(h):
        print(f"  after epoch {i + 1}: w={w} b={b}")

# the first epoch of AND, update by update
w, b = [0, 0], 0
for x, y in zip(inputs, [0, 0, 0, 1]):
    z = w[0] * x[0] + w[1] * x[1] + b
    yhat = step(z)
    w = [w[0] + (y - yhat) * x[0], w[1] + (y - yhat) * x[1]]
    b += y - yhat
    print("AND epoch 1 sample", x, "z", z, "yhat", yhat, "-> w", w, "b", b)

xor = perceptron([0, 1, 1, 0])
print("XOR epochs run:", len(xor), "mistakes in the last 8 epochs", [m for m, _, _ in xor[-8:]],
      "fewest mistakes", min(m for m, _, _ in xor))
print("XOR weights after epochs 97..100", [(w, b) for _, w, b in xor[-4:]])

product = perceptron([0, 1, 1, 0], features=lambda x: [x[0], x[1], x[0] * x[1]])
print("XOR with x1*x2 feature: epochs", len(product), "final", product[-1])

# two-layer threshold network: OR and AND hidden units, output = OR AND NOT AND
hidden = [(step(a + b - 0.5), step(a + b - 1.5)) for a, b in inputs]
print("hidden (OR, AND)", hidden)
print("XOR net", [step(h1 - h2 - 0.5) for h1, h2 in hidden])

# a 2-2-1 sigmoid network learning XOR by full-batch gradient descent, torch float64
torch.set_default_dtype(torch.float64)
X = torch.tensor(inputs, dtype=torch.float64)
Y = torch.tensor([0.0, 1, 1, 0])
W1 = torch.tensor([[0.5, -0.4], [-0.3, 0.6]], requires_grad=True)
b1 = torch.tensor([0.1, -0.1], requires_grad=True)
W2 = torch.tensor([0.7, -0.5], requires_grad=True)
b2 = torch.tensor(0.2, requires_grad=True)
opt = torch.optim.SGD([W1, b1, W2, b2], lr=2.0)
def forward():
    return torch.sigmoid(torch.sigmoid(X @ W1.T + b1) @ W2 + b2)
losses = []
for t in range(2000):
    opt.zero_grad()
    out = forward()
    loss = torch.nn.functional.binary_cross_entropy(out, Y)
    losses.append(loss.item())
    loss.backward()
    opt.step()
with torch.no_grad():
    out = forward()
    print("sigmoid XOR: initial loss", losses[0], "loss at step 100", losses[100], "final loss",
          torch.nn.functional.binary_cross_entropy(out, Y).item())
    print("sigmoid XOR outputs", out.tolist())
    print("sigmoid XOR hidden", torch.sigmoid(X @ W1.T + b1).tolist())

# convergence theorem for AND: inputs with a constant 1 appended, separator x1 + x2 - 1.5
import math
norm = math.sqrt(1 + 1 + 1.5 ** 2)
margin = min(abs(a + b - 1.5) for a, b in inputs) / norm
R2 = max(a * a + b * b + 1 for a, b in inputs)
print("AND margin", margin, "bound (R/gamma)^2", R2 / margin ** 2,
      "mistakes made", sum(m for m, _, _ in perceptron([0, 0, 0, 1])))
_, (w1, w2), b = xor[-1]
print("XOR predictions in the cycle", [step(w1 * a + w2 * c + b) for a, c in inputs])
print("ln 2", math.log(2))
