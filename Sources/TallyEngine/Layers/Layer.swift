/// A building block of a model: turns a batch (rows are samples) into a batch. `parameters`
/// are the tensors an optimizer trains. Stacking layers is `Sequential`; the backward pass is
/// autodiff's `loss.backward()`.
public protocol Layer {
    /// The layer applied to a batch (rows are samples; each layer documents its shapes), recorded
    /// for autodiff.
    func callAsFunction(_ input: Tensor) -> Tensor
    /// The tensors an optimizer trains, in torch's `parameters()` order.
    var parameters: [Tensor] { get }
    /// Switches between training and evaluation behaviour (dropout, batch norm); most layers
    /// behave the same in both.
    func setTraining(_ training: Bool)
}

extension Layer {
    public func setTraining(_ training: Bool) {}

    /// Training mode, as PyTorch's `module.train()`.
    public func train() { setTraining(true) }

    /// Evaluation mode, as PyTorch's `module.eval()`.
    public func eval() { setTraining(false) }
}

/// An activation is a layer without parameters: `Sequential(Dense(2, 4), Activation.relu, …)`.
extension Activation: Layer {
    /// None: an activation learns nothing.
    public var parameters: [Tensor] { [] }
}
