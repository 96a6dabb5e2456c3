// Regularisation penalties, added to the loss so that autodiff puts their gradients into the
// parameters: `loss = mseLoss(model(x), y) + l2Penalty(model.weights, lambda: 1e-3)`.

/// λ·Σ|w| (lasso): pushes weights to exactly zero.
public func l1Penalty(_ parameters: [Tensor], lambda: Double) -> Tensor {
    elasticNetPenalty(parameters, l1: lambda, l2: 0)
}

/// λ·Σw² (ridge): shrinks weights. Its gradient 2λw is the gradient descent "weight decay"
/// of strength 2λ (PyTorch's `weight_decay = 2λ` gives the same SGD step).
public func l2Penalty(_ parameters: [Tensor], lambda: Double) -> Tensor {
    elasticNetPenalty(parameters, l1: 0, l2: lambda)
}

/// l1·Σ|w| + l2·Σw²: both at once.
public func elasticNetPenalty(_ parameters: [Tensor], l1: Double, l2: Double) -> Tensor {
    parameters.reduce(Tensor(0)) { total, w in
        var penalty = total
        if l1 != 0 { penalty = penalty + l1 * abs(w).sum() }
        if l2 != 0 { penalty = penalty + l2 * (w * w).sum() }
        return penalty
    }
}
