/// Splits rows into a training and a test part, as `sklearn.model_selection.train_test_split(X, y,
/// test_size=0.25, shuffle=True)`: ⌈testSize·n⌉ rows for testing, the rest for training, after a
/// seeded shuffle (`RandomGenerator(seed:)`'s permutation; scikit-learn's stream differs), or in
/// order when `shuffle` is false (the last rows test).
/// - Returns: (XTrain, XTest, yTrain, yTest).
/// - Precondition: 0 < testSize < 1, y has one entry per row of X.
public func trainTestSplit(_ X: Tensor, _ y: Tensor, testSize: Double = 0.25, shuffle: Bool = true,
                           seed: UInt64 = 0) -> (XTrain: Tensor, XTest: Tensor, yTrain: Tensor, yTest: Tensor) {
    let n = SampleMatrix(X, "trainTestSplit").n
    _ = targetValues(y, count: n, "trainTestSplit")
    engineRequire(testSize > 0 && testSize < 1, "trainTestSplit: testSize must lie strictly between 0 and 1, got \(testSize)")
    let nTest = Int((testSize * Double(n)).rounded(.up))
    engineRequire(nTest < n, "trainTestSplit: testSize \(testSize) leaves no training rows out of \(n)")
    var rng = RandomGenerator(seed: seed)
    let order = shuffle ? rng.permutation(n) : Array(0..<n)
    let (train, test) = shuffle ? (Array(order[nTest...]), Array(order[..<nTest])) : (Array(order[..<(n - nTest)]), Array(order[(n - nTest)...]))
    return (X.rows(train), X.rows(test), y.rows(train), y.rows(test))
}

/// One split of a cross-validation: row indices to train on and to test on.
public typealias Fold = (train: [Int], test: [Int])

/// K consecutive folds, as `sklearn.model_selection.KFold(n_splits=5, shuffle=False)`: the first
/// n mod k folds have ⌊n/k⌋ + 1 rows, the others ⌊n/k⌋; with `shuffle`, the rows are first permuted
/// by `RandomGenerator(seed:)`.
public struct KFold {
    /// The number of folds k, default 5 (sklearn's `n_splits`); `init` traps if below 2, `split` if above n.
    public let nSplits: Int
    /// Whether to permute the rows before cutting the folds, default false (sklearn's `shuffle`).
    public let shuffle: Bool
    /// The `RandomGenerator` seed of the shuffle, default 0; unused without `shuffle` (sklearn's `random_state`).
    public let seed: UInt64

    /// The hyperparameters, defaulting to scikit-learn's (see the type's documentation); traps on
    /// invalid values, naming them.
    public init(nSplits: Int = 5, shuffle: Bool = false, seed: UInt64 = 0) {
        engineRequire(nSplits >= 2, "KFold: nSplits must be at least 2, got \(nSplits)")
        (self.nSplits, self.shuffle, self.seed) = (nSplits, shuffle, seed)
    }

    /// The folds of n rows. - Precondition: n ≥ nSplits.
    public func split(_ n: Int) -> [Fold] {
        engineRequire(n >= nSplits, "KFold: cannot split \(n) rows into \(nSplits) folds")
        var rng = RandomGenerator(seed: seed)
        let order = shuffle ? rng.permutation(n) : Array(0..<n)
        var folds: [Fold] = [], start = 0
        for k in 0..<nSplits {
            let size = n / nSplits + (k < n % nSplits ? 1 : 0)
            let test = Array(order[start..<(start + size)])
            let testSet = Set(test)
            folds.append((order.filter { !testSet.contains($0) }.sorted(), test.sorted()))
            start += size
        }
        return folds
    }
}

/// Folds that keep each class's share, as `sklearn.model_selection.StratifiedKFold(n_splits=5,
/// shuffle=False)` and its allocation rule: classes numbered by first appearance, the sorted class
/// sequence dealt round-robin to the folds to fix how many of each class each fold gets, and each
/// class's rows assigned to folds in order.
public struct StratifiedKFold {
    /// The number of folds k, default 5 (sklearn's `n_splits`); `init` traps if below 2, `split` if above n.
    public let nSplits: Int

    /// The hyperparameters, defaulting to scikit-learn's (see the type's documentation); traps on
    /// invalid values, naming them.
    public init(nSplits: Int = 5) {
        engineRequire(nSplits >= 2, "StratifiedKFold: nSplits must be at least 2, got \(nSplits)")
        self.nSplits = nSplits
    }

    /// The folds for labels y (shape [n]).
    public func split(_ y: Tensor) -> [Fold] {
        let labels = y.data
        engineRequire(labels.count >= nSplits, "StratifiedKFold: cannot split \(labels.count) rows into \(nSplits) folds")
        var firstSeen: [Double: Int] = [:]
        for label in labels where firstSeen[label] == nil { firstSeen[label] = firstSeen.count }
        // scikit-learn numbers classes by the order of their first appearance in sorted-unique order
        // of first indices, which is the order of first appearance.
        let encoded = labels.map { firstSeen[$0]! }
        let k = firstSeen.count
        let sortedCodes = encoded.sorted()
        var allocation = [[Int]](repeating: [Int](repeating: 0, count: k), count: nSplits)
        for (position, code) in sortedCodes.enumerated() { allocation[position % nSplits][code] += 1 }
        var testFold = [Int](repeating: 0, count: labels.count)
        for code in 0..<k {
            let foldsForClass = (0..<nSplits).flatMap { fold in [Int](repeating: fold, count: allocation[fold][code]) }
            for (slot, row) in encoded.indices.filter({ encoded[$0] == code }).enumerated() { testFold[row] = foldsForClass[slot] }
        }
        return (0..<nSplits).map { fold in
            (labels.indices.filter { testFold[$0] != fold }, labels.indices.filter { testFold[$0] == fold })
        }
    }
}

/// The score of a fresh model per fold, as `sklearn.model_selection.cross_val_score(estimator, X, y,
/// cv=5)`: StratifiedKFold for classifiers and KFold (unshuffled) otherwise, scored with the
/// model's `score` (accuracy or R²). Returns one score per fold.
public func crossValScore(_ makeEstimator: () -> Estimator, _ X: Tensor, _ y: Tensor, cv: Int = 5) -> [Double] {
    let n = SampleMatrix(X, "crossValScore").n
    _ = targetValues(y, count: n, "crossValScore")
    let folds = makeEstimator() is Classifier ? StratifiedKFold(nSplits: cv).split(y) : KFold(nSplits: cv).split(n)
    return folds.map { fold in
        makeEstimator().fit(X.rows(fold.train), y.rows(fold.train)).score(X.rows(fold.test), y.rows(fold.test))
    }
}
