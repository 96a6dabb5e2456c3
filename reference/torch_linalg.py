"""Reference values for TallyEngine's linear algebra (Sources/TallyEngine/LinearAlgebra), from
torch.linalg in float64 on the CPU.

Writes reference/cases/torch_linalg.json (format: Tests/TallyEngineTests/ReferenceCases.swift).
Gradients are of the loss sum(output * w) for the weight array `w` stored with the inputs (for
eigh: sum(eigenvalues * wL) + sum(eigenvectors**2 * wV), which does not depend on the
eigenvectors' signs). Singular vectors and eigenvectors are stored with each one's sign fixed
so that its largest-magnitude component is positive (sign_fixed in the case's options), because
their signs are the LAPACK build's choice (torch's wheel uses MKL, the engine OpenBLAS).

    /work/refvenv/bin/python reference/torch_linalg.py
"""
import json
import pathlib

import numpy as np
import torch

torch.set_default_dtype(torch.float64)
rng = np.random.RandomState(15)
cases = []


def array(t):
    a = np.asarray(t.detach().numpy() if isinstance(t, torch.Tensor) else t, dtype=np.float64)
    data = [("NaN" if np.isnan(v) else "Infinity" if v == np.inf else "-Infinity" if v == -np.inf else float(v))
            for v in a.reshape(-1)]
    return {"shape": list(a.shape), "data": data}


def matrix(m, n):
    return rng.standard_normal((m, n))


def spd(n):
    b = rng.standard_normal((n, n))
    return b @ b.T + n * np.eye(n)


def symmetric(n):
    b = rng.standard_normal((n, n))
    return (b + b.T) / 2


def fix_columns(v):
    """Each column's sign chosen so that its largest-magnitude entry is positive."""
    v = v.detach().clone()
    for j in range(v.shape[1]):
        i = torch.argmax(v[:, j].abs())
        if v[i, j] < 0:
            v[:, j] = -v[:, j]
    return v


def add(name, inputs, outputs, options=None, gradients=None):
    case = {"name": name, "inputs": {k: array(v) for k, v in inputs.items()},
            "outputs": {k: array(v) for k, v in outputs.items()}}
    if options:
        case["options"] = options
    if gradients:
        case["gradients"] = {k: array(v) for k, v in gradients.items()}
    cases.append(case)


def with_gradient(name, function, arrays, options=None):
    """Runs function on leaf tensors made from arrays; the loss is sum(output * w)."""
    leaves = {k: torch.tensor(v, requires_grad=True) for k, v in arrays.items()}
    out = function(**leaves)
    w = torch.tensor(rng.standard_normal(tuple(out.shape)))
    (out * w).sum().backward()
    add(name, {**arrays, "w": w}, {"y": out}, options, {k: t.grad for k, t in leaves.items()})


# solve, inv, det, slogdet, cholesky: values and gradients.
with_gradient("solve/vector", lambda a, b: torch.linalg.solve(a, b), {"a": matrix(3, 3), "b": rng.standard_normal(3)})
with_gradient("solve/matrix", lambda a, b: torch.linalg.solve(a, b), {"a": matrix(4, 4), "b": matrix(4, 2)})
with_gradient("solve/spd", lambda a, b: torch.linalg.solve(a, b), {"a": spd(5), "b": matrix(5, 3)})
with_gradient("inv/3x3", lambda a: torch.linalg.inv(a), {"a": matrix(3, 3)})
with_gradient("inv/5x5", lambda a: torch.linalg.inv(a), {"a": matrix(5, 5)})
with_gradient("det/3x3", lambda a: torch.linalg.det(a), {"a": matrix(3, 3)})
with_gradient("det/4x4", lambda a: torch.linalg.det(a), {"a": matrix(4, 4)})
with_gradient("det/2x2-negative", lambda a: torch.linalg.det(a), {"a": np.array([[1.0, 2.0], [3.0, 4.0]])})
# At a singular matrix torch 2.15 returns a zero gradient (its backward multiplies by det = 0);
# the derivative of det is the cofactor matrix there as anywhere, which the engine returns: the
# reference gradient is that matrix, computed exactly in integers.
singular = np.array([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0], [7.0, 8.0, 9.0]])
w = rng.standard_normal(())
cofactors = np.array([[(-1) ** (i + j) * round(np.linalg.det(np.delete(np.delete(singular, i, 0), j, 1)))
                       for j in range(3)] for i in range(3)], dtype=float)
