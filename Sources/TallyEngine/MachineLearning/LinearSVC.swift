/// A linear support vector classifier, as `sklearn.svm.LinearSVC(C=1.0, loss="squared_hinge",
/// fit_intercept=True, intercept_scaling=1, tol=1e-4, max_iter=1000)` (liblinear): minimises
///
///     ½(‖w‖² + b²) + C·Σᵢ ℓ(yᵢ(w·xᵢ + b)),  ℓ(m) = max(0, 1 − m)² ("squared_hinge") or max(0, 1 − m) ("hinge"),
///
/// with labels ±1, by dual coordinate descent (Hsieh et al., ICML 2008, liblinear's solver; like
/// liblinear, the intercept is a feature of constant value `interceptScaling` and is penalised).
/// More than two classes: one-vs-rest, one such problem per class. The optimum is unique, so
/// with a tight `tol` the coefficients equal liblinear's at its tight tolerance.
///
/// - `coef`: shape [1, nFeatures] for two classes (positive favours `classes[1]`), else
///   [nClasses, nFeatures]; `intercept`: shape [1] or [nClasses].
/// - Precondition: C > 0, loss "hinge" or "squared_hinge", two or more classes.
public final class LinearSVC: Estimator {
    /// The inverse regularisation strength: larger C fits the training data harder, default 1.0 (sklearn's `C`);
    /// traps in `init` unless positive.
    public let C: Double
    /// "squared_hinge" (default) or "hinge" (sklearn's `loss`); others trap in `init`.
    public let loss: String
    /// Whether to learn an intercept (as a penalised constant feature), default true (sklearn's `fit_intercept`).
    public let fitIntercept: Bool
    /// The value of the constant intercept feature, default 1; larger values penalise the intercept less
    /// (sklearn's `intercept_scaling`).
    public let interceptScaling: Double
    /// Stop when the spread of the projected gradients is at most tol, default 1e-4 (sklearn's `tol`).
    public let tol: Double
    /// The most passes of dual coordinate descent per binary problem, default 1000 (sklearn's `max_iter`).
    public let maxIter: Int
    /// The distinct labels of y, sorted, shape [nClasses] (sklearn's `classes_`); empty before `fit`.
    public private(set) var classes: [Double] = []
    /// The weights, shape [1, nFeatures] for two classes (positive favours `classes[1]`), else
    /// [nClasses, nFeatures] one-vs-rest (sklearn's `coef_`).
    public private(set) var coef = Tensor(shape: [0, 0], data: [])
    /// The intercepts, shape [1] for two classes, else [nClasses]; 0 without `fitIntercept` (sklearn's `intercept_`).
    public private(set) var intercept = Tensor(shape: [0], data: [])

    /// The hyperparameters, defaulting to scikit-learn's (see the type's documentation); traps on
    /// invalid values, naming them.
    public init(C: Double = 1.0, loss: String = "squared_hinge", fitIntercept: Bool = true,
                interceptScaling: Double = 1, tol: Double = 1e-4, maxIter: Int = 1000) {
        engineRequire(C > 0, "LinearSVC: C must be positive, got \(C)")
        engineRequire(loss == "hinge" || loss == "squared_hinge",
                     "LinearSVC: loss must be \"hinge\" or \"squared_hinge\", got \"\(loss)\"")
        (self.C, self.loss, self.fitIntercept, self.interceptScaling, self.tol, self.maxIter) =
            (C, loss, fitIntercept, interceptScaling, tol, maxIter)
    }

    /// Learns from X [nSamples, nFeatures] and y [nSamples]; traps naming the shapes when they
    /// do not match. Returns the model.
    @discardableResult public func fit(_ X: Tensor, _ y: Tensor) -> Self {
        let samples = SampleMatrix(X, "LinearSVC")
        let labels = targetValues(y, count: samples.n, "LinearSVC")
        classes = Array(Set(labels)).sorted()
        engineRequire(classes.count >= 2, "LinearSVC: y needs at least two classes, got \(classes)")
        let problems = classes.count == 2 ? [classes[1]] : classes
        var weights: [Double] = [], biases: [Double] = []
        for positive in problems {
            let (w, b) = dualCoordinateDescent(samples, labels.map { $0 == positive ? 1 : -1 })
            weights += w
            biases.append(b)
        }
        coef = Tensor(shape: [problems.count, samples.d], data: weights)
        intercept = Tensor(biases)
        return self
    }

    /// w·x + b per class, shape [nSamples] for two classes, else [nSamples, nClasses].
    public func decisionFunction(_ X: Tensor) -> Tensor {
        linearDecisionFunction(X, coef: coef, intercept: intercept, classes: classes, "LinearSVC")
    }

    /// `classes[1]` where the decision function is positive (two classes), else the class with the
    /// largest score.
    public func predict(_ X: Tensor) -> Tensor {
        let scores = decisionFunction(X)
        if classes.count == 2 { return Tensor(scores.data.map { $0 > 0 ? classes[1] : classes[0] }) }
        return labelsOfLargest(scores, classes)
    }

    /// Accuracy.
    public func score(_ X: Tensor, _ y: Tensor) -> Double {
        Double(zip(predict(X).data, y.data).filter { $0 == $1 }.count) / Double(Swift.max(y.count, 1))
    }

    /// liblinear's dual coordinate descent for one ±1 problem: α in [0, U], U = C for the hinge
    /// loss and ∞ for the squared hinge (whose dual adds αᵢ²/(4C)), visiting the rows in order until
    /// the projected gradients' spread is below tol.
    private func dualCoordinateDescent(_ samples: SampleMatrix, _ y: [Double]) -> ([Double], Double) {
        let (n, d) = (samples.n, samples.d)
        let bias = fitIntercept ? interceptScaling : 0
        let upper = loss == "hinge" ? C : Double.infinity
        let diagonal = loss == "hinge" ? 0 : 1 / (2 * C)
        var w = [Double](repeating: 0, count: d), b = 0.0
        var alpha = [Double](repeating: 0, count: n)
        let q = (0..<n).map { i in samples.row(i).reduce(0) { $0 + $1 * $1 } + bias * bias + diagonal }
        for _ in 0..<maxIter {
            var largest = -Double.infinity, smallest = Double.infinity
            var moved = false
            for i in 0..<n {
                var margin = b * bias
                for (j, x) in samples.row(i).enumerated() { margin += w[j] * x }
                let g = y[i] * margin - 1 + diagonal * alpha[i]
                var projected = g
                if alpha[i] == 0 { projected = Swift.min(g, 0) } else if alpha[i] == upper { projected = Swift.max(g, 0) }
                largest = Swift.max(largest, projected)
                smallest = Swift.min(smallest, projected)
                guard Swift.abs(projected) > 1e-12 else { continue }
                moved = true
                let old = alpha[i]
                alpha[i] = Swift.min(Swift.max(old - g / q[i], 0), upper)
                let step = (alpha[i] - old) * y[i]
                for (j, x) in samples.row(i).enumerated() { w[j] += step * x }
                b += step * bias
            }
            // Also stop once a whole pass leaves every αᵢ where it is (nothing left to improve).
            if largest - smallest <= tol || !moved { break }
        }
        return (w, b * bias)
    }
}
