/// What RNNCell, LSTMCell and GRUCell share (as `torch.nn.RNNCellBase`): the sizes and the
/// weights in PyTorch's layout, so a torch state dict copies in entry by entry —
/// `weightIh` [gates·hiddenSize, inputSize], `weightHh` [gates·hiddenSize, hiddenSize], `biasIh`
/// and `biasHh` [gates·hiddenSize] (nil without bias), gates being 1 (RNN), 4 (LSTM: i, f, g, o)
/// or 3 (GRU: r, z, n). All start U(−1/√hiddenSize, 1/√hiddenSize), seeded, as torch's
/// `reset_parameters`. RNN, LSTM and GRU hold one cell per layer and direction.
public class RNNCellBase {
    /// Features of the input (torch's `input_size`).
    public let inputSize: Int
    /// Features of the hidden state (torch's `hidden_size`).
    public let hiddenSize: Int
    /// Input-to-hidden weights [gates·hiddenSize, inputSize] (torch's `weight_ih`).
    public var weightIh: Tensor
    /// Hidden-to-hidden weights [gates·hiddenSize, hiddenSize] (torch's `weight_hh`).
    public var weightHh: Tensor
    /// Input bias [gates·hiddenSize] (torch's `bias_ih`; nil without bias).
    public var biasIh: Tensor?
    /// Hidden bias [gates·hiddenSize] (torch's `bias_hh`; nil without bias).
    public var biasHh: Tensor?
    let kind: RecurrentKind

    init(kind: RecurrentKind, inputSize: Int, hiddenSize: Int, bias: Bool, using rng: inout RandomGenerator) {
        engineRequire(inputSize > 0 && hiddenSize > 0, "recurrent layer sizes must be positive")
        let bound = 1 / Double(hiddenSize).squareRoot(), rows = kind.gates * hiddenSize
        func parameter(_ shape: [Int]) -> Tensor {
            let t = Tensor.uniform(shape, low: -bound, high: bound, using: &rng)
            t.requiresGrad = true
            return t
        }
        (self.kind, self.inputSize, self.hiddenSize) = (kind, inputSize, hiddenSize)
        weightIh = parameter([rows, inputSize])
        weightHh = parameter([rows, hiddenSize])
        if bias {
            biasIh = parameter([rows])
            biasHh = parameter([rows])
        }
    }

    /// weightIh, weightHh, biasIh, biasHh (those present), in torch's order.
    public var parameters: [Tensor] { [weightIh, weightHh, biasIh, biasHh].compactMap { $0 } }

    /// x·W_ihᵀ + b_ih for inputs [n, inputSize].
    func inputProjection(_ x: Tensor) -> Tensor {
        engineRequire(x.rank == 2 && x.shape[1] == inputSize, "expected inputs [batch, \(inputSize)], got \(x.shape)")
        let projected = matmul(x, weightIh, transposeB: true)
        return biasIh.map { projected + $0 } ?? projected
    }

    /// h·W_hhᵀ + b_hh.
    func hiddenProjection(_ h: Tensor) -> Tensor {
        let projected = matmul(h, weightHh, transposeB: true)
        return biasHh.map { projected + $0 } ?? projected
    }

    /// The next hidden state (and for an LSTM the next cell state) from the input projection
    /// [B, gates·H] and the current state [B, H], with torch's equations.
    func step(inputProjection xp: Tensor, hidden h: Tensor, cell c: Tensor?) -> (h: Tensor, c: Tensor?) {
        switch kind {
        case .rnnTanh:
            return (tanh(xp + hiddenProjection(h)), nil)
        case .rnnRelu:
            return (relu(xp + hiddenProjection(h)), nil)
        case .lstm:
            // (i, f, g, o) = (σ, σ, tanh, σ)(gates); c′ = f·c + i·g; h′ = o·tanh(c′), fused.
            let gates = xp + hiddenProjection(h)
            let next = lstmCellState(gates: gates, cell: c!)
            return (lstmHiddenState(gates: gates, cell: next), next)
        case .gru:
            let x = xp.chunked(3, axis: -1), hp = hiddenProjection(h).chunked(3, axis: -1)
            let r = sigmoid(x[0] + hp[0]), z = sigmoid(x[1] + hp[1])
            let n = tanh(x[2] + r * hp[2])
            return ((1 - z) * n + z * h, nil)
        }
    }

    /// A batch [B, inputSize] as is, or one sample [inputSize] as a batch of one, with a state of
    /// zeros [B, hiddenSize] where none is given; `unbatched` says to drop the batch axis again.
    func batched(_ input: Tensor, _ state: Tensor?) -> (input: Tensor, state: Tensor, unbatched: Bool) {
        engineRequire((input.rank == 1 || input.rank == 2) && input.shape.last == inputSize,
                     "expected input [batch, \(inputSize)] or [\(inputSize)], got \(input.shape)")
        let unbatched = input.rank == 1
        let x = unbatched ? input.reshaped([1, inputSize]) : input
        let batch = x.shape[0]
        guard let state else { return (x, Tensor.zeros([batch, hiddenSize]), unbatched) }
        engineRequire(state.count == batch * hiddenSize, "expected a state [\(batch), \(hiddenSize)], got \(state.shape)")
        return (x, state.reshaped([batch, hiddenSize]), unbatched)
    }
}

