// Times TallyEngine's LSTM and multi-head attention, forward and backward; prints JSON
// (seconds) for bench/engine-sequence.sh, which times torch on the same workloads and compares.
// The sizes are given as arguments so that both sides read them from the script.
import Foundation
import TallyEngine

/// The fastest of `repeats` timings of `body` (the least disturbed on a shared machine).
func fastest(repeats: Int, _ body: () -> Void) -> Double {
    (0..<repeats).map { _ in
        let start = DispatchTime.now().uptimeNanoseconds
        body()
        return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    }.min()!
}

let sizes = Dictionary(uniqueKeysWithValues: CommandLine.arguments.dropFirst().map { argument -> (String, Int) in
    let parts = argument.split(separator: "=")
    return (String(parts[0]), Int(parts[1])!)
})
func size(_ key: String) -> Int { sizes[key]! }
let repeats = size("repeats")
var results: [String: Double] = [:]

// LSTM: a [steps, batch, input] sequence, loss = sum of all outputs.
let lstm = LSTM(size("lstm_input"), size("lstm_hidden"), seed: 1)
let sequence = Tensor.normal([size("lstm_steps"), size("lstm_batch"), size("lstm_input")], seed: 2)
results["lstm_forward"] = fastest(repeats: repeats) { _ = lstm(sequence) }
results["lstm_forward_backward"] = fastest(repeats: repeats) {
    for p in lstm.parameters { p.zeroGrad() }
    lstm(sequence).output.sum().backward()
}

// Multi-head self-attention, batch first: [batch, tokens, embed].
let attention = MultiheadAttention(size("mha_embed"), size("mha_heads"), batchFirst: true, seed: 3)
let tokens = Tensor.normal([size("mha_batch"), size("mha_tokens"), size("mha_embed")], seed: 4)
tokens.requiresGrad = true
results["mha_forward"] = fastest(repeats: repeats) { _ = attention(tokens, tokens, tokens) }
results["mha_forward_backward"] = fastest(repeats: repeats) {
    for p in attention.parameters { p.zeroGrad() }
    tokens.zeroGrad()
    attention(tokens, tokens, tokens).output.sum().backward()
}

let json = try JSONSerialization.data(withJSONObject: results, options: [.sortedKeys])
print(String(decoding: json, as: UTF8.self))
