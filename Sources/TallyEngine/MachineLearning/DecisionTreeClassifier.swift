import Foundation

/// How many features a tree considers at each split, as scikit-learn's `max_features`.
public enum MaxFeatures: Equatable, Sendable {
    /// All of them (sklearn's None, the decision tree's default).
    case all
    /// ⌊√nFeatures⌋, at least 1 (the random forest's default).
    case sqrt
    /// ⌊log₂ nFeatures⌋, at least 1.
    case log2
    /// A fixed number.
    case count(Int)

    func resolve(_ d: Int) -> Int {
        switch self {
        case .all: return d
        case .sqrt: return Swift.max(1, Int(Double(d).squareRoot()))
        case .log2: return Swift.max(1, Int(Foundation.log2(Double(d))))
        case .count(let k): return Swift.min(Swift.max(1, k), d)
        }
    }
}

/// A classification tree grown greedily, as `sklearn.tree.DecisionTreeClassifier(criterion="gini",
/// max_depth=None, min_samples_split=2, min_samples_leaf=1, max_features=None)` (CART, Breiman et
/// al. 1984, with scikit-learn's rules): each node takes the split x[f] ≤ t with the largest
/// decrease of weighted impurity, t halfway between consecutive distinct values; a node stays a
/// leaf when pure, at `maxDepth`, or below `minSamplesSplit`.
///
/// Features are examined in a random order from `RandomGenerator(seed: randomState)`, which only
/// matters for ties between equally good splits (and for which features `maxFeatures` draws);
/// scikit-learn's order differs, so tied splits may pick different features.
///
/// - `featureImportances`: shape [nFeatures], the normalised total impurity decrease per feature.
/// - `predictProba`: the class frequencies of the leaf, shape [nSamples, nClasses].
public final class DecisionTreeClassifier: Classifier {
    /// The impurity a split decreases: "gini" (default) or "entropy" (sklearn's `criterion`); others trap in `init`.
    public let criterion: String
    /// The deepest a leaf may lie (the root is depth 0); nil (default) grows until pure (sklearn's `max_depth`);
    /// traps in `init` if negative.
    public let maxDepth: Int?
    /// The fewest rows a node needs to be split, default 2 (sklearn's `min_samples_split`); traps in `init` if below 2.
    public let minSamplesSplit: Int
    /// The fewest rows each child of a split keeps, default 1 (sklearn's `min_samples_leaf`); traps in `init` if below 1.
    public let minSamplesLeaf: Int
    /// How many features each split considers, default `.all` (sklearn's `max_features=None`).
    public let maxFeatures: MaxFeatures
    /// The seed of the `RandomGenerator` that orders (and for `maxFeatures` draws) the features, default 0
    /// (sklearn's `random_state`; its stream differs).
    public let randomState: UInt64
    public private(set) var classes: [Double] = []
    /// The normalised total weighted impurity decrease per feature, shape [nFeatures], summing to 1 when
    /// any split was made; empty before `fit` (sklearn's `feature_importances_`).
    public private(set) var featureImportances = Tensor(shape: [0], data: [])
    var nodes: [TreeNode] = []
    private var features = 0

    /// The hyperparameters, defaulting to scikit-learn's (see the type's documentation); traps on
    /// invalid values, naming them.
    public init(criterion: String = "gini", maxDepth: Int? = nil, minSamplesSplit: Int = 2, minSamplesLeaf: Int = 1,
                maxFeatures: MaxFeatures = .all, randomState: UInt64 = 0) {
        engineRequire(criterion == "gini" || criterion == "entropy",
                     "DecisionTreeClassifier: criterion must be \"gini\" or \"entropy\", got \"\(criterion)\"")
        engineRequire(minSamplesSplit >= 2 && minSamplesLeaf >= 1 && (maxDepth ?? 1) >= 0,
                     "DecisionTreeClassifier: needs minSamplesSplit ≥ 2, minSamplesLeaf ≥ 1, maxDepth ≥ 0")
        (self.criterion, self.maxDepth, self.minSamplesSplit, self.minSamplesLeaf, self.maxFeatures, self.randomState) =
            (criterion, maxDepth, minSamplesSplit, minSamplesLeaf, maxFeatures, randomState)
    }