/// An Elman RNN cell: h′ = tanh(x·W_ihᵀ + b_ih + h·W_hhᵀ + b_hh) (or ReLU with
/// `nonlinearity: "relu"`). Mirrors `torch.nn.RNNCell`; weights as in `RNNCellBase`.
/// Input [B, inputSize] or [inputSize]; the state h [B, hiddenSize] defaults to zeros; returns
/// h′ of the state's shape. Traps on other shapes or an unknown nonlinearity.
public final class RNNCell: RNNCellBase {
    /// An Elman cell from `inputSize` to `hiddenSize` features, with biases and tanh by default
    /// (`nonlinearity: "relu"` for ReLU); `seed` draws the weights. Traps on another nonlinearity.
    public init(_ inputSize: Int, _ hiddenSize: Int, bias: Bool = true, nonlinearity: String = "tanh", seed: UInt64 = 0) {
        var rng = RandomGenerator(seed: seed)
        super.init(kind: RecurrentKind(nonlinearity: nonlinearity), inputSize: inputSize, hiddenSize: hiddenSize,
                   bias: bias, using: &rng)
    }

    /// One step: h′ [B, hiddenSize] from `input` [B, inputSize] and `hx` (zeros if nil); [inputSize]
    /// in gives [hiddenSize] out. Differentiable. Traps on other shapes.
    public func callAsFunction(_ input: Tensor, _ hx: Tensor? = nil) -> Tensor {
        let (x, h, unbatched) = batched(input, hx)
        let next = step(inputProjection: inputProjection(x), hidden: h, cell: nil).h
        return unbatched ? next.reshaped([hiddenSize]) : next
    }
}

/// A long short-term memory cell (Hochreiter & Schmidhuber, 1997, with a forget gate):
/// (i, f, g, o) = (σ, σ, tanh, σ)(x·W_ihᵀ + b_ih + h·W_hhᵀ + b_hh) split in four,
/// c′ = f ⊙ c + i ⊙ g, h′ = o ⊙ tanh(c′). Mirrors `torch.nn.LSTMCell`; weights as in
/// `RNNCellBase`. Input [B, inputSize] or [inputSize]; the state (h, c), each [B, hiddenSize],
/// defaults to zeros; returns (h′, c′).
public final class LSTMCell: RNNCellBase {
    /// An LSTM cell from `inputSize` to `hiddenSize` features, with biases by default; `seed` draws the weights.
    public init(_ inputSize: Int, _ hiddenSize: Int, bias: Bool = true, seed: UInt64 = 0) {
        var rng = RandomGenerator(seed: seed)
        super.init(kind: .lstm, inputSize: inputSize, hiddenSize: hiddenSize, bias: bias, using: &rng)
    }

    /// One step: (h′, c′), each [B, hiddenSize], from `input` [B, inputSize] and the state (h, c)
    /// (zeros if nil); [inputSize] in gives [hiddenSize] states. Differentiable. Traps on other shapes.
    public func callAsFunction(_ input: Tensor, _ state: (h: Tensor, c: Tensor)? = nil) -> (h: Tensor, c: Tensor) {
        let (x, h, unbatched) = batched(input, state?.h)
        let c = batched(input, state?.c).state
        let (nextH, nextC) = step(inputProjection: inputProjection(x), hidden: h, cell: c)
        return unbatched ? (nextH.reshaped([hiddenSize]), nextC!.reshaped([hiddenSize])) : (nextH, nextC!)
    }
}

/// A gated recurrent unit (Cho et al., 2014): (r, z) = σ(x·W_ihᵀ + b_ih + h·W_hhᵀ + b_hh) in
/// their blocks, n = tanh(x·W_inᵀ + b_in + r ⊙ (h·W_hnᵀ + b_hn)), h′ = (1 − z) ⊙ n + z ⊙ h.
/// Mirrors `torch.nn.GRUCell`; weights as in `RNNCellBase` (blocks r, z, n). Input
/// [B, inputSize] or [inputSize]; h [B, hiddenSize] defaults to zeros; returns h′.
public final class GRUCell: RNNCellBase {
    /// A GRU cell from `inputSize` to `hiddenSize` features, with biases by default; `seed` draws the weights.
    public init(_ inputSize: Int, _ hiddenSize: Int, bias: Bool = true, seed: UInt64 = 0) {
        var rng = RandomGenerator(seed: seed)
        super.init(kind: .gru, inputSize: inputSize, hiddenSize: hiddenSize, bias: bias, using: &rng)
    }

    /// One step: h′ [B, hiddenSize] from `input` [B, inputSize] and `hx` (zeros if nil); [inputSize]
    /// in gives [hiddenSize] out. Differentiable. Traps on other shapes.
    public func callAsFunction(_ input: Tensor, _ hx: Tensor? = nil) -> Tensor {
        let (x, h, unbatched) = batched(input, hx)
        let next = step(inputProjection: inputProjection(x), hidden: h, cell: nil).h
        return unbatched ? next.reshaped([hiddenSize]) : next
    }
}
