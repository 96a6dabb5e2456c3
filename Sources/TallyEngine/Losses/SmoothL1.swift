/// Smooth L1 loss, as `torch.nn.functional.smooth_l1_loss(input, target, reduction, beta)`: for
/// d = input − target (same shape), ½d²/β where |d| < β and |d| − ½β elsewhere (default β = 1;
/// β = 0 is the L1 loss). The derivative is d/β clipped to [−1, 1] (sign(d) when β = 0, 0 at 0).
/// Equal to `huberLoss(delta: β)` divided by β. Returns the `reduction` (default mean; "none"
/// keeps the shape). Traps if β < 0.
public func smoothL1Loss(_ input: Tensor, _ target: Tensor, reduction: Reduction = .mean, beta: Double = 1) -> Tensor {
    engineRequire(beta >= 0, "smoothL1Loss needs beta ≥ 0, got \(beta)")
    engineRequire(input.shape == target.shape, "smoothL1Loss: input \(input.shape) and target \(target.shape) differ in shape")
    if beta == 0 { return abs(input - target).reduced(reduction) }
    return (input - target).map({ d in
        Swift.abs(d) < beta ? 0.5 * d * d / beta : Swift.abs(d) - 0.5 * beta
    }, derivative: { d, _ in Swift.min(Swift.max(d / beta, -1), 1) }).reduced(reduction)
}
