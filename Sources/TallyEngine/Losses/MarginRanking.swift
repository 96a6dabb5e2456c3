/// Margin ranking loss, as `torch.nn.functional.margin_ranking_loss(x1, x2, target, margin,
/// reduction)`: max(0, −target·(x1 − x2) + margin) elementwise (broadcasting), where target = 1
/// means x1 should rank higher and −1 lower. Default margin 0; the derivative at the hinge is 0
/// (torch's clamp rule). Returns the `reduction` (default mean; "none" keeps the shape).
public func marginRankingLoss(_ x1: Tensor, _ x2: Tensor, _ target: Tensor, margin: Double = 0,
                              reduction: Reduction = .mean) -> Tensor {
    maximum(-target * (x1 - x2) + margin, 0).reduced(reduction)
}
