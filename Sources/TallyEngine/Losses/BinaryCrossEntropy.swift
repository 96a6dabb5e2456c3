import Foundation

/// −mean(y·ln p + (1 − y)·ln(1 − p)) for probabilities p (PyTorch's BCELoss, which also clamps
/// each logarithm at −100 so that p = 0 or 1 gives a large finite loss, not infinity).
/// Prefer `binaryCrossEntropy(logits:targets:)` when p comes out of a sigmoid.
public func binaryCrossEntropy(_ probabilities: Tensor, _ targets: Tensor) -> Tensor {
    let logP = maximum(log(probabilities), -100)
    let logNotP = maximum(log(1 - probabilities), -100)
    return -(targets * logP + (1 - targets) * logNotP).mean()
}

/// Binary cross-entropy of σ(z) for logits z, without computing σ (PyTorch's
/// BCEWithLogitsLoss): each term is max(z, 0) − z·y + ln(1 + e^−|z|), which never overflows
/// nor takes the log of 0; its derivative in z is σ(z) − y.
public func binaryCrossEntropy(logits: Tensor, targets: Tensor) -> Tensor {
    binaryOperation(logits, targets, { z, y in
        Swift.max(z, 0) - z * y + Foundation.log1p(Foundation.exp(-Swift.abs(z)))
    }, partials: { z, y, _ in (sigmoid(z) - y, -z) }).mean()
}