    /// The number of leaves.
    public var nLeaves: Int { nodes.filter { $0.feature < 0 }.count }
    /// The depth of the deepest leaf (0 for a single leaf).
    public var depth: Int { nodes.map(\.depth).max() ?? 0 }

    /// Learns from X [nSamples, nFeatures] and y [nSamples]; traps naming the shapes when they
    /// do not match. Returns the model.
    @discardableResult public func fit(_ X: Tensor, _ y: Tensor) -> Self {
        let samples = SampleMatrix(X, "DecisionTreeClassifier")
        let labels = targetValues(y, count: samples.n, "DecisionTreeClassifier")
        return fit(samples, labels, classes: Array(Set(labels)).sorted(),
                   sampleWeight: [Double](repeating: 1, count: samples.n))
    }

    /// Fits with a weight per row (a bootstrap's multiplicities, for instance), as sklearn's
    /// `fit(X, y, sample_weight=)`: weighted counts in the impurities, rows with weight 0 ignored.
    @discardableResult public func fit(_ X: Tensor, _ y: Tensor, sampleWeight: [Double]) -> Self {
        let samples = SampleMatrix(X, "DecisionTreeClassifier")
        let labels = targetValues(y, count: samples.n, "DecisionTreeClassifier")
        engineRequire(sampleWeight.count == samples.n,
                     "DecisionTreeClassifier: sampleWeight needs \(samples.n) values, got \(sampleWeight.count)")
        return fit(samples, labels, classes: Array(Set(labels)).sorted(), sampleWeight: sampleWeight)
    }

    func fit(_ samples: SampleMatrix, _ labels: [Double], classes: [Double], sampleWeight: [Double]) -> Self {
        self.classes = classes
        features = samples.d
        let index = Dictionary(uniqueKeysWithValues: classes.enumerated().map { ($1, $0) })
        var grower = TreeGrower(samples: samples, labels: labels.map { index[$0]! }, weights: sampleWeight,
                                classCount: classes.count, criterion: criterion == "gini" ? gini : entropy,
                                maxDepth: maxDepth ?? Int.max, minSamplesSplit: minSamplesSplit,
                                minSamplesLeaf: minSamplesLeaf, maxFeatures: maxFeatures.resolve(samples.d),
                                rng: RandomGenerator(seed: randomState))
        nodes = grower.grow(rows: (0..<samples.n).filter { sampleWeight[$0] > 0 })
        featureImportances = Tensor(treeImportances(nodes, features: samples.d))
        return self
    }

    /// Class probabilities, shape [nSamples, nClasses], columns in the order of `classes`; traps
    /// if not fitted or if X has another number of features than the training data.
    public func predictProba(_ X: Tensor) -> Tensor {
        engineRequire(!nodes.isEmpty, "DecisionTreeClassifier: call fit(X, y) before using the model")
        let samples = SampleMatrix(X, "DecisionTreeClassifier", features: features)
        return Tensor(shape: [samples.n, classes.count], data: (0..<samples.n).flatMap { i -> [Double] in
            var node = nodes[0]
            while node.feature >= 0 { node = nodes[samples[i, node.feature] <= node.threshold ? node.left : node.right] }
            let total = node.value.reduce(0, +)
            return node.value.map { $0 / total }
        })
    }
}

/// A node of a fitted tree: a split (feature ≥ 0) or a leaf (feature = −1).
struct TreeNode {
    var feature = -1, threshold = 0.0, left = -1, right = -1, depth = 0
    /// Weighted class counts of the training rows that reach the node.
    var value: [Double]
    var impurity: Double
    var weight: Double
}

