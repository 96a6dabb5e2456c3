/// Categorical cross-entropy of predicted probabilities [batch, classes] against one-hot (or
/// soft) targets: mean over the batch of −Σ y·ln p. Prefer `softmaxCrossEntropy` on logits.
public func crossEntropy(_ probabilities: Tensor, _ targets: Tensor) -> Tensor {
    -(targets * log(probabilities)).sum(axis: -1).mean()
}

/// Cross-entropy of softmax(logits) against one-hot (or soft) targets, through log-softmax so
/// it stays finite for any logits (PyTorch's CrossEntropyLoss); gradient (softmax − y)/batch.
public func softmaxCrossEntropy(logits: Tensor, targets: Tensor) -> Tensor {
    -(targets * logSoftmax(logits)).sum(axis: -1).mean()
}

/// The same with class indices: `labels[i]` is the true class of row i.
public func softmaxCrossEntropy(logits: Tensor, labels: [Int]) -> Tensor {
    softmaxCrossEntropy(logits: logits, targets: oneHot(labels, classes: logits.shape.last ?? 0))
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