add("det/singular", {"a": singular, "w": w}, {"y": torch.linalg.det(torch.tensor(singular))},
    {"gradient_source": "exact cofactor matrix"}, {"a": w * cofactors})
for n in (3, 5):
    a = matrix(n, n)
    leaf = torch.tensor(a, requires_grad=True)
    sign, logabsdet = torch.linalg.slogdet(leaf)
    w = torch.tensor(rng.standard_normal(()))
    (logabsdet * w).backward()
    add(f"slogdet/{n}x{n}", {"a": a, "w": w}, {"sign": sign, "logabsdet": logabsdet}, gradients={"a": leaf.grad})
with_gradient("cholesky/3x3", lambda a: torch.linalg.cholesky(a), {"a": spd(3)})
with_gradient("cholesky/5x5", lambda a: torch.linalg.cholesky(a), {"a": spd(5)})
with_gradient("cholesky/upper", lambda a: torch.linalg.cholesky(a, upper=True), {"a": spd(4)}, {"upper": True})

# qr: Householder signs are LAPACK's (geqrf), the same in every build.
for name, (m, n), mode in [("tall-reduced", (5, 3), "reduced"), ("tall-complete", (5, 3), "complete"),
                           ("tall-r", (5, 3), "r"), ("wide-reduced", (3, 5), "reduced"),
                           ("square-complete", (4, 4), "complete")]:
    a = matrix(m, n)
    q, r = torch.linalg.qr(torch.tensor(a), mode=mode)
    add(f"qr/{name}", {"a": a}, {"Q": q, "R": r}, {"mode": mode})

# eigh with gradients of a sign-independent loss.
for name, n, uplo in [("4x4", 4, "L"), ("6x6", 6, "L"), ("upper", 4, "U")]:
    a = symmetric(n)
    leaf = torch.tensor(a, requires_grad=True)
    values, vectors = torch.linalg.eigh(leaf, UPLO=uplo)
    w_values, w_vectors = torch.tensor(rng.standard_normal(n)), torch.tensor(rng.standard_normal((n, n)))
    ((values * w_values).sum() + (vectors ** 2 * w_vectors).sum()).backward()
    add(f"eigh/{name}", {"a": a, "wL": w_values, "wV": w_vectors},
        {"eigenvalues": values, "eigenvectors": fix_columns(vectors)}, {"UPLO": uplo, "sign_fixed": True},
        {"a": leaf.grad})

# eig: eigenvalues sorted by (real, imaginary) part, since their order is the build's.
for name, a in [("real-spectrum", np.array([[2.0, 1.0, 0.0], [1.0, 3.0, 1.0], [0.0, 1.0, 4.0]]) + np.triu(np.ones((3, 3)), 1)),
                ("complex-pair", np.array([[0.0, -2.0, 0.0], [2.0, 0.0, 0.0], [0.0, 0.0, 1.5]])),
                ("random-5x5", matrix(5, 5))]:
    values = torch.linalg.eigvals(torch.tensor(a)).numpy()
    order = np.lexsort((values.imag, values.real))
    add(f"eig/{name}", {"a": a}, {"real": values.real[order], "imaginary": values.imag[order]}, {"sorted": True})

# svd and svdvals; singular vectors sign-fixed (u's largest entry positive, v flipped with it).
for name, (m, n), full in [("tall-full", (5, 3), True), ("tall-reduced", (5, 3), False),
                           ("wide-reduced", (3, 5), False), ("wide-full", (3, 4), True)]:
    a = matrix(m, n)
    u, s, vh = torch.linalg.svd(torch.tensor(a), full_matrices=full)
    k = min(m, n)
    u, vh = u.clone(), vh.clone()
    for j in range(k):
        i = torch.argmax(u[:, j].abs())
        if u[i, j] < 0:
            u[:, j], vh[j, :] = -u[:, j], -vh[j, :]
    # Columns beyond k (full matrices) span the null spaces and are not unique: only k are compared.
    add(f"svd/{name}", {"a": a}, {"U": u[:, :k], "S": s, "Vh": vh[:k, :]},
        {"full_matrices": full, "sign_fixed": True, "U_columns": float(u.shape[1]), "Vh_rows": float(vh.shape[0])})
