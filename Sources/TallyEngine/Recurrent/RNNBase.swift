/// What RNN, LSTM and GRU share (as `torch.nn.RNNBase`): `numLayers` stacked layers, each
/// optionally bidirectional, run over a whole sequence. Each layer and direction is one cell
/// (`cells[layer · numDirections + direction]`, direction 1 reading the sequence backwards)
/// whose weights are torch's `weight_ih_l{k}`, `weight_hh_l{k}`, `bias_ih_l{k}`, `bias_hh_l{k}`
/// (suffix `_reverse` for direction 1); `namedParameters` lists them under those names so a
/// torch `state_dict` can be copied in. Layer k > 0 reads the previous layer's outputs
/// (numDirections · hiddenSize features). Backpropagation through time is autodiff through the
/// unrolled steps. Inter-layer dropout is not supported (torch's default 0).
public class RNNBase {
    /// Features per step of the input (torch's `input_size`).
    public let inputSize: Int
    /// H, features of the hidden state (torch's `hidden_size`).
    public let hiddenSize: Int
    /// L, stacked layers (torch's `num_layers`, default 1).
    public let numLayers: Int
    /// Whether input and output are [B, T, features] (true) rather than [T, B, features]
    /// (false, torch's default); states are [L·D, B, H] either way.
    public let batchFirst: Bool
    /// Whether each layer also reads the sequence backwards (D = 2; default false, D = 1).
    public let bidirectional: Bool
    /// One cell per layer and direction, index layer · numDirections + direction.
    public let cells: [RNNCellBase]
    let kind: RecurrentKind

    init(kind: RecurrentKind, inputSize: Int, hiddenSize: Int, numLayers: Int, bias: Bool, batchFirst: Bool,
         bidirectional: Bool, seed: UInt64) {
        engineRequire(numLayers > 0, "numLayers must be positive")
        var rng = RandomGenerator(seed: seed)
        let directions = bidirectional ? 2 : 1
        cells = (0..<numLayers * directions).map { index in
            RNNCellBase(kind: kind, inputSize: index < directions ? inputSize : directions * hiddenSize,
                        hiddenSize: hiddenSize, bias: bias, using: &rng)
        }
        (self.kind, self.inputSize, self.hiddenSize, self.numLayers) = (kind, inputSize, hiddenSize, numLayers)
        (self.batchFirst, self.bidirectional) = (batchFirst, bidirectional)
    }

    /// 2 when bidirectional, else 1.
    public var numDirections: Int { bidirectional ? 2 : 1 }

    /// All weights, in torch's `parameters()` order.
    public var parameters: [Tensor] { cells.flatMap(\.parameters) }

    /// (torch's name, tensor) for every weight, in torch's `named_parameters()` order, e.g.
    /// ("weight_ih_l0", …), ("bias_hh_l1_reverse", …).
    public var namedParameters: [(name: String, tensor: Tensor)] {
        cells.enumerated().flatMap { index, cell -> [(name: String, tensor: Tensor)] in
            let suffix = "_l\(index / numDirections)" + (index % numDirections == 1 ? "_reverse" : "")
            return [("weight_ih", cell.weightIh), ("weight_hh", cell.weightHh), ("bias_ih", cell.biasIh),
                    ("bias_hh", cell.biasHh)].compactMap { name, tensor in tensor.map { (name + suffix, $0) } }
        }
    }

