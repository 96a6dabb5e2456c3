/// A residual connection (He et al., 2016): x + inner(x). The identity path lets gradients
/// reach early layers undiminished; `inner` must keep the shape.
public final class Residual: Layer {
    public let inner: any Layer

    public init(_ inner: any Layer) { self.inner = inner }

    public func callAsFunction(_ x: Tensor) -> Tensor { x + inner(x) }

    public var parameters: [Tensor] { inner.parameters }

    public func setTraining(_ training: Bool) { inner.setTraining(training) }
}
