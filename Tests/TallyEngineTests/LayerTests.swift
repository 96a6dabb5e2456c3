import Foundation
import XCTest
import TallyEngine

final class LayerTests: XCTestCase {
    func testDenseComputesActivationOfXWTransposedPlusB() {
        let layer = Dense(2, 3, activation: .tanh)
        layer.weight = Tensor([[1, 2], [3, 4], [5, 6]], requiresGrad: true)
        layer.bias = Tensor([0.1, 0.2, 0.3], requiresGrad: true)
        let x = Tensor([[1, -1], [0.5, 0]])
        let preActivations: [Double] = [-0.9, -0.8, -0.7, 0.6, 1.7, 2.8]  // x·Wᵀ + b by hand
        let expected = preActivations.map { Foundation.tanh($0) }
        for (got, want) in zip(layer(x).data, expected) { XCTAssertEqual(got, want, accuracy: 1e-15) }
        XCTAssertEqual(layer(Tensor([1, -1])).shape, [3], "a single sample stays a vector")
    }

    func testMLPAndBatchNormGradientsPassGradientCheck() {
        let model = MLP([3, 4, 2], activation: .tanh, seed: 3)
        let x = Tensor.normal([5, 3], seed: 4)
        // The check hands in fresh parameter tensors; the closure installs them in the model.
        let mlpError = gradientCheck({ params in
            for (i, layer) in model.layers.enumerated() { (layer.weight, layer.bias) = (params[2 * i], params[2 * i + 1]) }
            return softmaxCrossEntropy(logits: model(x), labels: [0, 1, 1, 0, 1])
        }, at: model.parameters)
        XCTAssertLessThan(mlpError, 1e-8)

        let norm = BatchNorm(3)
        let weights = Tensor([[1, -2, 0.5]])
        let normError = gradientCheck({ inputs in
            (norm.gamma, norm.beta) = (inputs[1], inputs[2])
            return pow(norm(inputs[0]) * weights + inputs[0], 2)
        }, at: [x, Tensor([1.5, 0.5, -1]), Tensor([0.1, 0.2, 0.3])])
        XCTAssertLessThan(normError, 1e-7)
    }

    func testMLPLearnsXOR() {
        let x = Tensor([[0, 0], [0, 1], [1, 0], [1, 1]]), y = Tensor([[0], [1], [1], [0]])
        let model = MLP([2, 8, 1], activation: .tanh, seed: 1)
        let optimizer = Adam(model.parameters, learningRate: 0.05)
        var loss = Double.infinity
        for _ in 0..<300 {
            optimizer.zeroGrad()
            let l = binaryCrossEntropy(logits: model(x), targets: y)
            l.backward()
            optimizer.step()
            loss = l.item
        }
        XCTAssertLessThan(loss, 0.01)
        XCTAssertEqual(sigmoid(model(x)).data.map { $0.rounded() }, [0, 1, 1, 0])
    }

    func testInitializationScales() {
        var rng = RandomGenerator(seed: 9)
        let (fanIn, fanOut) = (400, 200)
        let cases: [(Initialization, Double)] = [
            (.xavierUniform, 2.0 / Double(fanIn + fanOut)), (.xavierNormal, 2.0 / Double(fanIn + fanOut)),
            (.heUniform, 2.0 / Double(fanIn)), (.heNormal, 2.0 / Double(fanIn)),
        ]
        for (initialization, variance) in cases {
            let w = initialization.weights(fanIn: fanIn, fanOut: fanOut, using: &rng)
            XCTAssertEqual(w.shape, [fanOut, fanIn])
            XCTAssertEqual((w * w).mean().item, variance, accuracy: 0.03 * variance, "\(initialization)")
        }
        let bound = (6.0 / 600).squareRoot()
        XCTAssert(Initialization.xavierUniform.weights(fanIn: 400, fanOut: 200, using: &rng).data.allSatisfy { Swift.abs($0) <= bound })
    }

    func testPenalties() {
        let w = Tensor([[1, -2], [0.5, 0]], requiresGrad: true)
        XCTAssertEqual(l1Penalty([w], lambda: 0.1).item, 0.35, accuracy: 1e-15)
        XCTAssertEqual(l2Penalty([w], lambda: 0.1).item, 0.525, accuracy: 1e-15)
        let net = elasticNetPenalty([w, Tensor([3])], l1: 0.1, l2: 0.01)
        XCTAssertEqual(net.item, 0.1 * 6.5 + 0.01 * 14.25, accuracy: 1e-15)
        l2Penalty([w], lambda: 0.1).backward()
        XCTAssertEqual(w.grad!.data, [0.2, -0.4, 0.1, 0], "2λw")
    }

