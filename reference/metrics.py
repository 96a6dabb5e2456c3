"""Reference values for TallyEngine's classification and ranking metrics.

numpy and the standard library only; shares no code with the engine, and where it can it
uses a different formulation of the same quantity:
  - ROC AUC as the Mann-Whitney statistic: the fraction of (positive, negative) pairs in
    which the positive scores higher, ties counting 1/2 (equal to scikit-learn's tie-aware
    trapezoid roc_auc_score).
  - Average precision as the mean, over positive items, of the precision at that item's
    score (all items scoring at least as high predicted positive); equal to scikit-learn's
    average_precision_score sum over thresholds of (R_n - R_{n-1}) P_n.
  - ROC and PR points by brute force, one threshold at a time.
  - DCG with tied scores as the plain average over every order of the tied items.
Prints JSON: a list of cases, each with its inputs and expected values.
"""
import itertools
import json
import math

import numpy as np


def binary_case(rng, n, decimals):
    actual = rng.integers(0, 2, n)
    actual[:2] = [0, 1]  # both classes present
    # Rounded scores give ties; positives score higher on average.
    scores = np.round(np.clip(rng.normal(0.4 + 0.25 * actual, 0.2), 0, 1), decimals)
    predicted = (scores >= 0.5).astype(int)
    pos, neg = scores[actual == 1], scores[actual == 0]

    pairs = (pos[:, None] > neg[None, :]) + 0.5 * (pos[:, None] == neg[None, :])
    thresholds = np.unique(scores)[::-1]
    fpr = [0.0] + [float(np.mean(neg >= t)) for t in thresholds]
    tpr = [0.0] + [float(np.mean(pos >= t)) for t in thresholds]
    precisions = [1.0] + [float(np.mean(actual[scores >= t])) for t in thresholds]
    ap = np.mean([np.mean(actual[scores >= s]) for s in pos])

    tp = int(np.sum((predicted == 1) & (actual == 1)))
    fp = int(np.sum((predicted == 1) & (actual == 0)))
    fn = int(np.sum((predicted == 0) & (actual == 1)))
    precision, recall = tp / (tp + fp), tp / (tp + fn)
    return {
        "actual": actual.tolist(),
        "scores": scores.tolist(),
        "predicted": predicted.tolist(),
        "accuracy": float(np.mean(actual == predicted)),
        "precision": precision,
        "recall": recall,
        "f1": 2 * precision * recall / (precision + recall),
        "roc_auc": float(pairs.mean()),
        "roc_thresholds": thresholds.tolist(),  # after the starting +inf
        "fpr": fpr,
        "tpr": tpr,
        "average_precision": float(ap),
        "pr_precisions": precisions,
        "pr_recalls": tpr,
        "pr_trapezoid": float(np.trapezoid(precisions, tpr)),
    }


def multiclass_case(rng, n, classes):
    actual = rng.integers(0, classes, n)
    # Mostly right, sometimes a random class.
    predicted = np.where(rng.random(n) < 0.6, actual, rng.integers(0, classes, n))
    labels = np.unique(np.concatenate([actual, predicted]))
    index = {label: i for i, label in enumerate(labels)}
    counts = np.zeros((len(labels), len(labels)), dtype=int)
    np.add.at(counts, ([index[a] for a in actual], [index[p] for p in predicted]), 1)
    recalls = [np.mean(predicted[actual == c] == c) for c in labels if np.any(actual == c)]
    return {
        "actual": actual.tolist(),
        "predicted": predicted.tolist(),
        "labels": labels.tolist(),
        "counts": counts.tolist(),
        "balanced_accuracy": float(np.mean(recalls)),
    }


def dcg_by_order(relevances, k):
    return sum(r / math.log2(i + 2) for i, r in enumerate(relevances[:k]))


def ranking_case(rng, n, k):
    relevances = rng.integers(0, 4, n).astype(float)
    scores = rng.integers(0, 4, n).astype(float)  # few distinct values: many ties
    groups = [[i for i in range(n) if scores[i] == s] for s in sorted(set(scores), reverse=True)]
    orders = [sum(parts, ()) for parts in itertools.product(*(itertools.permutations(g) for g in groups))]
    dcg = float(np.mean([dcg_by_order([relevances[i] for i in order], k) for order in orders]))
    ideal = dcg_by_order(sorted(relevances, reverse=True), k)
    return {
        "relevances": relevances.tolist(),
        "scores": scores.tolist(),
        "k": k,
        "dcg": dcg,
        "ndcg": dcg / ideal if ideal > 0 else 0.0,
        "ranked_dcg": dcg_by_order(list(relevances), k),  # relevances taken as already ranked
        "ranked_ndcg": dcg_by_order(list(relevances), k) / ideal if ideal > 0 else 0.0,
    }


rng = np.random.default_rng(20240611)
print(json.dumps({
    "binary": [binary_case(rng, 40, 1), binary_case(rng, 200, 2), binary_case(rng, 15, 1)],
    "multiclass": [multiclass_case(rng, 60, 4), multiclass_case(rng, 25, 3)],
    "ranking": [ranking_case(rng, 8, 5), ranking_case(rng, 7, 7), ranking_case(rng, 8, 3)],
}))
