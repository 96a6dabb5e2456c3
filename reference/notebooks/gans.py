"""Numbers stated in notebooks/gans.md, derived without Tally: the value of the game at the optimal
discriminator by scipy.integrate.quad (Jensen–Shannon divergence between normals), the saturating
and non-saturating generator gradients by hand, and the 1-D GAN trained with PyTorch (float64,
full-batch alternating gradient steps on a fixed quantile grid from scipy.stats.norm.ppf)."""
import math

import numpy as np
import torch
from scipy import integrate, stats

def jsd(mu):
    p = lambda x: stats.norm.pdf(x)
    q = lambda x: stats.norm.pdf(x, mu)
    m = lambda x: 0.5 * (p(x) + q(x))
    kl = lambda a, b: integrate.quad(lambda x: a(x) * math.log(a(x) / b(x)) if a(x) > 0 else 0, -12, 12 + mu, limit=200)[0]
    return 0.5 * kl(p, m) + 0.5 * kl(q, m)

for mu in (0.0, 1.0, 2.0, 4.0):
    j = jsd(mu)
    print("mu", mu, "JSD (nats)", j, "V(D*, G) = -log 4 + 2 JSD", -math.log(4) + 2 * j)
print("-log 4", -math.log(4), "log 2", math.log(2))
print("D*(x) at x = 0.5 for mu = 1", stats.norm.pdf(0.5) / (stats.norm.pdf(0.5) + stats.norm.pdf(0.5, 1)),
      "at x = 0", stats.norm.pdf(0) / (stats.norm.pdf(0) + stats.norm.pdf(0, 1)))

# generator gradients with respect to the discriminator's logit l on a fake sample, D = sigmoid(l)
for d in (0.5, 0.1, 0.01, 0.001):
    l = math.log(d / (1 - d))
    print("D(G(z))", d, "saturating d/dl log(1 - D)", -d, "non-saturating d/dl -log D", -(1 - d))

# a 1-D GAN: data N(0, 1), generator G(z) = z + theta, discriminator sigmoid(w x + b)
n = 200
grid = stats.norm.ppf((np.arange(n) + 0.5) / n)
torch.set_default_dtype(torch.float64)
real = torch.tensor(grid)
z = torch.tensor(grid)
theta = torch.tensor(3.0, requires_grad=True)
w = torch.tensor(0.0, requires_grad=True)
b = torch.tensor(0.0, requires_grad=True)
dopt = torch.optim.SGD([w, b], lr=0.5)
gopt = torch.optim.SGD([theta], lr=0.5)
thetas = []
for step in range(300):
    dopt.zero_grad()
    fake = (z + theta).detach()
    d_loss = -(torch.log(torch.sigmoid(w * real + b)).mean() + torch.log(1 - torch.sigmoid(w * fake + b)).mean())
    d_loss.backward()
    dopt.step()
    gopt.zero_grad()
    g_loss = -torch.log(torch.sigmoid(w * (z + theta) + b)).mean()
    g_loss.backward()
    gopt.step()
    thetas.append(theta.item())
print("theta after 1, 10, 50, 100, 300 steps", [thetas[i] for i in (0, 9, 49, 99, 299)])
print("w, b at the end", w.item(), b.item(), "min theta", min(thetas), "max |theta| over last 100", max(abs(t) for t in thetas[200:]))
