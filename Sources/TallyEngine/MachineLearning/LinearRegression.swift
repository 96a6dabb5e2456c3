/// Ordinary least squares, as `sklearn.linear_model.LinearRegression(fit_intercept=True)`:
/// the coefficients minimising ‖y − X·coef − intercept‖², from the centred data by LAPACK's
/// SVD-based least squares (dgelsd, as scikit-learn through scipy), so a rank-deficient X gets
/// the minimum-norm coefficients.
///
///     let model = LinearRegression().fit(X, y)   // X [n, d], y [n]
///     model.coef, model.intercept, model.predict(Xnew), model.score(X, y)  // R²
public final class LinearRegression: Regressor {
    /// Whether to fit an intercept by centring X and y, default true (sklearn's `fit_intercept`).
    public let fitIntercept: Bool
    /// The coefficients, shape [nFeatures] (sklearn's `coef_`).
    public private(set) var coef = Tensor(shape: [0], data: [])
    /// The intercept (0 when `fitIntercept` is false).
    public private(set) var intercept = 0.0
    private var fitted = false

    /// The hyperparameters, defaulting to scikit-learn's (see the type's documentation); traps on
    /// invalid values, naming them.
    public init(fitIntercept: Bool = true) { self.fitIntercept = fitIntercept }

    /// Learns from X [nSamples, nFeatures] and y [nSamples]; traps naming the shapes when they
    /// do not match. Returns the model.
    @discardableResult public func fit(_ X: Tensor, _ y: Tensor) -> Self {
        let (coefficients, b) = fitLinear(X, y, "LinearRegression", fitIntercept: fitIntercept) { x, t, _ in
            lstsq(x, t).solution.data
        }
        (coef, intercept, fitted) = (Tensor(coefficients), b, true)
        return self
    }

    /// X·coef + intercept, shape [nSamples].
    public func predict(_ X: Tensor) -> Tensor {
        requireFitted(fitted, "LinearRegression")
        return linearPredict(X, coef.data, intercept, "LinearRegression")
    }
}

/// Centres X and y when there is an intercept, solves for the coefficients with `solver`
/// (centred X [n, d], centred y [n], d) and recovers the intercept ȳ − x̄·coef.
func fitLinear(_ X: Tensor, _ y: Tensor, _ function: String, fitIntercept: Bool,
               solver: (Tensor, Tensor, Int) -> [Double]) -> (coef: [Double], intercept: Double) {
    let samples = SampleMatrix(X, function)
    let targets = targetValues(y, count: samples.n, function)
    let xMeans = fitIntercept ? samples.columnMeans : [Double](repeating: 0, count: samples.d)
    let yMean = fitIntercept ? mean(targets) : 0
    var centred = samples.values
    for i in 0..<samples.n { for j in 0..<samples.d { centred[i * samples.d + j] -= xMeans[j] } }
    let coef = solver(Tensor(shape: [samples.n, samples.d], data: centred), Tensor(targets.map { $0 - yMean }), samples.d)
    let intercept = yMean - zip(xMeans, coef).reduce(0) { $0 + $1.0 * $1.1 }
    return (coef, intercept)
}

/// X·coef + intercept for a fitted linear model.
func linearPredict(_ X: Tensor, _ coef: [Double], _ intercept: Double, _ function: String) -> Tensor {
    let samples = SampleMatrix(X, function, features: coef.count)
    return Tensor((0..<samples.n).map { i in zip(samples.row(i), coef).reduce(intercept) { $0 + $1.0 * $1.1 } })
}
