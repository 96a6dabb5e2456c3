/// Mean of |prediction − target| (PyTorch's L1Loss); its gradient at a zero residual is 0.
public func maeLoss(_ prediction: Tensor, _ target: Tensor) -> Tensor {
    abs(prediction - target).mean()
}
