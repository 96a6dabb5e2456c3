/// (prediction − target)² elementwise (broadcasting), reduced as `reduction` says: by default
/// the mean over all elements (PyTorch's MSELoss / `torch.nn.functional.mse_loss`).
/// The textbook ½(y − ŷ)² of a single output is `0.5 * mseLoss(ŷ, y)`.
public func mseLoss(_ prediction: Tensor, _ target: Tensor, reduction: Reduction) -> Tensor {
    pow(prediction - target, 2).reduced(reduction)
}

/// The mean squared error (reduction "mean"). A separate overload, not a default argument, so
/// that `mseLoss` names a (Tensor, Tensor) -> Tensor function (e.g. for `gradient(mseLoss, at:)`).
public func mseLoss(_ prediction: Tensor, _ target: Tensor) -> Tensor { mseLoss(prediction, target, reduction: .mean) }
