import Foundation

/// Binary cross-entropy of probabilities p against targets y in [0, 1], as `torch.nn.BCELoss` /
/// `torch.nn.functional.binary_cross_entropy`. p and y have the same shape; `weight` (optional)
/// broadcasts against it and multiplies each term. Each term is
///
///     −w·(y·max(ln p, −100) + (1 − y)·max(ln(1 − p), −100))
///
/// (torch clamps each logarithm at −100, so p = 0 or 1 gives a large finite loss, not ∞). The
/// gradient in p is torch's, w·(p − y) / max(p(1 − p), ε) with ε = 1e-12 rounded to Float as in
/// torch's kernel: it is finite everywhere, 0 at p = y ∈ {0, 1}, about −1e12 at p = 0 with y = 1,
/// so a saturated sigmoid (σ(40) rounds to 1) followed by this loss gives a zero gradient, not
/// NaN. Returns the `reduction` of the terms (default mean; "none" keeps p's shape). Prefer
/// `binaryCrossEntropy(logits:targets:)` when p comes out of a sigmoid.
public func binaryCrossEntropy(_ probabilities: Tensor, _ targets: Tensor, weight: Tensor?,
                               reduction: Reduction = .mean) -> Tensor {
    engineRequire(probabilities.shape == targets.shape,
                 "binaryCrossEntropy: probabilities \(probabilities.shape) and targets \(targets.shape) differ in shape")
    let epsilon = Double(Float(1e-12))
    let terms = binaryOperation(probabilities, targets, { p, y in
        (y - 1) * Swift.max(Foundation.log1p(-p), -100) - y * Swift.max(Foundation.log(p), -100)
    }, partials: { p, y, _ in
        ((p - y) / Swift.max((1 - p) * p, epsilon),
         Swift.max(Foundation.log1p(-p), -100) - Swift.max(Foundation.log(p), -100))
    })
    return (weight.map { terms * $0 } ?? terms).reduced(reduction)
}

/// `binaryCrossEntropy(_:_:weight:reduction:)` without weight, reduced as `reduction` says.
public func binaryCrossEntropy(_ probabilities: Tensor, _ targets: Tensor, reduction: Reduction) -> Tensor {
    binaryCrossEntropy(probabilities, targets, weight: nil, reduction: reduction)
}

/// The mean binary cross-entropy of probabilities (see `binaryCrossEntropy(_:_:weight:reduction:)`);
/// an overload so that `binaryCrossEntropy` names a (Tensor, Tensor) -> Tensor function.
public func binaryCrossEntropy(_ probabilities: Tensor, _ targets: Tensor) -> Tensor {
    binaryCrossEntropy(probabilities, targets, weight: nil, reduction: .mean)
}

/// Binary cross-entropy of σ(z) for logits z, without computing σ, as `torch.nn.BCEWithLogitsLoss`
/// / `binary_cross_entropy_with_logits`. z and y have the same shape; `weight` broadcasts and
/// multiplies each term; `posWeight` (torch's `pos_weight`, broadcast along the last axis, one
/// per class) weights the positive part. Each term is
///
///     w·((1 − y)·z + (1 + (posWeight − 1)·y)·softplus(−z))
///
/// with softplus in its exact form max(−z, 0) + ln(1 + e^−|z|), which never overflows nor takes
/// the log of 0; without posWeight it is max(z, 0) − z·y + ln(1 + e^−|z|) with derivative
/// σ(z) − y. Returns the `reduction` of the terms (default mean; "none" keeps z's shape).
public func binaryCrossEntropy(logits: Tensor, targets: Tensor, weight: Tensor? = nil, posWeight: Tensor? = nil,
                               reduction: Reduction = .mean) -> Tensor {
    engineRequire(logits.shape == targets.shape,
                 "binaryCrossEntropy: logits \(logits.shape) and targets \(targets.shape) differ in shape")
    let terms: Tensor
    if let posWeight {
        terms = (1 - targets) * logits + (1 + (posWeight - 1) * targets) * softplus(-logits, threshold: .infinity)
    } else {
        terms = binaryOperation(logits, targets, { z, y in
            Swift.max(z, 0) - z * y + Foundation.log1p(Foundation.exp(-Swift.abs(z)))
        }, partials: { z, y, _ in (sigmoid(z) - y, -z) })
    }
    return (weight.map { terms * $0 } ?? terms).reduced(reduction)
}
