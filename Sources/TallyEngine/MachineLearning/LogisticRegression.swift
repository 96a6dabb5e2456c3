import Foundation

/// L2-regularised logistic regression, as `sklearn.linear_model.LogisticRegression(C=1.0,
/// fit_intercept=True)`: minimises C·Σᵢ −log p(yᵢ | xᵢ) + ½‖coef‖² (the intercept is not
/// penalised), with the sigmoid for two classes and the softmax (multinomial) for more.
///
/// Solved by Newton's method with the exact Hessian and a backtracking line search (the optimum
/// is unique, so it is scikit-learn's lbfgs/newton-cholesky optimum to their tolerance), until
/// the largest gradient component is below `tol`·max(1, C·n) or after `maxIter` steps.
/// With more than two classes the softmax's intercepts are defined up to a common shift; they are
/// returned with mean zero.
///
/// - `coef`: shape [1, nFeatures] for two classes (for `classes[1]`), [nClasses, nFeatures] otherwise.
/// - `intercept`: shape [1] or [nClasses].
/// - Precondition: C > 0, at least two classes in y.
public final class LogisticRegression: Classifier {
    /// The inverse regularisation strength, default 1.0 (sklearn's `C`); traps in `init` unless positive.
    public let C: Double
    /// Whether to learn an unpenalised intercept, default true (sklearn's `fit_intercept`).
    public let fitIntercept: Bool
    /// The most Newton steps, default 100 (sklearn's `max_iter`).
    public let maxIter: Int
    /// Stop when the largest gradient component is at most tol·max(1, C·n), default 1e-10 (tighter than
    /// sklearn's 1e-4, to reach the unique optimum).
    public let tol: Double
    public private(set) var classes: [Double] = []
    /// The weights, shape [1, nFeatures] for two classes (for `classes[1]`), else [nClasses, nFeatures] (sklearn's `coef_`).
    public private(set) var coef = Tensor(shape: [0, 0], data: [])
    /// The intercepts, shape [1] or [nClasses] (mean zero for more than two classes); 0 without `fitIntercept`
    /// (sklearn's `intercept_`).
    public private(set) var intercept = Tensor(shape: [0], data: [])
    /// Newton steps taken.
    public private(set) var nIter = 0

    /// The hyperparameters, defaulting to scikit-learn's (see the type's documentation); traps on
    /// invalid values, naming them.
    public init(C: Double = 1.0, fitIntercept: Bool = true, maxIter: Int = 100, tol: Double = 1e-10) {
        engineRequire(C > 0, "LogisticRegression: C must be positive, got \(C)")
        (self.C, self.fitIntercept, self.maxIter, self.tol) = (C, fitIntercept, maxIter, tol)
    }

