import Foundation

/// Kullback–Leibler divergence loss, as `torch.nn.functional.kl_div(input, target, reduction,
/// log_target)`: `input` holds log-probabilities (log q), `target` probabilities p (or log p when
/// `logTarget`), same shape. Each element is
///
///     p·(ln p − input)          (0 where p = 0)      logTarget false (default)
///     eᵗ·(t − input)            for t = log p        logTarget true
///
/// Returns the `reduction`: "mean" (torch's default, the mean over all elements — which is not
/// the KL divergence of the rows), "batchmean" (sum / first dimension: the mathematical KL
/// divergence per sample, what torch recommends), "sum", or "none" (input's shape). The gradient
/// in `input` is −p; in `target`, ln p + 1 − input (eᵗ(t − input + 1) with logTarget), taken as
/// −input where p = 0.
public func klDiv(_ input: Tensor, _ target: Tensor, reduction: Reduction = .mean, logTarget: Bool = false) -> Tensor {
    engineRequire(input.shape == target.shape, "klDiv: input \(input.shape) and target \(target.shape) differ in shape")
    let terms: Tensor
    if logTarget {
        terms = binaryOperation(input, target, { x, t in Foundation.exp(t) * (t - x) }) { x, t, _ in
            (-Foundation.exp(t), Foundation.exp(t) * (t - x + 1))
        }
    } else {
        terms = binaryOperation(input, target, { x, p in (p > 0 ? p * Foundation.log(p) : 0) - p * x }) { x, p, _ in
            (-p, (p > 0 ? Foundation.log(p) + 1 : 0) - x)
        }
    }
    if reduction == .batchmean {
        return terms.sum() / Double(input.shape.first ?? 1)
    }
    return terms.reduced(reduction)
}
