/// A residual connection (He et al., 2016): x + inner(x). The identity path lets gradients
/// reach early layers undiminished; `inner` must keep the shape.
public final class Residual: Layer {
    /// The wrapped layer; its output must have its input's shape.
    public let inner: any Layer

    /// x + inner(x) around `inner`.
    public init(_ inner: any Layer) { self.inner = inner }

    /// x + inner(x), same shape as x. Traps (in `+`) when inner changes the shape.
    public func callAsFunction(_ x: Tensor) -> Tensor { x + inner(x) }

    /// The inner layer's parameters.
    public var parameters: [Tensor] { inner.parameters }

    public func setTraining(_ training: Bool) { inner.setTraining(training) }
}
