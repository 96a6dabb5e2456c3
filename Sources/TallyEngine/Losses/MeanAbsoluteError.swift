/// |prediction − target| elementwise (broadcasting), reduced as `reduction` says: by default the
/// mean (PyTorch's L1Loss / `torch.nn.functional.l1_loss`); its gradient at a zero residual is 0.
public func maeLoss(_ prediction: Tensor, _ target: Tensor, reduction: Reduction = .mean) -> Tensor {
    abs(prediction - target).reduced(reduction)
}
