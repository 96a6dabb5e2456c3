/// Rosenblatt's perceptron: ŷ = heaviside(w·x + b), trained one sample at a time by
/// w ← w + η(y − ŷ)x, b ← b + η(y − ŷ) with labels 0/1. It converges exactly when the two
/// classes are linearly separable (AND, OR), and never otherwise (XOR).
public final class Perceptron {
    /// w, one weight per input, starting at zeros.
    public var weights: [Double]
    /// b, starting at 0.
    public var bias: Double
    /// η, the step of each correction (default 1).
    public var learningRate: Double

    /// A perceptron over `inputs` features with zero weights and bias and learning rate η (default 1).
    public init(inputs: Int, learningRate: Double = 1) {
        weights = Array(repeating: 0, count: inputs)
        bias = 0
        self.learningRate = learningRate
    }

    /// heaviside(w·x + b): 1 or 0 for one sample `x` of `inputs` numbers.
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
