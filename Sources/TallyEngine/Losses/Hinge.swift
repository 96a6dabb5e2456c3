/// Hinge loss for labels ±1 and raw scores: max(0, 1 − y·score) elementwise, reduced as
/// `reduction` says (default mean), as in linear SVMs.
public func hingeLoss(_ scores: Tensor, _ labels: Tensor, reduction: Reduction) -> Tensor {
    relu(1 - labels * scores).reduced(reduction)
}

/// The mean hinge loss; an overload so that `hingeLoss` names a (Tensor, Tensor) -> Tensor function.
public func hingeLoss(_ scores: Tensor, _ labels: Tensor) -> Tensor { hingeLoss(scores, labels, reduction: .mean) }
