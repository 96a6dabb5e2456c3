/// A scikit-learn style model: `fit` learns from a sample matrix X of shape [nSamples, nFeatures]
/// and targets y of shape [nSamples]; `predict` maps new rows to targets (shape [nSamples]).
public protocol Estimator: AnyObject {
    /// Learns from X [nSamples, nFeatures] and y [nSamples]; returns the model for chaining.
    @discardableResult func fit(_ X: Tensor, _ y: Tensor) -> Self
    /// Predictions for X [nSamples, nFeatures], shape [nSamples].
    func predict(_ X: Tensor) -> Tensor
    /// The default score: R² for regressors, accuracy for classifiers (sklearn's `score`).
    func score(_ X: Tensor, _ y: Tensor) -> Double
}

/// A model predicting numbers; its score is the coefficient of determination R².
public protocol Regressor: Estimator {}

/// A model predicting class labels (any numbers; `classes` lists them sorted); its score is
/// the accuracy.
public protocol Classifier: Estimator {
    /// The distinct labels seen by `fit`, ascending (sklearn's `classes_`).
    var classes: [Double] { get }
    /// Class probabilities, shape [nSamples, nClasses], columns in the order of `classes`.
    func predictProba(_ X: Tensor) -> Tensor
}

extension Regressor {
    /// R² = 1 − Σ(y − ŷ)²/Σ(y − ȳ)², as sklearn's `r2_score` (1 for a perfect fit, can be negative).
    public func score(_ X: Tensor, _ y: Tensor) -> Double { r2Score(y.data, predict(X).data) }
}

extension Classifier {
    /// The fraction of rows whose predicted label equals y (sklearn's `accuracy_score`).
    public func score(_ X: Tensor, _ y: Tensor) -> Double {
        let predicted = predict(X).data
        return Double(zip(predicted, y.data).filter { $0 == $1 }.count) / Double(Swift.max(y.count, 1))
    }

    /// The label of the most probable class per row (the first on ties, as numpy's argmax).
    public func predict(_ X: Tensor) -> Tensor { labelsOfLargest(predictProba(X), classes) }
}

/// Per row of scores [n, k], the label of the largest (the first on ties, as numpy's argmax).
func labelsOfLargest(_ scores: Tensor, _ classes: [Double]) -> Tensor {
    let k = classes.count
    return Tensor((0..<scores.shape[0]).map { i in
        var best = 0
        for j in 1..<Swift.max(k, 1) where scores.data[i * k + j] > scores.data[i * k + best] { best = j }
        return classes[best]
    })
}

/// X·coefᵀ + intercept of a fitted linear classifier: shape [nSamples] for two classes
/// (positive favours `classes[1]`), [nSamples, nClasses] otherwise (sklearn's `decision_function`).
func linearDecisionFunction(_ X: Tensor, coef: Tensor, intercept: Tensor, classes: [Double], _ model: String) -> Tensor {
    requireFitted(!classes.isEmpty, model)
    let samples = SampleMatrix(X, model, features: coef.shape[1])
    let scores = matmul(X, coef, transposeB: true) + intercept
    return classes.count == 2 ? scores.reshaped([samples.n]) : scores
}

/// R² of predictions, as `sklearn.metrics.r2_score`.
func r2Score(_ y: [Double], _ predicted: [Double]) -> Double {
    let m = mean(y)
    let residual = zip(y, predicted).reduce(0) { $0 + ($1.0 - $1.1) * ($1.0 - $1.1) }
    let total = y.reduce(0) { $0 + ($1 - m) * ($1 - m) }
    return total == 0 ? (residual == 0 ? 1 : 0) : 1 - residual / total
}

/// A sample matrix checked once: n rows of d features, row-major.
struct SampleMatrix {
    let n: Int, d: Int
    let values: [Double]

    init(_ X: Tensor, _ function: String, features: Int? = nil) {
        precondition(X.rank == 2, "\(function): X must be a matrix [nSamples, nFeatures], got shape \(X.shape)")
        if let features {
            precondition(X.shape[1] == features,
                         "\(function): X has \(X.shape[1]) features (shape \(X.shape)) but the model was fitted on \(features)")
        }
        (n, d, values) = (X.shape[0], X.shape[1], X.data)
    }

    subscript(i: Int, j: Int) -> Double { values[i * d + j] }
    func row(_ i: Int) -> ArraySlice<Double> { values[(i * d)..<((i + 1) * d)] }

    /// Column means (shape [d]).
    var columnMeans: [Double] {
        var m = [Double](repeating: 0, count: d)
        for i in 0..<n { for j in 0..<d { m[j] += values[i * d + j] } }
        return m.map { $0 / Double(Swift.max(n, 1)) }
    }
}

/// The targets y, checked to have shape [n].
func targetValues(_ y: Tensor, count n: Int, _ function: String) -> [Double] {
    precondition(y.rank == 1 && y.count == n, "\(function): y must have shape [\(n)] to match X, got \(y.shape)")
    return y.data
}

/// Squared Euclidean distance between two rows.
func squaredDistance(_ a: ArraySlice<Double>, _ b: ArraySlice<Double>) -> Double {
    var s = 0.0
    for (x, y) in zip(a, b) { s += (x - y) * (x - y) }
    return s
}

/// `precondition` that a model was fitted before use.
func requireFitted(_ fitted: Bool, _ model: String) {
    precondition(fitted, "\(model): call fit(X, y) before using the model")
}
