/// Mean of (prediction − target)², averaged over all elements (PyTorch's MSELoss).
/// The textbook ½(y − ŷ)² of a single output is `0.5 * mseLoss(ŷ, y)`.
public func mseLoss(_ prediction: Tensor, _ target: Tensor) -> Tensor {
    pow(prediction - target, 2).mean()
}