    func testInvertedDropout() {
        let dropout = Dropout(0.25, seed: 5)
        let x = Tensor.ones([10_000])
        let y = dropout(x)
        let kept = y.data.filter { $0 != 0 }
        XCTAssert(kept.allSatisfy { $0 == 1 / 0.75 }, "survivors are scaled by 1/(1 − p)")
        XCTAssertEqual(Double(kept.count) / 10_000, 0.75, accuracy: 0.02)
        XCTAssertEqual(y.mean().item, 1, accuracy: 0.03, "expectation preserved")
        dropout.eval()
        XCTAssertEqual(dropout(x).data, x.data, "identity at evaluation")
    }

    func testBatchNormTrainingAndEvaluation() {
        let norm = BatchNorm(2)
        let x = Tensor([[1, 10], [2, 20], [3, 60], [6, 30]])
        let y = norm(x)
        // Training output: per-feature mean 0 and biased variance 1/(1 + ε/σ²).
        for column in 0..<2 {
            let values = (0..<4).map { y[$0, column] }
            XCTAssertEqual(values.reduce(0, +) / 4, 0, accuracy: 1e-12)
            XCTAssertEqual(values.map { $0 * $0 }.reduce(0, +) / 4, 1, accuracy: 1e-5)
        }
        // Running statistics after one batch: 0.9·initial + 0.1·batch, unbiased variance.
        // Feature 0: mean 3, unbiased variance ((−2)² + 1 + 0 + 9)/3 = 14/3.
        XCTAssertEqual(norm.runningMean.data[0], 0.3, accuracy: 1e-15)
        XCTAssertEqual(norm.runningVariance.data[0], 0.9 + 0.1 * 14 / 3, accuracy: 1e-15)
        norm.eval()
        let z = norm(Tensor([[3, 30]]))
        XCTAssertEqual(z[0, 0], (3 - 0.3) / (0.9 + 0.1 * 14 / 3 + 1e-5).squareRoot(), accuracy: 1e-12)
    }

    func testGradientClipping() {
        let a = Tensor([0, 0], requiresGrad: true), b = Tensor([0], requiresGrad: true)
        a.grad = Tensor([3, -4])
        b.grad = Tensor([12])
        clipGradients([a], maxValue: 3.5)
        XCTAssertEqual(a.grad!.data, [3, -3.5])
        a.grad = Tensor([3, -4])
        let norm = clipGradientNorm([a, b], maxNorm: 6.5)
        XCTAssertEqual(norm, 13)
        XCTAssertEqual(a.grad!.data[0], 1.5, accuracy: 1e-6)
        XCTAssertEqual(b.grad!.data[0], 6, accuracy: 1e-6)
        XCTAssertEqual(clipGradientNorm([a, b], maxNorm: 100), 6.5, accuracy: 1e-5)
        XCTAssertEqual(b.grad!.data[0], 6, accuracy: 1e-6, "below the limit nothing changes")
    }

    func testEarlyStoppingWaitsForPatience() {
        var stopper = EarlyStopping(patience: 2, minDelta: 0.01)
        let losses = [1.0, 0.8, 0.795, 0.7, 0.71, 0.705, 0.5]
        let stops = losses.map { stopper.shouldStop(validationLoss: $0) }
        XCTAssertEqual(stops, [false, false, false, false, false, true, false])
        XCTAssertEqual(stopper.bestEpoch, 6)
    }

    func testPerceptronLearnsAndAndOrButNotXOR() {
        let inputs: [[Double]] = [[0, 0], [0, 1], [1, 0], [1, 1]]
        for (name, labels) in [("AND", [0.0, 0, 0, 1]), ("OR", [0.0, 1, 1, 1])] {
            let p = Perceptron(inputs: 2)
            XCTAssertTrue(p.train(inputs, labels: labels), name)
            XCTAssertEqual(inputs.map(p.predict), labels, name)
        }
        let xor = Perceptron(inputs: 2)
        XCTAssertFalse(xor.train(inputs, labels: [0, 1, 1, 0], maxEpochs: 1000), "XOR is not linearly separable")
        XCTAssertNotEqual(inputs.map(xor.predict), [0, 1, 1, 0])
    }

    func testResidualAddsTheInput() {
        let inner = Dense(3, 3, seed: 2)
        let block = Residual(inner)
        let x = Tensor([[1, 2, 3]])
        XCTAssertEqual(block(x).data, (x + inner(x)).data)
        XCTAssertEqual(block.parameters.count, 2)
        inner.weight = Tensor.zeros([3, 3], requiresGrad: true)
        XCTAssertEqual(block(x).data, x.data, "a zero block is the identity")
        let model = Sequential(Dense(3, 3, seed: 1), Activation.relu, Residual(Sequential(Dense(3, 3, seed: 4), Dropout(0.5))))
        model.eval()
        XCTAssertEqual(model(x).shape, [1, 3])
        XCTAssertEqual(model.parameters.count, 4)
    }
}
