import Foundation

// Discounted cumulative gain with linear gains, as scikit-learn's `dcg_score`/`ndcg_score`:
// DCG@k = Σ_{i=1..k} relᵢ / log₂(i + 1).

/// DCG@k of relevances listed in ranked order (best-ranked first); all of them when k is nil.
public func dcg(relevances: [Double], k: Int? = nil) -> Double {
    relevances.prefix(k ?? relevances.count).enumerated().reduce(0) {
        $0 + $1.element * discount(rank: $1.offset)
    }
}

/// DCG@k divided by the DCG@k of the ideal order, in [0, 1] for non-negative relevances,
/// e.g. `ndcg(relevances: [3, 2, 3, 0, 1, 2], k: 6)`. 0 when every relevance is 0.
public func ndcg(relevances: [Double], k: Int? = nil) -> Double {
    normalized(dcg(relevances: relevances, k: k), relevances: relevances, k: k)
}

/// DCG@k of items ranked by descending score. Items with equal scores share their ranks:
/// each gets the mean discount of the positions the group occupies, which is the
/// average DCG over all orders of the tie (scikit-learn's `ignore_ties=False`).
public func dcg(relevances: [Double], scores: [Double], k: Int? = nil) -> Double {
    engineRequire(relevances.count == scores.count, "dcg: one score per relevance")
    let cutoff = k ?? relevances.count
    let order = scores.indices.sorted { scores[$0] > scores[$1] }
    var total = 0.0
    var start = 0
    while start < order.count && start < cutoff {
        var end = start
        while end < order.count && scores[order[end]] == scores[order[start]] { end += 1 }
        let group = order[start..<end]
        let meanGain = group.reduce(0) { $0 + relevances[$1] } / Double(group.count)
        let discounts = (start..<min(end, cutoff)).reduce(0) { $0 + discount(rank: $1) }
        total += meanGain * discounts
        start = end
    }
    return total
}

/// NDCG@k of items ranked by descending score, ties handled as in `dcg(relevances:scores:k:)`.
public func ndcg(relevances: [Double], scores: [Double], k: Int? = nil) -> Double {
    normalized(dcg(relevances: relevances, scores: scores, k: k), relevances: relevances, k: k)
}

/// 1 / log₂(rank + 2) for a 0-based rank.
private func discount(rank: Int) -> Double { 1 / log2(Double(rank) + 2) }

private func normalized(_ value: Double, relevances: [Double], k: Int?) -> Double {
    engineRequire(k.map { $0 > 0 } ?? true, "ndcg: k must be positive")
    let ideal = dcg(relevances: relevances.sorted(by: >), k: k)
    return ideal == 0 ? 0 : value / ideal
}
