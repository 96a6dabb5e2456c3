// One time step of the three recurrent cells, given the input's projection x·W_ihᵀ + b_ih
// (computed for the whole sequence at once by RNN/LSTM/GRU, per call by the cells). Gates are
// in PyTorch's order so that its weights can be copied in: LSTM (i, f, g, o), GRU (r, z, n).
// Backpropagation through time is autodiff through the unrolled steps.

/// Which cell, and how many blocks of `hiddenSize` rows its weights stack.
enum RecurrentKind {
    case rnnTanh, rnnRelu, lstm, gru

    init(nonlinearity: String) {
        switch nonlinearity {
        case "tanh": self = .rnnTanh
        case "relu": self = .rnnRelu
        default: preconditionFailure("RNN nonlinearity must be \"tanh\" or \"relu\", got \"\(nonlinearity)\"")
        }
    }

    var gates: Int {
        switch self {
        case .rnnTanh, .rnnRelu: 1
        case .lstm: 4
        case .gru: 3
        }
    }
}
