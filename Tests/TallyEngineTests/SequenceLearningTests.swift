import XCTest
import TallyEngine

/// The recurrent and attention layers train end to end: backpropagation through time reaches
/// the first step, and attention learns where to look.
final class SequenceLearningTests: XCTestCase {
    /// Remember the first of six ±1 inputs until the end: only gradients flowing back through
    /// all six steps can teach this.
    func testLSTMLearnsToRememberTheFirstInput() {
        var rng = RandomGenerator(seed: 7)
        let (steps, batch) = (6, 16)
        let x = Tensor(shape: [batch, steps, 1], data: (0..<batch * steps).map { _ in rng.uniform() < 0.5 ? -1 : 1 })
        let target = Tensor(shape: [batch, 1], data: (0..<batch).map { x.data[$0 * steps] })
        let lstm = LSTM(1, 8, batchFirst: true, seed: 1), head = Dense(8, 1, seed: 2)
        let optimizer = Adam(lstm.parameters + head.parameters, learningRate: 0.05)
        var loss = Double.infinity
        for _ in 0..<150 {
            optimizer.zeroGrad()
            let (_, hN, _) = lstm(x)
            let l = mseLoss(head(hN.reshaped([batch, 8])), target)
            l.backward()
            optimizer.step()
            loss = l.item
        }
        XCTAssertLessThan(loss, 0.05)
    }

    /// Copy the value at the position a one-hot marker points to: the query must learn to
    /// attend to the marked token.
    func testMultiheadAttentionLearnsToAttendToTheMarkedToken() {
        var rng = RandomGenerator(seed: 3)
        let (tokens, batch, embed) = (5, 16, 4)
        var data: [Double] = [], targets: [Double] = []
        for _ in 0..<batch {
            let marked = rng.integer(below: tokens)
            for t in 0..<tokens {
                let value = rng.uniform(-1, 1)
                if t == marked { targets.append(value) }
                data += [value, t == marked ? 1 : 0, 0, 0]
            }
        }
        let x = Tensor(shape: [batch, tokens, embed], data: data), y = Tensor(shape: [batch, 1], data: targets)
        let attention = MultiheadAttention(embed, 2, batchFirst: true, seed: 4), head = Dense(embed, 1, seed: 5)
        let optimizer = Adam(attention.parameters + head.parameters, learningRate: 0.03)
        var loss = Double.infinity
        for _ in 0..<300 {
            optimizer.zeroGrad()
            let out = attention(x, x, x).output.sum(axis: 1) / Double(tokens)
            let l = mseLoss(head(out), y)
            l.backward()
            optimizer.step()
            loss = l.item
        }
        XCTAssertLessThan(loss, 0.02)
    }
}
