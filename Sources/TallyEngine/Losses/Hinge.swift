/// Hinge loss for labels ±1 and raw scores: mean of max(0, 1 − y·score), as in linear SVMs.
public func hingeLoss(_ scores: Tensor, _ labels: Tensor) -> Tensor {
    relu(1 - labels * scores).mean()
}
