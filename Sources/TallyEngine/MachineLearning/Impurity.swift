import Foundation

/// The Gini impurity 1 − Σ pₖ² of class counts (or weights), as scikit-learn's "gini" criterion:
/// 0 for a pure node, 1 − 1/K for K equally frequent classes. Returns 0 for no samples.
public func gini(_ counts: [Double]) -> Double {
    let total = counts.reduce(0, +)
    guard total > 0 else { return 0 }
    return 1 - counts.reduce(0) { $0 + ($1 / total) * ($1 / total) }
}

/// The Shannon entropy −Σ pₖ·log₂ pₖ of class counts, in bits, as scikit-learn's "entropy"
/// criterion (which uses base 2): 1 for two equally frequent classes.
public func entropy(_ counts: [Double]) -> Double {
    let total = counts.reduce(0, +)
    guard total > 0 else { return 0 }
    return counts.reduce(0) { $1 > 0 ? $0 - ($1 / total) * log2($1 / total) : $0 }
}

/// The information gain of a split: the parent's impurity minus the children's impurities
/// weighted by their share of the samples, I(parent) − Σ (nᵢ/n)·I(childᵢ). `criterion` is "entropy"
/// (default: the gain in bits) or "gini".
/// - Precondition: each child has as many class counts as the parent, and they add up to it.
public func informationGain(parent: [Double], children: [[Double]], criterion: String = "entropy") -> Double {
    precondition(criterion == "gini" || criterion == "entropy",
                 "informationGain: criterion must be \"gini\" or \"entropy\", got \"\(criterion)\"")
    precondition(children.allSatisfy { $0.count == parent.count },
                 "informationGain: each child needs \(parent.count) class counts, got \(children.map(\.count))")
    let impurity = criterion == "gini" ? gini : entropy
    let total = parent.reduce(0, +)
    return impurity(parent) - children.reduce(0) { $0 + $1.reduce(0, +) / total * impurity($1) }
}