/// The normalised weighted impurity decrease per feature (scikit-learn's feature_importances_).
func treeImportances(_ nodes: [TreeNode], features: Int) -> [Double] {
    var importance = [Double](repeating: 0, count: features)
    for node in nodes where node.feature >= 0 {
        let (l, r) = (nodes[node.left], nodes[node.right])
        importance[node.feature] += node.weight * node.impurity - l.weight * l.impurity - r.weight * r.impurity
    }
    let total = importance.reduce(0, +)
    return total > 0 ? importance.map { $0 / total } : importance
}

/// Grows a tree depth-first as scikit-learn's DepthFirstTreeBuilder and BestSplitter do.
private struct TreeGrower {
    let samples: SampleMatrix
    let labels: [Int]
    let weights: [Double]
    let classCount: Int
    let criterion: ([Double]) -> Double
    let maxDepth: Int, minSamplesSplit: Int, minSamplesLeaf: Int, maxFeatures: Int
    var rng: RandomGenerator
    /// scikit-learn's FEATURE_THRESHOLD: values closer than this count as equal.
    let featureThreshold = 1e-7

    func counts(_ rows: [Int]) -> [Double] {
        var c = [Double](repeating: 0, count: classCount)
        for i in rows { c[labels[i]] += weights[i] }
        return c
    }

    mutating func grow(rows: [Int]) -> [TreeNode] {
        var nodes: [TreeNode] = []
        // (rows, depth, parent index, is left child)
        var stack: [([Int], Int, Int, Bool)] = [(rows, 0, -1, false)]
        while let (rows, depth, parent, isLeft) = stack.popLast() {
            let value = counts(rows)
            let weight = value.reduce(0, +)
            var node = TreeNode(depth: depth, value: value, impurity: criterion(value), weight: weight)
            let index = nodes.count
            nodes.append(node)
            if parent >= 0 { if isLeft { nodes[parent].left = index } else { nodes[parent].right = index } }
            let leaf = depth >= maxDepth || rows.count < minSamplesSplit || rows.count < 2 * minSamplesLeaf
                || node.impurity <= Double.ulpOfOne
            guard !leaf, let split = bestSplit(rows, parentImpurity: node.impurity, parentWeight: weight) else { continue }
            node.feature = split.feature
            node.threshold = split.threshold
            nodes[index] = node
            let left = rows.filter { samples[$0, split.feature] <= split.threshold }
            let right = rows.filter { samples[$0, split.feature] > split.threshold }
            // Right pushed first so that the left subtree is numbered first, as scikit-learn's.
            stack.append((right, depth + 1, index, false))
            stack.append((left, depth + 1, index, true))
        }
        return nodes
    }

    mutating func bestSplit(_ rows: [Int], parentImpurity: Double, parentWeight: Double)
        -> (feature: Int, threshold: Double)? {
        var order = rng.permutation(samples.d)
        var best: (feature: Int, threshold: Double, proxy: Double)?
        var visited = 0
        while visited < maxFeatures, !order.isEmpty {
            let f = order.removeFirst()
            let sorted = rows.sorted { samples[$0, f] != samples[$1, f] ? samples[$0, f] < samples[$1, f] : $0 < $1 }
            let values = sorted.map { samples[$0, f] }
            // Constant features do not count towards maxFeatures, as in scikit-learn.
            if values.last! <= values.first! + featureThreshold { continue }
            visited += 1
            var left = [Double](repeating: 0, count: classCount)
            var right = counts(rows)
            for p in 1..<sorted.count {
                left[labels[sorted[p - 1]]] += weights[sorted[p - 1]]
                right[labels[sorted[p - 1]]] -= weights[sorted[p - 1]]
                if values[p] <= values[p - 1] + featureThreshold { continue }
                if p < minSamplesLeaf || sorted.count - p < minSamplesLeaf { continue }
                let (wl, wr) = (left.reduce(0, +), right.reduce(0, +))
                let proxy = -wl * criterion(left) - wr * criterion(right)
                if best == nil || proxy > best!.proxy {
                    var threshold = values[p - 1] / 2 + values[p] / 2
                    if threshold == values[p] || !threshold.isFinite { threshold = values[p - 1] }
                    best = (f, threshold, proxy)
                }
            }
        }
        return best.map { ($0.feature, $0.threshold) }
    }
}
