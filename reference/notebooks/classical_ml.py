"""Numbers stated in notebooks/classical-ml.md, derived without Tally: scikit-learn
(KNeighborsClassifier, KMeans from given centers, PCA, GaussianNB, LogisticRegression, LinearSVC),
numpy (distances, eigh of the covariance), exact fractions for the k-means example, and the
distance-concentration experiment in numpy on the engine's uniform stream (engine_random.py)."""
import math
from fractions import Fraction as F

import numpy as np
from sklearn.cluster import KMeans
from sklearn.decomposition import PCA
from sklearn.linear_model import LogisticRegression
from sklearn.naive_bayes import GaussianNB
from sklearn.neighbors import KNeighborsClassifier
from sklearn.svm import LinearSVC

from engine_random import EngineRandom

# k-nearest neighbours
Xk = np.array([[1, 1], [2, 1], [1, 2], [3, 3.5], [4.5, 4], [5, 5], [4, 5], [2.5, 2]])
yk = np.array([0, 0, 0, 0, 1, 1, 1, 1.0])
q = np.array([[3, 2.5]])
d = np.sqrt(((Xk - q) ** 2).sum(axis=1))
print("distances", d.tolist(), "order", np.argsort(d).tolist())
for k in (1, 3, 5):
    m = KNeighborsClassifier(n_neighbors=k).fit(Xk, yk)
    print("k", k, "predict", m.predict(q).tolist(), "proba", m.predict_proba(q).tolist())
print("distance-weighted k=3", KNeighborsClassifier(n_neighbors=3, weights="distance").fit(Xk, yk).predict_proba(q).tolist())

# the curse of dimensionality: 200 uniform points in [0, 1]^d, distances from the first to the rest
r = EngineRandom(30)
for dim in (1, 2, 10, 100, 1000):
    pts = r.uniforms([200, dim])
    dist = np.sqrt(((pts[1:] - pts[0]) ** 2).sum(axis=1))
    print("d", dim, "min", dist.min(), "max", dist.max(), "contrast (max-min)/min", (dist.max() - dist.min()) / dist.min(),
          "max/min", dist.max() / dist.min(), "mean", dist.mean(), "sqrt(d/6)", math.sqrt(dim / 6))
print("volume share of the inner cube of side 0.9 in d = 10, 100", 0.9 ** 10, 0.9 ** 100)

# k-means from a deliberately bad start
Xm = np.array([[1, 1], [2, 1], [1, 2], [6, 5], [7, 6], [6, 7.0]])
km = KMeans(n_clusters=2, init=np.array([[1, 1], [2, 1.0]]), n_init=1).fit(Xm)
print("kmeans centers", km.cluster_centers_.tolist(), "labels", km.labels_.tolist(), "inertia", km.inertia_, "iterations", km.n_iter_)
print("exact final centers", [F(4, 3), F(4, 3)], [F(19, 3), F(6)], "inertia", F(4, 3) + F(8, 3))
c1, c2 = np.array([1, 1.0]), np.array([2, 1.0])
for step in range(3):
    lab = [0 if np.sum((p - c1) ** 2) <= np.sum((p - c2) ** 2) else 1 for p in Xm]
    c1, c2 = Xm[np.array(lab) == 0].mean(axis=0), Xm[np.array(lab) == 1].mean(axis=0)
    inertia = sum(np.sum((p - (c1 if l == 0 else c2)) ** 2) for p, l in zip(Xm, lab))
    print("lloyd step", step + 1, "labels", lab, "centers", c1.tolist(), c2.tolist(), "inertia after update", inertia)

# PCA
Xp = np.array([[2, 1], [3, 2], [4, 2], [5, 4], [6, 5], [7, 5.0]])
pca = PCA().fit(Xp)
print("pca components", pca.components_.tolist(), "explained variance", pca.explained_variance_.tolist(),
      "ratio", pca.explained_variance_ratio_.tolist(), "mean", pca.mean_.tolist())
cov = np.cov(Xp.T)
print("covariance", cov.tolist(), "eigh", np.linalg.eigh(cov)[0].tolist())
z = PCA(n_components=1).fit(Xp)
recon = z.inverse_transform(z.transform(Xp))
print("1-component scores", z.transform(Xp).ravel().tolist(), "reconstruction SSE", ((Xp - recon) ** 2).sum(),
      "= (n-1) * smallest eigenvalue", 5 * np.linalg.eigh(cov)[0][0])

# generative vs discriminative on the hours/pass data
hours = np.array([0.5, 1, 1.5, 2, 2.5, 3, 3.5, 4, 4.5, 5])[:, None]
passed = np.array([0, 0, 0, 1, 0, 1, 0, 1, 1, 1.0])
nb = GaussianNB().fit(hours, passed)
print("GaussianNB theta", nb.theta_.ravel().tolist(), "var", nb.var_.ravel().tolist(), "prior", nb.class_prior_.tolist(),
      "P(pass | 3 h)", nb.predict_proba([[3.0]])[0, 1], "P(pass | 1 h), (5 h)", nb.predict_proba([[1.0], [5.0]])[:, 1].tolist())
lr = LogisticRegression(C=np.inf, tol=1e-12, max_iter=10000).fit(hours, passed)
print("logistic P(pass | 1, 3, 5 h)", lr.predict_proba([[1.0], [3.0], [5.0]])[:, 1].tolist())
grid = np.linspace(0, 6, 60001)[:, None]
pg = nb.predict_proba(grid)[:, 1]
print("NB boundary", grid[np.argmin(np.abs(pg - 0.5)), 0])

# a hard-margin-like linear SVM in one dimension
xs = np.array([-3, -2, -1, 1, 2, 4.0])[:, None]
ys = np.array([-1, -1, -1, 1, 1, 1.0])
svm = LinearSVC(C=1000, loss="hinge", tol=1e-12, max_iter=1000000).fit(xs, ys)
print("LinearSVC w", svm.coef_.tolist(), "b", svm.intercept_.tolist(), "margin 2/|w|", 2 / abs(svm.coef_[0, 0]))
for w in (1.0, 0.5):
    print("hinge losses at w =", w, [max(0, 1 - yv * w * xv) for xv, yv in zip(xs.ravel(), ys)])
print("distance-weighted votes: class 0", 1 / d[3] + 1 / d[1], "class 1", 1 / d[7])
print("NB posterior slope (mu1 - mu0)/var", (3.7 - 1.8) / 1.16, "logistic slope", lr.coef_[0, 0])
