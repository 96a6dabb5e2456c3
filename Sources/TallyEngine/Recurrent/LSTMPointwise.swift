import Foundation

// The elementwise part of an LSTM step as two fused operations instead of a dozen small ones
// (four slices, three sigmoids, two tanh, products and a sum, each allocating and recording):
// the same equations and the same float operations per element, one pass forward and back.
// Gate pre-activations come as [B, 4H] in torch's order (i, f, g, o).

/// c′ = σ(i)·tanh(g) + σ(f)·c, from the gate pre-activations [B, 4H] and the cell state [B, H].
func lstmCellState(gates: Tensor, cell c: Tensor) -> Tensor {
    let (batch, width) = (gates.shape[0], gates.shape[1])
    let hidden = width / 4
    engineRequire(gates.rank == 2 && width == 4 * hidden && c.shape == [batch, hidden],
                 "LSTM gates \(gates.shape) do not fit the cell state \(c.shape)")
    let (x, cd) = (gates.data, c.data)
    let sigmoid = Activation.sigmoid.function
    var out = [Double](repeating: 0, count: batch * hidden)
    for b in 0..<batch {
        for j in 0..<hidden {
            let row = b * width + j
            out[b * hidden + j] = sigmoid(x[row + hidden]) * cd[b * hidden + j] + sigmoid(x[row]) * Foundation.tanh(x[row + 2 * hidden])
        }
    }
    return Tensor.recording(shape: [batch, hidden], data: out, parents: [gates, c]) { g in
        var gGates = [Double](repeating: 0, count: gates.count), gc = [Double](repeating: 0, count: c.count)
        for b in 0..<batch {
            for j in 0..<hidden {
                let (row, k) = (b * width + j, b * hidden + j)
                let i = sigmoid(x[row]), f = sigmoid(x[row + hidden]), t = Foundation.tanh(x[row + 2 * hidden])
                gGates[row] = g[k] * t * i * (1 - i)
                gGates[row + hidden] = g[k] * cd[k] * f * (1 - f)
                gGates[row + 2 * hidden] = g[k] * i * (1 - t * t)
                gc[k] = g[k] * f
            }
        }
        gates.accumulateGradient(gGates)
        c.accumulateGradient(gc)
    }
}

/// h′ = σ(o)·tanh(c′), from the gate pre-activations [B, 4H] and the new cell state [B, H].
func lstmHiddenState(gates: Tensor, cell c: Tensor) -> Tensor {
    let (batch, width) = (gates.shape[0], gates.shape[1])
    let hidden = width / 4
    let (x, cd) = (gates.data, c.data)
    let sigmoid = Activation.sigmoid.function
    var out = [Double](repeating: 0, count: batch * hidden)
    for b in 0..<batch {
        for j in 0..<hidden { out[b * hidden + j] = sigmoid(x[b * width + 3 * hidden + j]) * Foundation.tanh(cd[b * hidden + j]) }
    }
    return Tensor.recording(shape: [batch, hidden], data: out, parents: [gates, c]) { g in
        var gGates = [Double](repeating: 0, count: gates.count), gc = [Double](repeating: 0, count: c.count)
        for b in 0..<batch {
            for j in 0..<hidden {
                let (row, k) = (b * width + 3 * hidden + j, b * hidden + j)
                let o = sigmoid(x[row]), t = Foundation.tanh(cd[k])
                gGates[row] = g[k] * t * o * (1 - o)
                gc[k] = g[k] * o * (1 - t * t)
            }
        }
        gates.accumulateGradient(gGates)
        c.accumulateGradient(gc)
    }
}
