import Foundation

/// Gaussian naive Bayes, as `sklearn.naive_bayes.GaussianNB(var_smoothing=1e-9)`: per class, each
/// feature is normal with the class's mean and (population) variance, plus
/// varSmoothing·(largest feature variance) for stability; priors are the class frequencies.
///
/// - `theta`, `variance`: shape [nClasses, nFeatures] (sklearn's `theta_`, `var_`).
/// - `classPrior`: shape [nClasses].
public final class GaussianNB: Classifier {
    /// The share of the largest feature variance added to every variance, default 1e-9 (sklearn's
    /// `var_smoothing`); not checked.
    public let varSmoothing: Double
    public private(set) var classes: [Double] = []
    /// Per-class feature means, shape [nClasses, nFeatures], rows in the order of `classes` (sklearn's `theta_`).
    public private(set) var theta = Tensor(shape: [0, 0], data: [])
    /// Per-class population feature variances plus the smoothing, shape [nClasses, nFeatures] (sklearn's `var_`).
    public private(set) var variance = Tensor(shape: [0, 0], data: [])
    /// The class frequencies in the training data, shape [nClasses] (sklearn's `class_prior_`).
    public private(set) var classPrior = Tensor(shape: [0], data: [])

    /// The hyperparameters, defaulting to scikit-learn's (see the type's documentation); traps on
    /// invalid values, naming them.
    public init(varSmoothing: Double = 1e-9) { self.varSmoothing = varSmoothing }

    /// Learns from X [nSamples, nFeatures] and y [nSamples]; traps naming the shapes when they
    /// do not match. Returns the model.
    @discardableResult public func fit(_ X: Tensor, _ y: Tensor) -> Self {
        let samples = SampleMatrix(X, "GaussianNB")
        let labels = targetValues(y, count: samples.n, "GaussianNB")
        classes = Array(Set(labels)).sorted()
        let d = samples.d
        let overall = (0..<d).map { j in populationVariance((0..<samples.n).map { samples[$0, j] }) }
        let epsilon = varSmoothing * (overall.max() ?? 0)
        var means: [Double] = [], variances: [Double] = [], priors: [Double] = []
        for c in classes {
            let members = (0..<samples.n).filter { labels[$0] == c }
            for j in 0..<d {
                let column = members.map { samples[$0, j] }
                means.append(mean(column))
                variances.append(populationVariance(column) + epsilon)
            }
            priors.append(Double(members.count) / Double(samples.n))
        }
        theta = Tensor(shape: [classes.count, d], data: means)
        variance = Tensor(shape: [classes.count, d], data: variances)
        classPrior = Tensor(priors)
        return self
    }

    /// log P(c) + Σⱼ log N(xⱼ; θ_cj, σ²_cj), shape [nSamples, nClasses] (sklearn's joint log likelihood).
    public func jointLogLikelihood(_ X: Tensor) -> Tensor {
        engineRequire(!classes.isEmpty, "GaussianNB: call fit(X, y) before using the model")
        let samples = SampleMatrix(X, "GaussianNB", features: theta.shape[1])
        let (k, d) = (classes.count, samples.d)
        var out = [Double](repeating: 0, count: samples.n * k)
        for c in 0..<k {
            var normalizer = 0.0
            for j in 0..<d { normalizer += log(2 * Double.pi * variance.data[c * d + j]) }
            for i in 0..<samples.n {
                var s = 0.0
                for j in 0..<d {
                    let diff = samples[i, j] - theta.data[c * d + j]
                    s += diff * diff / variance.data[c * d + j]
                }
                out[i * k + c] = log(classPrior.data[c]) - 0.5 * normalizer - 0.5 * s
            }
        }
        return Tensor(shape: [samples.n, k], data: out)
    }

    /// Class probabilities, shape [nSamples, nClasses], columns in the order of `classes`; traps
    /// if not fitted or if X has another number of features than the training data.
    public func predictProba(_ X: Tensor) -> Tensor { normalizedExp(jointLogLikelihood(X)) }
}

/// Rows of exp(L − logsumexp(L)): probabilities from log-likelihoods [n, k], without overflow.
func normalizedExp(_ logLikelihood: Tensor) -> Tensor {
    let (n, k) = (logLikelihood.shape[0], logLikelihood.shape[1])
    var out = logLikelihood.data
    for i in 0..<n {
        let row = out[(i * k)..<((i + 1) * k)]
        let m = row.max()!
        let logTotal = m + log(row.reduce(0) { $0 + exp($1 - m) })
        for c in 0..<k { out[i * k + c] = exp(out[i * k + c] - logTotal) }
    }
    return Tensor(shape: [n, k], data: out)
}
