/// Rosenblatt's perceptron: ŷ = heaviside(w·x + b), trained one sample at a time by
/// w ← w + η(y − ŷ)x, b ← b + η(y − ŷ) with labels 0/1. It converges exactly when the two
/// classes are linearly separable (AND, OR), and never otherwise (XOR).
public final class Perceptron {
    public var weights: [Double]
    public var bias: Double
    public var learningRate: Double

    public init(inputs: Int, learningRate: Double = 1) {
        weights = Array(repeating: 0, count: inputs)
        bias = 0
        self.learningRate = learningRate
    }

    public func predict(_ x: [Double]) -> Double {
        heaviside(zip(weights, x).reduce(bias) { $0 + $1.0 * $1.1 })
    }

    /// One pass over the samples in order; returns how many it got wrong (and corrected).
    @discardableResult
    public func trainEpoch(_ samples: [[Double]], labels: [Double]) -> Int {
        var mistakes = 0
        for (x, y) in zip(samples, labels) {
            let error = y - predict(x)
            guard error != 0 else { continue }
            mistakes += 1
            for i in weights.indices { weights[i] += learningRate * error * x[i] }
            bias += learningRate * error
        }
        return mistakes
    }

    /// Trains until an epoch makes no mistake (returns true) or `maxEpochs` pass (false).
    public func train(_ samples: [[Double]], labels: [Double], maxEpochs: Int = 100) -> Bool {
        (0..<maxEpochs).contains { _ in trainEpoch(samples, labels: labels) == 0 }
    }
}