    /// Runs the stack over `input` — [T, B, inputSize], or [B, T, inputSize] with batchFirst,
    /// or one unbatched sequence [T, inputSize] — from initial states [numLayers·numDirections,
    /// B, hiddenSize] (zeros if nil). Returns the last layer's outputs at every step
    /// ([T, B, numDirections·hiddenSize], batch-first or unbatched like the input) and the final
    /// hidden (and, for an LSTM, cell) state of every layer and direction.
    func run(_ input: Tensor, h0: Tensor?, c0: Tensor?) -> (output: Tensor, h: Tensor, c: Tensor?) {
        engineRequire((input.rank == 2 || input.rank == 3) && input.shape.last == inputSize,
                     "expected input [T, B, \(inputSize)] (or [B, T, \(inputSize)] with batchFirst, or [T, \(inputSize)]), got \(input.shape)")
        let unbatched = input.rank == 2
        var x = unbatched ? input.reshaped([input.shape[0], 1, inputSize]) : (batchFirst ? input.permuted([1, 0, 2]) : input)
        let (steps, batch) = (x.shape[0], x.shape[1])
        let stateShape = [cells.count, batch, hiddenSize]
        func initialStates(_ given: Tensor?) -> [Tensor] {
            guard let given else { return cells.map { _ in Tensor.zeros([batch, hiddenSize]) } }
            engineRequire(given.count == stateShape.product, "expected an initial state \(stateShape), got \(given.shape)")
            let states = given.reshaped(stateShape)
            return (0..<cells.count).map { states.narrowed(axis: 0, start: $0, length: 1).reshaped([batch, hiddenSize]) }
        }
        let hStart = initialStates(h0), cStart = kind == .lstm ? initialStates(c0) : []
        var hEnd: [Tensor] = [], cEnd: [Tensor] = []
        for layer in 0..<numLayers {
            let flat = x.reshaped([steps * batch, x.shape[2]])
            var outputs: [Tensor] = []
            for direction in 0..<numDirections {
                let index = layer * numDirections + direction
                let cell = cells[index]
                // All steps' input projections in one matrix product, as torch does.
                let projections = cell.inputProjection(flat)
                var h = hStart[index], c: Tensor? = kind == .lstm ? cStart[index] : nil
                var states = [Tensor?](repeating: nil, count: steps)
                for t in direction == 0 ? Array(0..<steps) : Array((0..<steps).reversed()) {
                    let next = cell.step(inputProjection: projections.narrowed(axis: 0, start: t * batch, length: batch),
                                         hidden: h, cell: c)
                    (h, c) = (next.h, next.c)
                    states[t] = h
                }
                outputs.append(stack(states.map { $0! }))
                hEnd.append(h)
                if let c { cEnd.append(c) }
            }
            x = outputs.count == 1 ? outputs[0] : concatenate(outputs, axis: 2)
        }
        let output = unbatched ? x.reshaped([steps, x.shape[2]]) : (batchFirst ? x.permuted([1, 0, 2]) : x)
        func finalStates(_ states: [Tensor]) -> Tensor {
            let stacked = stack(states)
            return unbatched ? stacked.reshaped([cells.count, hiddenSize]) : stacked
        }
        return (output, finalStates(hEnd), kind == .lstm ? finalStates(cEnd) : nil)
    }
}

/// A multi-layer Elman RNN over a sequence, each layer h_t = tanh(x_t·W_ihᵀ + b_ih +
/// h_{t−1}·W_hhᵀ + b_hh) (or ReLU). Mirrors `torch.nn.RNN(input_size, hidden_size,
/// num_layers=1, nonlinearity='tanh', bias=True, batch_first=False, bidirectional=False)`;
/// weights and shapes as in `RNNBase`. Returns (output [T, B, D·H], hN [L·D, B, H]).
///
///     let rnn = RNN(3, 5, numLayers: 2, batchFirst: true)
///     let (output, hN) = rnn(x)      // x [batch, steps, 3]
public final class RNN: RNNBase {
    /// An Elman RNN from `inputSize` to `hiddenSize` features: `numLayers` 1, `nonlinearity`
    /// "tanh" (or "relu"), biases, sequence-first, one direction by default; `seed` draws the weights.
    /// Traps on another nonlinearity.
    public init(_ inputSize: Int, _ hiddenSize: Int, numLayers: Int = 1, nonlinearity: String = "tanh", bias: Bool = true,
                batchFirst: Bool = false, bidirectional: Bool = false, seed: UInt64 = 0) {
        super.init(kind: RecurrentKind(nonlinearity: nonlinearity), inputSize: inputSize, hiddenSize: hiddenSize,
                   numLayers: numLayers, bias: bias, batchFirst: batchFirst, bidirectional: bidirectional, seed: seed)
    }

