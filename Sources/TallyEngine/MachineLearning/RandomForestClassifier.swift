/// A random forest, as `sklearn.ensemble.RandomForestClassifier(n_estimators=100,
/// criterion="gini", max_features="sqrt", bootstrap=True)` (Breiman 2001): each tree is grown on
/// a bootstrap sample of the rows (as multiplicities, the way scikit-learn weighs them) with a
/// random subset of `maxFeatures` features tried at each split; probabilities are the trees'
/// average and feature importances the trees' average importances, renormalised.
///
/// Seeded by `randomState` through `RandomGenerator` (scikit-learn's stream differs); pass
/// `bootstrapIndices` to `fit` to grow on given resamples instead (with `maxFeatures: .all` the
/// forest is then determined up to ties, for comparison with scikit-learn's trees).
public final class RandomForestClassifier: Classifier {
    /// The number of trees, default 100 (sklearn's `n_estimators`); traps in `init` if below 1.
    public let nEstimators: Int
    /// The trees' impurity, "gini" (default) or "entropy" (sklearn's `criterion`); others trap in `fit`.
    public let criterion: String
    /// The trees' maximum depth, nil (default) for unlimited (sklearn's `max_depth`).
    public let maxDepth: Int?
    /// How many features each split considers, default `.sqrt` (sklearn's `max_features="sqrt"`).
    public let maxFeatures: MaxFeatures
    /// Whether each tree grows on a bootstrap resample of the rows (default true) or on all of them (sklearn's `bootstrap`).
    public let bootstrap: Bool
    /// The seed of the resamples and the trees' feature draws, default 0 (sklearn's `random_state`; its stream differs).
    public let randomState: UInt64
    public private(set) var classes: [Double] = []
    /// The fitted trees, `nEstimators` of them (or one per `bootstrapIndices` entry) (sklearn's `estimators_`).
    public private(set) var estimators: [DecisionTreeClassifier] = []
    /// The trees' average feature importances, renormalised to sum to 1, shape [nFeatures] (sklearn's `feature_importances_`).
    public private(set) var featureImportances = Tensor(shape: [0], data: [])

    /// The hyperparameters, defaulting to scikit-learn's (see the type's documentation); traps on
    /// invalid values, naming them.
    public init(nEstimators: Int = 100, criterion: String = "gini", maxDepth: Int? = nil,
                maxFeatures: MaxFeatures = .sqrt, bootstrap: Bool = true, randomState: UInt64 = 0) {
        engineRequire(nEstimators >= 1, "RandomForestClassifier: nEstimators must be at least 1, got \(nEstimators)")
        (self.nEstimators, self.criterion, self.maxDepth, self.maxFeatures, self.bootstrap, self.randomState) =
            (nEstimators, criterion, maxDepth, maxFeatures, bootstrap, randomState)
    }

    /// Learns from X [nSamples, nFeatures] and y [nSamples]; traps naming the shapes when they
    /// do not match. Returns the model.
    @discardableResult public func fit(_ X: Tensor, _ y: Tensor) -> Self {
        let n = SampleMatrix(X, "RandomForestClassifier").n
        var rng = RandomGenerator(seed: randomState)
        let indices = (0..<nEstimators).map { _ in bootstrap ? (0..<n).map { _ in rng.integer(below: n) } : Array(0..<n) }
        return fit(X, y, bootstrapIndices: indices)
    }

    /// Grows one tree per entry of `bootstrapIndices`, on the rows it lists (with repetition).
    @discardableResult public func fit(_ X: Tensor, _ y: Tensor, bootstrapIndices: [[Int]]) -> Self {
        let samples = SampleMatrix(X, "RandomForestClassifier")
        let labels = targetValues(y, count: samples.n, "RandomForestClassifier")
        engineRequire(!bootstrapIndices.isEmpty, "RandomForestClassifier: needs at least one tree")
        classes = Array(Set(labels)).sorted()
        var rng = RandomGenerator(seed: randomState &+ 0x9E37_79B9)
        estimators = bootstrapIndices.map { indices in
            var weights = [Double](repeating: 0, count: samples.n)
            for i in indices {
                engineRequire((0..<samples.n).contains(i), "RandomForestClassifier: bootstrap index \(i) outside 0..<\(samples.n)")
                weights[i] += 1
            }
            let tree = DecisionTreeClassifier(criterion: criterion, maxDepth: maxDepth, maxFeatures: maxFeatures,
                                              randomState: rng.next())
            return tree.fit(samples, labels, classes: classes, sampleWeight: weights)
        }
        let grown = estimators.filter { $0.nodes.count > 1 }
        var importance = [Double](repeating: 0, count: samples.d)
        for tree in grown { for j in 0..<samples.d { importance[j] += tree.featureImportances.data[j] / Double(grown.count) } }
        let total = importance.reduce(0, +)
        featureImportances = Tensor(total > 0 ? importance.map { $0 / total } : importance)
        return self
    }

    /// Class probabilities, shape [nSamples, nClasses], columns in the order of `classes`; traps
    /// if not fitted or if X has another number of features than the training data.
    public func predictProba(_ X: Tensor) -> Tensor {
        engineRequire(!estimators.isEmpty, "RandomForestClassifier: call fit(X, y) before using the model")
        var sum = estimators[0].predictProba(X)
        for tree in estimators.dropFirst() { sum = sum + tree.predictProba(X) }
        return sum / Double(estimators.count)
    }
}
