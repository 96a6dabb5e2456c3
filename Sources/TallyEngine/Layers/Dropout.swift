/// Inverted dropout: in training, zeroes each element with probability p and scales the
/// survivors by 1/(1 − p); in evaluation, does nothing.
///
/// The original dropout (Srivastava et al., 2014) did not scale during training; instead, at
/// test time, it multiplied the weights (equivalently the activations) by the keep
/// probability 1 − p, so each unit's expected input matched training. Scaling during training
/// instead gives the same expectations and leaves the trained network usable as is.
public final class Dropout: Layer {
    /// p, the probability that an element is zeroed in training (default 0.5).
    public let probability: Double
    /// True in training mode (the initial one), false after `eval()`.
    public private(set) var isTraining = true
    private var rng: RandomGenerator

    /// Dropout with probability `probability` (default 0.5, as `torch.nn.Dropout`), its masks drawn
    /// from a generator seeded with `seed`. Traps unless 0 ≤ p < 1.
    public init(_ probability: Double = 0.5, seed: UInt64 = 0) {
        engineRequire(probability >= 0 && probability < 1, "dropout probability must be in [0, 1)")
        self.probability = probability
        rng = RandomGenerator(seed: seed)
    }

    /// In training, `x` with each element zeroed with probability p and the others scaled by
    /// 1/(1 − p) (same shape, differentiable); in evaluation, `x` unchanged.
    public func callAsFunction(_ x: Tensor) -> Tensor {
        guard isTraining && probability > 0 else { return x }
        let keep = 1 / (1 - probability)
        let mask = Tensor(shape: x.shape, data: (0..<x.count).map { _ in rng.uniform() < probability ? 0 : keep })
        return x * mask
    }

    /// None: dropout learns nothing.
    public var parameters: [Tensor] { [] }

    public func setTraining(_ training: Bool) { isTraining = training }
}
