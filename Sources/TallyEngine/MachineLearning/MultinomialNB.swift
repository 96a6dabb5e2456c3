import Foundation

/// Multinomial naive Bayes for count features (e.g. word counts), as
/// `sklearn.naive_bayes.MultinomialNB(alpha=1.0)`: P(feature j | c) ∝ count_cj + alpha
/// (Laplace/Lidstone smoothing), priors the class frequencies.
///
/// - `featureLogProb`: shape [nClasses, nFeatures]; `classLogPrior`: shape [nClasses].
/// - Precondition: alpha ≥ 0 and no negative feature value.
public final class MultinomialNB: Classifier {
    /// The additive (Laplace/Lidstone) smoothing count, default 1.0 (sklearn's `alpha`); traps in `init` if negative.
    public let alpha: Double
    public private(set) var classes: [Double] = []
    /// log P(feature j | class c), shape [nClasses, nFeatures], rows in the order of `classes` (sklearn's `feature_log_prob_`).
    public private(set) var featureLogProb = Tensor(shape: [0, 0], data: [])
    /// log of the class frequencies, shape [nClasses] (sklearn's `class_log_prior_`).
    public private(set) var classLogPrior = Tensor(shape: [0], data: [])

    /// The hyperparameters, defaulting to scikit-learn's (see the type's documentation); traps on
    /// invalid values, naming them.
    public init(alpha: Double = 1.0) {
        engineRequire(alpha >= 0, "MultinomialNB: alpha must be non-negative, got \(alpha)")
        self.alpha = alpha
    }

    /// Learns from X [nSamples, nFeatures] and y [nSamples]; traps naming the shapes when they
    /// do not match. Returns the model.
    @discardableResult public func fit(_ X: Tensor, _ y: Tensor) -> Self {
        let samples = SampleMatrix(X, "MultinomialNB")
        engineRequire(samples.values.allSatisfy { $0 >= 0 }, "MultinomialNB: X must hold non-negative counts")
        let labels = targetValues(y, count: samples.n, "MultinomialNB")
        classes = Array(Set(labels)).sorted()
        let d = samples.d
        var logProb: [Double] = [], logPrior: [Double] = []
        for c in classes {
            let members = (0..<samples.n).filter { labels[$0] == c }
            let counts = (0..<d).map { j in members.reduce(0) { $0 + samples[$1, j] } + alpha }
            let total = counts.reduce(0, +)
            logProb += counts.map { log($0) - log(total) }
            logPrior.append(log(Double(members.count)) - log(Double(samples.n)))
        }
        featureLogProb = Tensor(shape: [classes.count, d], data: logProb)
        classLogPrior = Tensor(logPrior)
        return self
    }

    /// X·featureLogProbᵀ + classLogPrior, shape [nSamples, nClasses].
    public func jointLogLikelihood(_ X: Tensor) -> Tensor {
        engineRequire(!classes.isEmpty, "MultinomialNB: call fit(X, y) before using the model")
        _ = SampleMatrix(X, "MultinomialNB", features: featureLogProb.shape[1])
        return matmul(X, featureLogProb, transposeB: true) + classLogPrior
    }

    /// Class probabilities, shape [nSamples, nClasses], columns in the order of `classes`; traps
    /// if not fitted or if X has another number of features than the training data.
    public func predictProba(_ X: Tensor) -> Tensor { normalizedExp(jointLogLikelihood(X)) }
}
