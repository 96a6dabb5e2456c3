import Foundation

/// k-nearest-neighbours classification, as `sklearn.neighbors.KNeighborsClassifier(n_neighbors=5,
/// weights="uniform")` with the Euclidean distance: each row takes the (weighted) vote of the
/// `nNeighbors` closest training rows; `weights: "distance"` weighs each vote by 1/distance (an
/// exact match takes the whole vote). Equally distant neighbours are taken in training order.
/// - Precondition: nNeighbors ≥ 1 and at most the number of training rows.
public final class KNeighborsClassifier: Classifier {
    /// How many nearest training rows vote, default 5 (sklearn's `n_neighbors`); traps in `init` if below 1,
    /// in `fit` if above the number of training rows.
    public let nNeighbors: Int
    /// "uniform" (default, equal votes) or "distance" (votes weighted 1/distance), as sklearn's `weights`;
    /// others trap in `init`.
    public let weights: String
    public private(set) var classes: [Double] = []
    private var training: SampleMatrix?
    private var labelIndex: [Int] = []

    /// The hyperparameters, defaulting to scikit-learn's (see the type's documentation); traps on
    /// invalid values, naming them.
    public init(nNeighbors: Int = 5, weights: String = "uniform") {
        engineRequire(nNeighbors >= 1, "KNeighborsClassifier: nNeighbors must be at least 1, got \(nNeighbors)")
        engineRequire(weights == "uniform" || weights == "distance",
                     "KNeighborsClassifier: weights must be \"uniform\" or \"distance\", got \"\(weights)\"")
        (self.nNeighbors, self.weights) = (nNeighbors, weights)
    }

    /// Learns from X [nSamples, nFeatures] and y [nSamples]; traps naming the shapes when they
    /// do not match. Returns the model.
    @discardableResult public func fit(_ X: Tensor, _ y: Tensor) -> Self {
        let samples = SampleMatrix(X, "KNeighborsClassifier")
        engineRequire(samples.n >= nNeighbors,
                     "KNeighborsClassifier: nNeighbors = \(nNeighbors) but X has only \(samples.n) rows (shape \(X.shape))")
        let labels = targetValues(y, count: samples.n, "KNeighborsClassifier")
        classes = Array(Set(labels)).sorted()
        let index = Dictionary(uniqueKeysWithValues: classes.enumerated().map { ($1, $0) })
        labelIndex = labels.map { index[$0]! }
        training = samples
        return self
    }

    /// The indices of the nNeighbors nearest training rows of each row, nearest first, and their
    /// distances; shapes [nSamples, nNeighbors] (sklearn's `kneighbors`).
    public func kneighbors(_ X: Tensor) -> (distances: Tensor, indices: [[Int]]) {
        guard let training else { engineFailure("KNeighborsClassifier: call fit(X, y) before using the model") }
        let queries = SampleMatrix(X, "KNeighborsClassifier", features: training.d)
        var distances: [Double] = [], indices: [[Int]] = []
        for i in 0..<queries.n {
            let d2 = (0..<training.n).map { squaredDistance(queries.row(i), training.row($0)) }
            let nearest = (0..<training.n).sorted { d2[$0] != d2[$1] ? d2[$0] < d2[$1] : $0 < $1 }.prefix(nNeighbors)
            indices.append(Array(nearest))
            distances += nearest.map { d2[$0].squareRoot() }
        }
        return (Tensor(shape: [queries.n, nNeighbors], data: distances), indices)
    }

    /// Class probabilities, shape [nSamples, nClasses], columns in the order of `classes`; traps
    /// if not fitted or if X has another number of features than the training data.
    public func predictProba(_ X: Tensor) -> Tensor {
        let (distances, indices) = kneighbors(X)
        let k = classes.count
        var out = [Double](repeating: 0, count: indices.count * k)
        for (i, neighbours) in indices.enumerated() {
            let d = distances.data[(i * nNeighbors)..<((i + 1) * nNeighbors)]
            let exact = d.contains(0)
            for (position, j) in neighbours.enumerated() {
                let distance = d[d.startIndex + position]
                let w = weights == "uniform" ? 1 : (exact ? (distance == 0 ? 1 : 0) : 1 / distance)
                out[i * k + labelIndex[j]] += w
            }
            let total = out[(i * k)..<((i + 1) * k)].reduce(0, +)
            for c in 0..<k { out[i * k + c] /= total }
        }
        return Tensor(shape: [indices.count, k], data: out)
    }
}
