/// Negative log-likelihood of class indices, as `torch.nn.functional.nll_loss`: `input` holds
/// log-probabilities [batch, classes] (e.g. from `logSoftmax`), `target[i]` is the class of row
/// i. Sample i's loss is −weight[target[i]]·input[i, target[i]]; rows whose target equals
/// `ignoreIndex` (default −100, torch's) contribute 0 and are not counted. `weight` is one
/// number per class (default all 1; not differentiated, as in torch).
///
/// Returns the `reduction`: "none" gives shape [batch]; "sum" the total; "mean" (default) the
/// total divided by the sum of the counted rows' weights (NaN if every row is ignored, as torch).
/// Traps if `input` is not [batch, classes], if `target.count` is not the batch size, if a
/// target is outside 0..<classes (other than ignoreIndex), or if `weight` has not `classes`
/// elements.
public func nllLoss(_ input: Tensor, _ target: [Int], weight: Tensor? = nil, ignoreIndex: Int = -100,
                    reduction: Reduction = .mean) -> Tensor {
    engineRequire(input.rank == 2, "nllLoss: input must be [batch, classes], got shape \(input.shape)")
    let (n, classes) = (input.shape[0], input.shape[1])
    engineRequire(target.count == n, "nllLoss: \(target.count) targets for input of shape \(input.shape)")
    engineRequire(weight == nil || weight!.count == classes,
                 "nllLoss: weight of shape \(weight!.shape) for \(classes) classes")
    let w = weight?.data ?? Array(repeating: 1, count: classes)
    // scale[i]: the weight of row i's class, 0 for an ignored row.
    let scale = target.map { label -> Double in
        if label == ignoreIndex { return 0 }
        engineRequire(label >= 0 && label < classes, "nllLoss: target \(label) not in 0..<\(classes)")
        return w[label]
    }
    let x = input.data
    let losses = (0..<n).map { i in scale[i] == 0 ? 0 : -scale[i] * x[i * classes + target[i]] }
    let perSample = Tensor.recording(shape: [n], data: losses, parents: [input]) { g in
        var gx = Array(repeating: 0.0, count: n * classes)
        for i in 0..<n where target[i] != ignoreIndex { gx[i * classes + target[i]] = -scale[i] * g[i] }
        input.accumulateGradient(gx)
    }
    if reduction == .mean {
        let counted = zip(target, scale).filter { $0.0 != ignoreIndex }.reduce(0) { $0 + $1.1 }
        return perSample.sum() / counted
    }
    return perSample.reduced(reduction)
}
