/// How a loss turns its per-element (or per-sample) values into its result, as the `reduction`
/// argument of `torch.nn.functional`'s losses. A string literal works too: `reduction: "sum"`.
///
/// - `mean` (every loss's default): the average, a 0-dimensional tensor. Losses with class
///   weights (`nllLoss`, `softmaxCrossEntropy(logits:labels:)`) divide by the sum of the weights
///   of the counted samples instead, as torch.
/// - `sum`: the sum, a 0-dimensional tensor.
/// - `none`: the unreduced losses, with the shape the loss documents.
/// - `batchmean`: the sum divided by the first dimension (the batch size); only `klDiv` accepts
///   it (the others trap, as torch raises).
public enum Reduction: String, Sendable, ExpressibleByStringLiteral {
    /// The reductions torch names `"mean"`, `"sum"`, `"none"` and `"batchmean"` (see above).
    case mean, sum, none, batchmean

    /// Traps on a string that is not one of "mean", "sum", "none", "batchmean".
    public init(stringLiteral value: String) {
        guard let reduction = Reduction(rawValue: value) else {
            engineFailure("reduction must be \"mean\", \"sum\" or \"none\", got \"\(value)\"")
        }
        self = reduction
    }
}

extension Tensor {
    /// Per-element losses reduced as `reduction` says (batchmean traps: only klDiv has it).
    func reduced(_ reduction: Reduction) -> Tensor {
        switch reduction {
        case .mean: return mean()
        case .sum: return sum()
        case .none: return self
        case .batchmean: engineFailure("reduction \"batchmean\" is only for klDiv")
        }
    }
}
