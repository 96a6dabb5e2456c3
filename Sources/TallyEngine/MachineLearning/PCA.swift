/// Principal component analysis, as `sklearn.decomposition.PCA(n_components=None)`: the SVD of
/// the centred data, with scikit-learn's sign convention (each component's largest-magnitude
/// entry positive, `svd_flip(u_based_decision=False)`), so components compare entry by entry.
///
/// - `components`: shape [nComponents, nFeatures], rows orthonormal, by decreasing variance.
/// - `explainedVariance`: σᵢ²/(n − 1), shape [nComponents]; `explainedVarianceRatio`: the share
///   of the total variance, shape [nComponents]; `singularValues`; `mean`: shape [nFeatures].
/// - Precondition: 1 ≤ nComponents ≤ min(nSamples, nFeatures) when given (nil keeps them all).
public final class PCA {
    /// How many components to keep, or nil (default) for min(nSamples, nFeatures) (sklearn's `n_components`);
    /// `fit` traps outside 1...min(nSamples, nFeatures).
    public let nComponents: Int?
    /// The principal axes, shape [nComponents, nFeatures], rows orthonormal, by decreasing variance (sklearn's `components_`).
    public private(set) var components = Tensor(shape: [0, 0], data: [])
    /// The variance along each component, σᵢ²/(n − 1), shape [nComponents] (sklearn's `explained_variance_`).
    public private(set) var explainedVariance = Tensor(shape: [0], data: [])
    /// Each component's share of the total variance, shape [nComponents] (sklearn's `explained_variance_ratio_`).
    public private(set) var explainedVarianceRatio = Tensor(shape: [0], data: [])
    /// The singular values σᵢ of the centred data, shape [nComponents] (sklearn's `singular_values_`).
    public private(set) var singularValues = Tensor(shape: [0], data: [])
    /// The training data's column means, shape [nFeatures] (sklearn's `mean_`).
    public private(set) var mean = Tensor(shape: [0], data: [])

    /// The hyperparameters, defaulting to scikit-learn's (see the type's documentation); traps on
    /// invalid values, naming them.
    public init(nComponents: Int? = nil) { self.nComponents = nComponents }

    /// Fits on the rows of X [nSamples, nFeatures].
    @discardableResult public func fit(_ X: Tensor) -> Self {
        let samples = SampleMatrix(X, "PCA")
        let (n, d) = (samples.n, samples.d)
        let r = Swift.min(n, d)
        let k = nComponents ?? r
        engineRequire(k >= 1 && k <= r, "PCA: nComponents must lie in 1...\(r) for X of shape \(X.shape), got \(k)")
        let means = samples.columnMeans
        var centred = samples.values
        for i in 0..<n { for j in 0..<d { centred[i * d + j] -= means[j] } }
        var (_, s, vt) = singularValueDecomposition(centred, m: n, n: d, full: false)
        for i in 0..<r {
            var largest = 0
            for j in 0..<d where Swift.abs(vt[i * d + j]) > Swift.abs(vt[i * d + largest]) { largest = j }
            if vt[i * d + largest] < 0 { for j in 0..<d { vt[i * d + j] = -vt[i * d + j] } }
        }
        let variances = s.map { $0 * $0 / Double(n - 1) }
        let total = variances.reduce(0, +)
        components = Tensor(shape: [k, d], data: Array(vt[0..<(k * d)]))
        explainedVariance = Tensor(Array(variances[0..<k]))
        explainedVarianceRatio = Tensor(variances[0..<k].map { $0 / total })
        singularValues = Tensor(Array(s[0..<k]))
        mean = Tensor(means)
        return self
    }

    /// (X − mean)·componentsᵀ, shape [nSamples, nComponents].
    public func transform(_ X: Tensor) -> Tensor {
        engineRequire(components.count > 0, "PCA: call fit(X) before using the model")
        _ = SampleMatrix(X, "PCA", features: mean.count)
        return matmul(X - mean, components, transposeB: true)
    }

    /// Fits on X [nSamples, nFeatures] and returns its projection, shape [nSamples, nComponents]; traps as `fit`
    /// (sklearn's `fit_transform`).
    public func fitTransform(_ X: Tensor) -> Tensor { fit(X).transform(X) }

    /// Z·components + mean, back in feature space, shape [nSamples, nFeatures].
    public func inverseTransform(_ Z: Tensor) -> Tensor { matmul(Z, components) + mean }
}
