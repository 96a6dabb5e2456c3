import Foundation

/// k-means clustering by Lloyd's algorithm, as `sklearn.cluster.KMeans(n_clusters=8,
/// init="k-means++", max_iter=300, tol=1e-4)`.
///
/// Starts from `initialCenters` when given (as sklearn's `init=array`: the same start gives the
/// same clusters as scikit-learn), else from greedy k-means++ (Arthur & Vassilvitskii 2007, with
/// scikit-learn's 2 + ⌊ln k⌋ candidates per step) drawn from `RandomGenerator(seed: randomState)`
/// (scikit-learn's random stream differs, so only the passed-in start compares exactly).
/// Iterates until the labels stop changing or the centers move less than tol × the mean feature
/// variance (squared, summed), as scikit-learn; a cluster that loses all its points keeps its center.
///
/// - `clusterCenters`: shape [nClusters, nFeatures]; `labels`: shape [nSamples]; `inertia`: the
///   sum of squared distances to the closest center.
/// - Precondition: 1 ≤ nClusters ≤ nSamples; `initialCenters`, if given, has shape [nClusters, nFeatures].
public final class KMeans {
    /// The number of clusters k, default 8 (sklearn's `n_clusters`); `init` traps if below 1, `fit` if above nSamples.
    public let nClusters: Int
    /// The most Lloyd iterations, default 300 (sklearn's `max_iter`).
    public let maxIter: Int
    /// Stop when the centers' squared shift is at most tol × the mean feature variance, default 1e-4 (sklearn's `tol`).
    public let tol: Double
    /// The seed of the k-means++ start, default 0; unused with `initialCenters` (sklearn's `random_state`).
    public let randomState: UInt64
    /// The starting centers, shape [nClusters, nFeatures], or nil (default) for k-means++ (sklearn's `init=array`);
    /// traps in `init`/`fit` on another shape.
    public let initialCenters: Tensor?
    /// The final centers, shape [nClusters, nFeatures]; empty before `fit` (sklearn's `cluster_centers_`).
    public private(set) var clusterCenters = Tensor(shape: [0, 0], data: [])
    /// Each training row's cluster index 0..<nClusters (as Double), shape [nSamples] (sklearn's `labels_`).
    public private(set) var labels = Tensor(shape: [0], data: [])
    /// The sum of squared Euclidean distances of the rows to their closest center (sklearn's `inertia_`).
    public private(set) var inertia = 0.0
    /// Lloyd iterations run.
    public private(set) var nIter = 0

    /// The hyperparameters, defaulting to scikit-learn's (see the type's documentation); traps on
    /// invalid values, naming them.
    public init(nClusters: Int = 8, initialCenters: Tensor? = nil, maxIter: Int = 300, tol: Double = 1e-4,
                randomState: UInt64 = 0) {
        engineRequire(nClusters >= 1, "KMeans: nClusters must be at least 1, got \(nClusters)")
        engineRequire(initialCenters.map { $0.rank == 2 && $0.shape[0] == nClusters } ?? true,
                     "KMeans: initialCenters must have shape [\(nClusters), nFeatures], got \(initialCenters!.shape)")
        (self.nClusters, self.initialCenters, self.maxIter, self.tol, self.randomState) =
            (nClusters, initialCenters, maxIter, tol, randomState)
    }

