/// Least squares with an L2 penalty, as `sklearn.linear_model.Ridge(alpha=1.0, fit_intercept=True)`:
/// minimises ‖y − X·coef − intercept‖² + alpha·‖coef‖² (the intercept is not penalised), solving
/// (XᵀX + alpha·I)·coef = Xᵀy on the centred data (sklearn's "cholesky" solver, its default for
/// dense data).
/// - Precondition: alpha ≥ 0.
public final class Ridge: Regressor {
    /// The L2 penalty's strength, default 1.0 (sklearn's `alpha`); traps in `init` if negative.
    public let alpha: Double
    /// Whether to fit an unpenalised intercept by centring X and y, default true (sklearn's `fit_intercept`).
    public let fitIntercept: Bool
    /// Shape [nFeatures].
    public private(set) var coef = Tensor(shape: [0], data: [])
    /// The fitted intercept, a scalar; 0 when `fitIntercept` is false or before `fit` (sklearn's `intercept_`).
    public private(set) var intercept = 0.0
    private var fitted = false

    /// The hyperparameters, defaulting to scikit-learn's (see the type's documentation); traps on
    /// invalid values, naming them.
    public init(alpha: Double = 1.0, fitIntercept: Bool = true) {
        engineRequire(alpha >= 0, "Ridge: alpha must be non-negative, got \(alpha)")
        (self.alpha, self.fitIntercept) = (alpha, fitIntercept)
    }

    /// Learns from X [nSamples, nFeatures] and y [nSamples]; traps naming the shapes when they
    /// do not match. Returns the model.
    @discardableResult public func fit(_ X: Tensor, _ y: Tensor) -> Self {
        let (coefficients, b) = fitLinear(X, y, "Ridge", fitIntercept: fitIntercept) { [alpha] x, t, d in
            let gram = matmul(x, x, transposeA: true)
            for j in 0..<d { gram.data[j * d + j] += alpha }
            return solve(gram, matmul(x, t, transposeA: true)).data
        }
        (coef, intercept, fitted) = (Tensor(coefficients), b, true)
        return self
    }

    /// Predictions for X [nSamples, nFeatures], shape [nSamples]; traps if not fitted or if X has
    /// another number of features than the training data.
    public func predict(_ X: Tensor) -> Tensor {
        requireFitted(fitted, "Ridge")
        return linearPredict(X, coef.data, intercept, "Ridge")
    }
}
