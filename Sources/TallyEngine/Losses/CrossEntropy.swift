/// Categorical cross-entropy of predicted probabilities [batch, classes] against one-hot (or
/// soft) targets: mean over the batch of −Σ y·ln p. Prefer `softmaxCrossEntropy` on logits.
public func crossEntropy(_ probabilities: Tensor, _ targets: Tensor) -> Tensor {
    -(targets * log(probabilities)).sum(axis: -1).mean()
}

/// Cross-entropy of softmax(logits) against class probabilities (one-hot or soft), through
/// log-softmax so it stays finite for any logits: `torch.nn.functional.cross_entropy` with
/// probability targets. `logits` and `targets` are [batch, classes].
///
/// - `weight`: one number per class (shape [classes]), multiplying each class's term.
/// - `labelSmoothing` ε in [0, 1]: the targets become (1 − ε)·y + ε/classes.
/// - `reduction`: "mean" (default) divides the total by the batch size (not by the weights, as
///   torch); "sum"; "none" gives shape [batch].
///
/// Without weight or smoothing the gradient in the logits is (softmax − y)/batch.
public func softmaxCrossEntropy(logits: Tensor, targets: Tensor, weight: Tensor? = nil,
                                reduction: Reduction = .mean, labelSmoothing: Double = 0) -> Tensor {
    engineRequire(logits.shape == targets.shape,
                 "softmaxCrossEntropy: logits \(logits.shape) and targets \(targets.shape) differ in shape")
    engineRequire(labelSmoothing >= 0 && labelSmoothing <= 1, "labelSmoothing must be in [0, 1], got \(labelSmoothing)")
    let classes = Double(logits.shape.last ?? 1)
    let smoothed = labelSmoothing > 0 ? targets * (1 - labelSmoothing) + labelSmoothing / classes : targets
    let weighted = weight.map { smoothed * $0 } ?? smoothed
    return -(weighted * logSoftmax(logits)).sum(axis: -1).reduced(reduction)
}

/// Cross-entropy with class indices, `labels[i]` the true class of row i of `logits` [batch,
/// classes]: `torch.nn.functional.cross_entropy` with class-index targets, i.e. `nllLoss` of
/// `logSoftmax(logits)`, with torch's options:
///
/// - `weight` (shape [classes]) and `ignoreIndex` (default −100) as in `nllLoss`;
/// - `labelSmoothing` ε: (1 − ε)·nll + (ε/classes)·Σ_c weight_c·(−log softmax_c), the second
///   sum reduced like the first (for "mean", divided by the counted rows' weights);
/// - `reduction`: "mean" (default; the sum over counted rows divided by the sum of their class
///   weights), "sum", or "none" (shape [batch], 0 for ignored rows).
///
/// Traps as `nllLoss` does.
public func softmaxCrossEntropy(logits: Tensor, labels: [Int], weight: Tensor? = nil, ignoreIndex: Int = -100,
                                reduction: Reduction = .mean, labelSmoothing: Double = 0) -> Tensor {
    engineRequire(labelSmoothing >= 0 && labelSmoothing <= 1, "labelSmoothing must be in [0, 1], got \(labelSmoothing)")
    let logP = logSoftmax(logits)
    let nll = nllLoss(logP, labels, weight: weight, ignoreIndex: ignoreIndex, reduction: reduction)
    guard labelSmoothing > 0 else { return nll }
    let classes = logits.shape[1]
    let counted = Tensor(shape: [labels.count, 1], data: labels.map { $0 == ignoreIndex ? 0 : 1 })
    let smooth = -(logP * (weight ?? Tensor(1.0)) * counted).sum(axis: -1)
    let reducedSmooth: Tensor
    if reduction == .mean {
        let w = weight?.data ?? Array(repeating: 1, count: classes)
        reducedSmooth = smooth.sum() / labels.filter { $0 != ignoreIndex }.reduce(0) { $0 + w[$1] }
    } else {
        reducedSmooth = smooth.reduced(reduction)
    }
    return (1 - labelSmoothing) * nll + reducedSmooth * (labelSmoothing / Double(classes))
}

/// Rows of zeros with a 1 at each label: [labels.count, classes].
public func oneHot(_ labels: [Int], classes: Int) -> Tensor {
    let t = Tensor.zeros([labels.count, classes])
    for (row, label) in labels.enumerated() {
        engineRequire(label >= 0 && label < classes, "label \(label) not in 0..<\(classes)")
        t.data[row * classes + label] = 1
    }
    return t
}
