/// |prediction − target| elementwise (broadcasting), reduced as `reduction` says: by default the
/// mean (PyTorch's L1Loss / `torch.nn.functional.l1_loss`); its gradient at a zero residual is 0.
public func maeLoss(_ prediction: Tensor, _ target: Tensor, reduction: Reduction) -> Tensor {
    abs(prediction - target).reduced(reduction)
}

/// The mean absolute error (reduction "mean"); an overload so that `maeLoss` names a
/// (Tensor, Tensor) -> Tensor function, as `mseLoss`.
public func maeLoss(_ prediction: Tensor, _ target: Tensor) -> Tensor { maeLoss(prediction, target, reduction: .mean) }