    /// Runs over `input` [T, B, inputSize] ([B, T, inputSize] with batchFirst; [T, inputSize]
    /// unbatched) from `h0` [L·D, B, H] (zeros if nil): (output [T, B, D·H], hN [L·D, B, H]).
    /// Differentiable (backpropagation through time). Traps on other shapes.
    public func callAsFunction(_ input: Tensor, _ h0: Tensor? = nil) -> (output: Tensor, hN: Tensor) {
        let result = run(input, h0: h0, c0: nil)
        return (result.output, result.h)
    }
}

/// A multi-layer LSTM over a sequence, each layer an `LSTMCell` unrolled in time. Mirrors
/// `torch.nn.LSTM(input_size, hidden_size, num_layers=1, bias=True, batch_first=False,
/// bidirectional=False)` (no projections); weights and shapes as in `RNNBase`. Initial state
/// (h0, c0), each [L·D, B, H], zeros if nil. Returns (output [T, B, D·H], hN, cN).
public final class LSTM: RNNBase {
    /// An LSTM from `inputSize` to `hiddenSize` features: `numLayers` 1, biases, sequence-first, one
    /// direction by default; `seed` draws the weights.
    public init(_ inputSize: Int, _ hiddenSize: Int, numLayers: Int = 1, bias: Bool = true, batchFirst: Bool = false,
                bidirectional: Bool = false, seed: UInt64 = 0) {
        super.init(kind: .lstm, inputSize: inputSize, hiddenSize: hiddenSize, numLayers: numLayers, bias: bias,
                   batchFirst: batchFirst, bidirectional: bidirectional, seed: seed)
    }

    /// Runs over `input` [T, B, inputSize] ([B, T, inputSize] with batchFirst) from (h0, c0), each
    /// [L·D, B, H] (zeros if nil): (output [T, B, D·H], hN, cN [L·D, B, H]). Differentiable
    /// (backpropagation through time). Traps on other shapes.
    public func callAsFunction(_ input: Tensor, _ state: (h0: Tensor, c0: Tensor)? = nil) -> (output: Tensor, hN: Tensor, cN: Tensor) {
        let result = run(input, h0: state?.h0, c0: state?.c0)
        return (result.output, result.h, result.c!)
    }
}

/// A multi-layer GRU over a sequence, each layer a `GRUCell` unrolled in time. Mirrors
/// `torch.nn.GRU(input_size, hidden_size, num_layers=1, bias=True, batch_first=False,
/// bidirectional=False)`; weights and shapes as in `RNNBase`. Returns (output [T, B, D·H], hN).
public final class GRU: RNNBase {
    /// A GRU from `inputSize` to `hiddenSize` features: `numLayers` 1, biases, sequence-first, one
    /// direction by default; `seed` draws the weights.
    public init(_ inputSize: Int, _ hiddenSize: Int, numLayers: Int = 1, bias: Bool = true, batchFirst: Bool = false,
                bidirectional: Bool = false, seed: UInt64 = 0) {
        super.init(kind: .gru, inputSize: inputSize, hiddenSize: hiddenSize, numLayers: numLayers, bias: bias,
                   batchFirst: batchFirst, bidirectional: bidirectional, seed: seed)
    }

    /// Runs over `input` [T, B, inputSize] ([B, T, inputSize] with batchFirst) from `h0`
    /// [L·D, B, H] (zeros if nil): (output [T, B, D·H], hN [L·D, B, H]). Differentiable
    /// (backpropagation through time). Traps on other shapes.
    public func callAsFunction(_ input: Tensor, _ h0: Tensor? = nil) -> (output: Tensor, hN: Tensor) {
        let result = run(input, h0: h0, c0: nil)
        return (result.output, result.h)
    }
}