    /// Clusters the rows of X [nSamples, nFeatures].
    @discardableResult public func fit(_ X: Tensor) -> Self {
        let samples = SampleMatrix(X, "KMeans")
        engineRequire(samples.n >= nClusters, "KMeans: \(nClusters) clusters need at least as many rows, X has shape \(X.shape)")
        if let initialCenters {
            engineRequire(initialCenters.shape[1] == samples.d,
                         "KMeans: initialCenters has shape \(initialCenters.shape) but X has \(samples.d) features")
        }
        let (n, d, k) = (samples.n, samples.d, nClusters)
        var centers = initialCenters?.data ?? kMeansPlusPlus(samples, k: k, seed: randomState)
        let variances = (0..<d).map { j in populationVariance((0..<n).map { samples[$0, j] }) }
        let threshold = tol * variances.reduce(0, +) / Double(d)
        var assignment = [Int](repeating: -1, count: n)
        nIter = 0
        for _ in 0..<maxIter {
            let newAssignment = nearestCenters(samples, centers, k).labels
            var sums = [Double](repeating: 0, count: k * d), counts = [Int](repeating: 0, count: k)
            for i in 0..<n {
                counts[newAssignment[i]] += 1
                for j in 0..<d { sums[newAssignment[i] * d + j] += samples[i, j] }
            }
            var shift = 0.0
            for c in 0..<k where counts[c] > 0 {
                for j in 0..<d {
                    let updated = sums[c * d + j] / Double(counts[c])
                    shift += (updated - centers[c * d + j]) * (updated - centers[c * d + j])
                    centers[c * d + j] = updated
                }
            }
            nIter += 1
            if newAssignment == assignment { break }
            assignment = newAssignment
            if shift <= threshold { break }
        }
        // The labels of the final centers (scikit-learn's last E-step).
        let final = nearestCenters(samples, centers, k)
        clusterCenters = Tensor(shape: [k, d], data: centers)
        labels = Tensor(final.labels.map(Double.init))
        inertia = final.inertia
        return self
    }

    /// The index of the closest center for each row of X, shape [nSamples].
    public func predict(_ X: Tensor) -> Tensor {
        engineRequire(clusterCenters.count > 0, "KMeans: call fit(X) before using the model")
        let samples = SampleMatrix(X, "KMeans", features: clusterCenters.shape[1])
        return Tensor(nearestCenters(samples, clusterCenters.data, nClusters).labels.map(Double.init))
    }

    /// Fits and returns the labels, as sklearn's `fit_predict`.
    public func fitPredict(_ X: Tensor) -> Tensor { fit(X).labels }
}

/// Each row's closest center (the first on ties) and the sum of squared distances.
private func nearestCenters(_ samples: SampleMatrix, _ centers: [Double], _ k: Int) -> (labels: [Int], inertia: Double) {
    var labels = [Int](repeating: 0, count: samples.n)
    var inertia = 0.0
    let d = samples.d
    for i in 0..<samples.n {
        var best = 0, bestDistance = Double.infinity
        for c in 0..<k {
            let distance = squaredDistance(samples.row(i), centers[(c * d)..<((c + 1) * d)])
            if distance < bestDistance { (best, bestDistance) = (c, distance) }
        }
        labels[i] = best
        inertia += bestDistance
    }
    return (labels, inertia)
}

/// Greedy k-means++: the first center uniformly, each next one the best (lowest potential) of
/// 2 + ⌊ln k⌋ candidates drawn with probability proportional to the squared distance to the
/// closest chosen center.
private func kMeansPlusPlus(_ samples: SampleMatrix, k: Int, seed: UInt64) -> [Double] {
    var rng = RandomGenerator(seed: seed)
    let n = samples.n
    let trials = 2 + Int(log(Double(k)))
    var chosen = [rng.integer(below: n)]
    var closest = (0..<n).map { squaredDistance(samples.row($0), samples.row(chosen[0])) }
    for _ in 1..<k {
        let potential = closest.reduce(0, +)
        var best = chosen[0], bestPotential = Double.infinity, bestClosest = closest
        for _ in 0..<trials {
            // The candidate whose cumulative distance passes a uniform draw of the potential.
            let target = rng.uniform() * potential
            var cumulative = 0.0, candidate = n - 1
            for i in 0..<n {
                cumulative += closest[i]
                if cumulative > target { candidate = i; break }
            }
            let updated = (0..<n).map { Swift.min(closest[$0], squaredDistance(samples.row($0), samples.row(candidate))) }
            let candidatePotential = updated.reduce(0, +)
            if candidatePotential < bestPotential { (best, bestPotential, bestClosest) = (candidate, candidatePotential, updated) }
        }
        chosen.append(best)
        closest = bestClosest
    }
    return chosen.flatMap { Array(samples.row($0)) }
}
