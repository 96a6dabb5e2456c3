/// Which recurrent cell, and how many blocks of `hiddenSize` rows its weights stack, in
/// PyTorch's gate order so that its weights copy in: LSTM (i, f, g, o), GRU (r, z, n). The step
/// itself is `RNNCellBase.step`.
enum RecurrentKind {
    case rnnTanh, rnnRelu, lstm, gru

    init(nonlinearity: String) {
        switch nonlinearity {
        case "tanh": self = .rnnTanh
        case "relu": self = .rnnRelu
        default: engineFailure("RNN nonlinearity must be \"tanh\" or \"relu\", got \"\(nonlinearity)\"")
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
