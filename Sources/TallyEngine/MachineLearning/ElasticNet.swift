import Foundation

/// Linear regression with combined L1 and L2 penalties, as
/// `sklearn.linear_model.ElasticNet(alpha=1.0, l1_ratio=0.5, max_iter=1000, tol=1e-4)`: minimises
///
///     1/(2n)·‖y − X·coef − intercept‖² + alpha·l1Ratio·‖coef‖₁ + alpha·(1 − l1Ratio)/2·‖coef‖²
///
/// by cyclic coordinate descent (Friedman, Hastie & Tibshirani 2010) on the centred data, stopping
/// when the duality gap falls below tol·‖y‖², as scikit-learn. (scikit-learn also screens out
/// features it can prove are zero; its iterates therefore differ slightly before convergence, and
/// the two agree to the tolerance at which both have converged.)
/// - Precondition: alpha ≥ 0, 0 ≤ l1Ratio ≤ 1.
public class ElasticNet: Regressor {
    /// `alpha` (default 1.0, ≥ 0): the penalty's overall strength; `l1Ratio` (default 0.5, in [0, 1]): its L1
    /// share (1 is the lasso, 0 ridge). sklearn's `alpha`, `l1_ratio`; `init` traps outside these ranges.
    public let alpha: Double, l1Ratio: Double
    /// Whether to fit an unpenalised intercept by centring X and y, default true (sklearn's `fit_intercept`).
    public let fitIntercept: Bool
    /// The most coordinate-descent passes over the features, default 1000 (sklearn's `max_iter`).
    public let maxIter: Int
    /// Stop once the duality gap is below tol·‖y‖², default 1e-4 (sklearn's `tol`).
    public let tol: Double
    /// Shape [nFeatures]; exact zeros for the features the L1 penalty removed.
    public private(set) var coef = Tensor(shape: [0], data: [])
    /// The fitted intercept, a scalar; 0 when `fitIntercept` is false or before `fit` (sklearn's `intercept_`).
    public private(set) var intercept = 0.0
    /// Passes over the features until the duality gap was small enough.
    public private(set) var nIter = 0
    private var fitted = false

    /// The hyperparameters, defaulting to scikit-learn's (see the type's documentation); traps on
    /// invalid values, naming them.
    public init(alpha: Double = 1.0, l1Ratio: Double = 0.5, fitIntercept: Bool = true, maxIter: Int = 1000,
                tol: Double = 1e-4) {
        engineRequire(alpha >= 0 && (0...1).contains(l1Ratio),
                     "ElasticNet: needs alpha ≥ 0 and 0 ≤ l1Ratio ≤ 1, got \(alpha), \(l1Ratio)")
        (self.alpha, self.l1Ratio, self.fitIntercept, self.maxIter, self.tol) = (alpha, l1Ratio, fitIntercept, maxIter, tol)
    }

    var modelName: String { "ElasticNet" }

    /// Learns from X [nSamples, nFeatures] and y [nSamples]; traps naming the shapes when they
    /// do not match. Returns the model.
    @discardableResult public func fit(_ X: Tensor, _ y: Tensor) -> Self {
        var iterations = 0
        let (coefficients, b) = fitLinear(X, y, modelName, fitIntercept: fitIntercept) { x, t, d in
            let n = Double(x.shape[0])
            let (w, passes) = coordinateDescent(x.data, rows: x.shape[0], columns: d, t.data,
                                                l1: alpha * l1Ratio * n, l2: alpha * (1 - l1Ratio) * n,
                                                maxIter: maxIter, tol: tol)
            iterations = passes
            return w
        }
        (coef, intercept, nIter, fitted) = (Tensor(coefficients), b, iterations, true)
        return self
    }

    /// Predictions for X [nSamples, nFeatures], shape [nSamples]; traps if not fitted or if X has
    /// another number of features than the training data.
    public func predict(_ X: Tensor) -> Tensor {
        requireFitted(fitted, modelName)
        return linearPredict(X, coef.data, intercept, modelName)
    }
}

/// Linear regression with an L1 penalty, as `sklearn.linear_model.Lasso(alpha=1.0)`: ElasticNet
/// with l1Ratio = 1, minimising 1/(2n)·‖y − X·coef − intercept‖² + alpha·‖coef‖₁.
public final class Lasso: ElasticNet {
    /// The hyperparameters, defaulting to scikit-learn's (see the type's documentation); traps on
    /// invalid values, naming them.
    public init(alpha: Double = 1.0, fitIntercept: Bool = true, maxIter: Int = 1000, tol: Double = 1e-4) {
        super.init(alpha: alpha, l1Ratio: 1, fitIntercept: fitIntercept, maxIter: maxIter, tol: tol)
    }

    override var modelName: String { "Lasso" }
}

/// Minimises ½‖y − X·w‖² + l1·‖w‖₁ + l2/2·‖w‖² over w by cyclic coordinate descent, checking the
/// duality gap (scikit-learn's stopping rule) after passes where the largest update was small.
func coordinateDescent(_ x: [Double], rows n: Int, columns d: Int, _ y: [Double], l1: Double, l2: Double,
                       maxIter: Int, tol: Double) -> (w: [Double], passes: Int) {
    var w = [Double](repeating: 0, count: d)
    var r = y
    var columnNorms = [Double](repeating: 0, count: d)
    for i in 0..<n { for j in 0..<d { columnNorms[j] += x[i * d + j] * x[i * d + j] } }
    let gapTolerance = tol * y.reduce(0) { $0 + $1 * $1 }
    for pass in 1...Swift.max(maxIter, 1) {
        var wMax = 0.0, dwMax = 0.0
        for j in 0..<d where columnNorms[j] != 0 {
            let old = w[j]
            var rho = 0.0
            for i in 0..<n { rho += x[i * d + j] * r[i] }
            rho += old * columnNorms[j]
            let new = (rho > 0 ? 1.0 : -1.0) * Swift.max(Swift.abs(rho) - l1, 0) / (columnNorms[j] + l2)
            if new != old { for i in 0..<n { r[i] -= (new - old) * x[i * d + j] } }
            w[j] = new
            dwMax = Swift.max(dwMax, Swift.abs(new - old))
            wMax = Swift.max(wMax, Swift.abs(new))
        }
        if wMax == 0 || dwMax / wMax < tol || pass == maxIter {
            if dualityGap(x, n, d, y, r, w, l1: l1, l2: l2) < gapTolerance || pass == maxIter { return (w, pass) }
        }
    }
    return (w, maxIter)
}

/// The elastic net's duality gap at w with residual r = y − X·w (scikit-learn's formulation).
private func dualityGap(_ x: [Double], _ n: Int, _ d: Int, _ y: [Double], _ r: [Double], _ w: [Double],
                        l1: Double, l2: Double) -> Double {
    var dualNorm = 0.0
    for j in 0..<d {
        var xtr = 0.0
        for i in 0..<n { xtr += x[i * d + j] * r[i] }
        dualNorm = Swift.max(dualNorm, Swift.abs(xtr - l2 * w[j]))
    }
    let rNorm2 = r.reduce(0) { $0 + $1 * $1 }
    let wNorm2 = w.reduce(0) { $0 + $1 * $1 }
    let scale = dualNorm > l1 ? l1 / dualNorm : 1
    var gap = dualNorm > l1 ? 0.5 * (rNorm2 + rNorm2 * scale * scale) : rNorm2
    gap += l1 * w.reduce(0) { $0 + Swift.abs($1) } - scale * zip(r, y).reduce(0) { $0 + $1.0 * $1.1 }
        + 0.5 * l2 * (1 + scale * scale) * wNorm2
    return gap
}
