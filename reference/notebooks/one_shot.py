"""Numbers stated in notebooks/one-shot.md, derived without Tally: torch.nn.functional.
triplet_margin_loss and pairwise_distance (float64, eps=1e-6 as torch), the contrastive loss and
cosine similarities in numpy, and one SGD step on the embeddings with torch autograd."""
import numpy as np
import torch
import torch.nn.functional as F

torch.set_default_dtype(torch.float64)
support = {"ada": np.array([1.0, 0.2]), "ben": np.array([-0.5, 1.0]), "cy": np.array([0.1, -1.2])}
query = np.array([0.8, 0.5])
dist = {k: np.linalg.norm(query - v) for k, v in support.items()}
cos = {k: query @ v / np.linalg.norm(query) / np.linalg.norm(v) for k, v in support.items()}
print("distances", dist, "nearest", min(dist, key=dist.get), "cosine", cos)
print("threshold 0.5: accepted?", {k: d < 0.5 for k, d in dist.items()})

def contrastive(d, same, m=1.0):
    return d ** 2 if same else max(0.0, m - d) ** 2
for d in (0.2, 0.8, 1.5):
    print("contrastive d", d, "same", contrastive(d, True), "different", contrastive(d, False))

a = torch.tensor([[0.0, 0.0], [0.0, 0.0], [0.0, 0.0]])
p = torch.tensor([[0.3, 0.4], [0.6, 0.8], [1.2, 1.6]])
n = torch.tensor([[3.0, 4.0], [0.0, 1.5], [0.9, 1.2]])
print("d(a,p)", F.pairwise_distance(a, p).tolist(), "d(a,n)", F.pairwise_distance(a, n).tolist())
print("per-triplet loss", F.triplet_margin_loss(a, p, n, margin=1.0, reduction="none").tolist(),
      "mean", F.triplet_margin_loss(a, p, n, margin=1.0).item())

# one gradient step on a hard triplet's embeddings
A = torch.tensor([[0.0, 0.0]], requires_grad=True)
P = torch.tensor([[1.2, 1.6]], requires_grad=True)
N = torch.tensor([[0.9, 1.2]], requires_grad=True)
loss = F.triplet_margin_loss(A, P, N, margin=1.0)
loss.backward()
print("loss", loss.item(), "grad A", A.grad.tolist(), "grad P", P.grad.tolist(), "grad N", N.grad.tolist())
with torch.no_grad():
    for t in (A, P, N):
        t -= 0.5 * t.grad
    print("after step: loss", F.triplet_margin_loss(A, P, N, margin=1.0).item(), "d(a,p)", F.pairwise_distance(A, P).item(),
          "d(a,n)", F.pairwise_distance(A, N).item())
print("pairs vs triplets for 100 classes x 10 examples: positive pairs", 100 * 45, "triplets", 100 * 10 * 9 * 990)
print("contrastive at 0.8: same", contrastive(0.8, True), "different", contrastive(0.8, False))