    /// Learns from X [nSamples, nFeatures] and y [nSamples]; traps naming the shapes when they
    /// do not match. Returns the model.
    @discardableResult public func fit(_ X: Tensor, _ y: Tensor) -> Self {
        let samples = SampleMatrix(X, "LogisticRegression")
        let labels = targetValues(y, count: samples.n, "LogisticRegression")
        classes = Array(Set(labels)).sorted()
        engineRequire(classes.count >= 2, "LogisticRegression: y needs at least two classes, got \(classes)")
        let k = classes.count == 2 ? 1 : classes.count
        let index = Dictionary(uniqueKeysWithValues: classes.enumerated().map { ($1, $0) })
        let targets = labels.map { index[$0]! }
        let p = samples.d + 1  // coefficients and intercept of one class
        var theta = [Double](repeating: 0, count: k * p)
        let (n, d) = (samples.n, samples.d)

        // Objective, gradient and Hessian in θ = (w₁, b₁, …, w_k, b_k).
        func probabilities(_ theta: [Double]) -> [Double] {
            var out = [Double](repeating: 0, count: n * k)
            for i in 0..<n {
                var z = [Double](repeating: 0, count: k)
                for c in 0..<k {
                    var s = fitIntercept ? theta[c * p + d] : 0
                    for j in 0..<d { s += theta[c * p + j] * samples[i, j] }
                    z[c] = s
                }
                if k == 1 { out[i] = 1 / (1 + exp(-z[0])) } else {
                    let m = z.max()!
                    let e = z.map { exp($0 - m) }
                    let total = e.reduce(0, +)
                    for c in 0..<k { out[i * k + c] = e[c] / total }
                }
            }
            return out
        }
        func objective(_ theta: [Double]) -> Double {
            var loss = 0.0
            for i in 0..<n {
                if k == 1 {
                    var z = fitIntercept ? theta[d] : 0
                    for j in 0..<d { z += theta[j] * samples[i, j] }
                    // −log σ(±z) without overflow.
                    let s = targets[i] == 1 ? -z : z
                    loss += s > 0 ? s + log1p(exp(-s)) : log1p(exp(s))
                } else {
                    var z = [Double](repeating: 0, count: k)
                    for c in 0..<k {
                        z[c] = fitIntercept ? theta[c * p + d] : 0
                        for j in 0..<d { z[c] += theta[c * p + j] * samples[i, j] }
                    }
                    let m = z.max()!
                    loss += m + log(z.reduce(0) { $0 + exp($1 - m) }) - z[targets[i]]
                }
            }
            var penalty = 0.0
            for c in 0..<k { for j in 0..<d { penalty += theta[c * p + j] * theta[c * p + j] } }
            return C * loss + 0.5 * penalty
        }

        var value = objective(theta)
        nIter = 0
        for _ in 0..<maxIter {
            let prob = probabilities(theta)
            var gradient = [Double](repeating: 0, count: k * p)
            var hessian = [Double](repeating: 0, count: k * p * k * p)
            for i in 0..<n {
                let x = Array(samples.row(i)) + [fitIntercept ? 1 : 0]
                for c in 0..<k {
                    let pc = k == 1 ? prob[i] : prob[i * k + c]
                    let residual = pc - (k == 1 ? Double(targets[i]) : (targets[i] == c ? 1 : 0))
                    for a in 0..<p { gradient[c * p + a] += C * residual * x[a] }
                    for c2 in 0..<k {
                        let pc2 = k == 1 ? prob[i] : prob[i * k + c2]
                        let weight = C * (k == 1 ? pc * (1 - pc) : pc * ((c == c2 ? 1 : 0) - pc2))
                        if weight == 0 { continue }
                        for a in 0..<p { for b in 0..<p { hessian[(c * p + a) * k * p + c2 * p + b] += weight * x[a] * x[b] } }
                    }
                }
            }
            for c in 0..<k {
                for j in 0..<d {
                    gradient[c * p + j] += theta[c * p + j]
                    hessian[(c * p + j) * k * p + c * p + j] += 1
                }
            }
            if gradient.map({ Swift.abs($0) }).max()! <= tol * Swift.max(1, C * Double(n)) { break }
            // The minimum-norm Newton step: the softmax's common intercept shift is a flat direction.
            let step = lstsq(Tensor(shape: [k * p, k * p], data: hessian), Tensor(gradient)).solution.data
            var t = 1.0
            var candidate = theta
            while true {
                candidate = zip(theta, step).map { $0 - t * $1 }
                let newValue = objective(candidate)
                if newValue <= value || t < 1e-10 { value = newValue; break }
                t /= 2
            }
            theta = candidate
            nIter += 1
        }
        if k > 1 && fitIntercept {
            let shift = (0..<k).reduce(0) { $0 + theta[$1 * p + d] } / Double(k)
            for c in 0..<k { theta[c * p + d] -= shift }
        }
        coef = Tensor(shape: [k, d], data: (0..<k).flatMap { c in theta[(c * p)..<(c * p + d)] })
        intercept = Tensor((0..<k).map { fitIntercept ? theta[$0 * p + d] : 0 })
        return self
    }

    /// X·coefᵀ + intercept, shape [nSamples] for two classes (positive favours `classes[1]`),
    /// [nSamples, nClasses] otherwise, as sklearn's `decision_function`.
    public func decisionFunction(_ X: Tensor) -> Tensor {
        linearDecisionFunction(X, coef: coef, intercept: intercept, classes: classes, "LogisticRegression")
    }

    /// Class probabilities, shape [nSamples, nClasses] (sigmoid or softmax of the decision function).
    public func predictProba(_ X: Tensor) -> Tensor {
        let z = decisionFunction(X)
        if classes.count == 2 {
            return Tensor(shape: [z.count, 2], data: z.data.flatMap { s -> [Double] in
                let p = 1 / (1 + exp(-s))
                return [1 - p, p]
            })
        }
        let k = classes.count
        var out = z.data
        for i in 0..<z.shape[0] {
            let row = z.data[(i * k)..<((i + 1) * k)]
            let m = row.max()!
            let total = row.reduce(0) { $0 + exp($1 - m) }
            for c in 0..<k { out[i * k + c] = exp(z.data[i * k + c] - m) / total }
        }
        return Tensor(shape: z.shape, data: out)
    }
}