add("svdvals/4x6", {"a": (a := matrix(4, 6))}, {"S": torch.linalg.svdvals(torch.tensor(a))})

# lstsq with the SVD driver.
deficient = matrix(6, 3) @ matrix(3, 4)
for name, a, b in [("vector", matrix(6, 3), rng.standard_normal(6)), ("matrix", matrix(7, 3), matrix(7, 2)),
                   ("rank-deficient", deficient, rng.standard_normal(6)), ("underdetermined", matrix(3, 5), matrix(3, 2))]:
    r = torch.linalg.lstsq(torch.tensor(a), torch.tensor(b).reshape(a.shape[0], -1), driver="gelsd")
    solution = r.solution.reshape(-1) if b.ndim == 1 else r.solution
    residuals = r.residuals.reshape(()) if (b.ndim == 1 and r.residuals.numel() == 1) else r.residuals
    add(f"lstsq/{name}", {"a": a, "b": b}, {"solution": solution, "residuals": residuals, "rank": float(r.rank),
                                            "singular_values": r.singular_values}, {"driver": "gelsd"})

# pinv and matrix_rank with torch's tolerance rule.
for name, a, options in [("tall", matrix(5, 3), {}), ("rank-deficient", matrix(4, 2) @ matrix(2, 4), {}),
                         ("rtol", np.diag([3.0, 1.0, 1e-3]) @ matrix(3, 3), {"rtol": 1e-2})]:
    add(f"pinv/{name}", {"a": a}, {"y": torch.linalg.pinv(torch.tensor(a), **options)}, options or None)
for name, a, options in [("full", matrix(4, 3), {}), ("deficient", matrix(5, 2) @ matrix(2, 5), {}),
                         ("atol", np.diag([3.0, 1.0, 1e-3, 1e-8]), {"atol": 1e-2}),
                         ("rtol", np.diag([3.0, 1.0, 1e-3, 1e-8]), {"rtol": 1e-4})]:
    add(f"matrixRank/{name}", {"a": a}, {"rank": float(torch.linalg.matrix_rank(torch.tensor(a), **options))},
        options or None)

# norm: vector and matrix orders, with gradients.
x = rng.standard_normal(6)
for label, ord in [("2", 2.0), ("1", 1.0), ("inf", np.inf), ("-inf", -np.inf), ("0", 0.0), ("3", 3.0), ("0.5", 0.5)]:
    if ord == 0:  # a count: no gradient (torch 2.15 returns a NaN of shape [] for it)
        add("norm/vector-0", {"x": x, "w": np.ones(())}, {"y": torch.linalg.norm(torch.tensor(x), ord=0)}, {"ord": "0"})
        continue
    with_gradient(f"norm/vector-{label}", lambda x: torch.linalg.norm(x, ord=ord), {"x": x}, {"ord": label})
m = matrix(4, 3)
for label, ord in [("fro", "fro"), ("nuc", "nuc"), ("1", 1.0), ("-1", -1.0), ("inf", np.inf), ("-inf", -np.inf),
                   ("2", 2.0), ("-2", -2.0)]:
    with_gradient(f"norm/matrix-{label}", lambda x: torch.linalg.norm(x, ord=ord), {"x": m}, {"ord": label})
with_gradient("norm/default-3d", lambda x: torch.linalg.norm(x), {"x": rng.standard_normal((2, 3, 2))})

out = {"generator": "reference/torch_linalg.py", "versions": {"torch": torch.__version__, "numpy": np.__version__},
       "cases": cases}
path = pathlib.Path(__file__).parent / "cases" / "torch_linalg.json"
path.write_text(json.dumps(out, indent=1) + "\n")
print(f"wrote {len(cases)} cases to {path}")
