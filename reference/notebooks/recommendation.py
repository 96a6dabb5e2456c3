"""Numbers stated in notebooks/recommendation.md, derived without Tally: alternating least squares
for a rank-2 factorisation in numpy (np.linalg.solve per user and per item), from the notebook's
fixed starting item factors, and the baselines (global and per-item means) in numpy."""
import numpy as np

R = np.array([[5, 4, 0, 1, 0],
              [4, 0, 4, 1, 1],
              [1, 1, 0, 5, 4],
              [0, 1, 2, 4, 0.0]])   # 0 = not rated
mask = R > 0
k, lam = 2, 0.1
V = np.array([[1.0, 0.1], [0.9, 0.2], [0.8, 0.3], [0.2, 1.0], [0.1, 0.9]])
U = np.zeros((4, k))
history = []
for it in range(20):
    for u in range(4):
        Vo = V[mask[u]]
        U[u] = np.linalg.solve(Vo.T @ Vo + lam * np.eye(k), Vo.T @ R[u, mask[u]])
    for i in range(5):
        Uo = U[mask[:, i]]
        V[i] = np.linalg.solve(Uo.T @ Uo + lam * np.eye(k), Uo.T @ R[mask[:, i], i])
    P = U @ V.T
    rmse = np.sqrt(((P - R)[mask] ** 2).mean())
    loss = ((P - R)[mask] ** 2).sum() + lam * ((U ** 2).sum() + (V ** 2).sum())
    history.append((rmse, loss))
print("observed ratings", int(mask.sum()), "of", R.size)
print("RMSE after 1, 2, 5, 20 sweeps", [history[i][0] for i in (0, 1, 4, 19)])
print("objective after 1, 2, 5, 20 sweeps", [history[i][1] for i in (0, 1, 4, 19)])
print("monotone", all(history[i + 1][1] <= history[i][1] + 1e-12 for i in range(19)))
P = U @ V.T
print("predictions for the missing cells", [(u, i, P[u, i]) for u in range(4) for i in range(5) if not mask[u, i]])
print("U", U.tolist(), "V", V.tolist())
glob = R[mask].mean()
print("global mean", glob, "RMSE of the global mean", np.sqrt(((R[mask] - glob) ** 2).mean()))
item_means = np.array([R[mask[:, i], i].mean() for i in range(5)])
print("item means", item_means.tolist(), "RMSE item means", np.sqrt(((R - item_means)[mask] ** 2).mean()))
print("parameters: factors", (4 + 5) * k, "vs cells", 4 * 5, "; for 1e6 users, 1e5 items, k=50:", (10 ** 6 + 10 ** 5) * 50, "vs", 10 ** 11)
