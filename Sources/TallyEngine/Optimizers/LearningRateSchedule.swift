import Foundation

/// A learning rate as a function of the epoch (counting from 0), in the closed forms of
/// PyTorch's StepLR, ExponentialLR and CosineAnnealingLR:
///
///     let schedule = LearningRateSchedule.cosine(initial: 0.1, period: 50)
///     for epoch in 0..<50 { optimizer.learningRate = schedule(epoch); … }
public struct LearningRateSchedule: Sendable {
    private let rate: @Sendable (Int) -> Double

    /// A schedule from its formula: the learning rate at each epoch (0, 1, 2, …).
    public init(_ rate: @escaping @Sendable (_ epoch: Int) -> Double) { self.rate = rate }

    /// The learning rate at `epoch` (counting from 0).
    public func callAsFunction(_ epoch: Int) -> Double { rate(epoch) }

    /// The first `count` rates, e.g. to plot them.
    public func rates(_ count: Int) -> [Double] { (0..<count).map(rate) }

    /// Multiplied by γ every `stepSize` epochs: initial·γ^⌊epoch / stepSize⌋.
    public static func step(initial: Double, stepSize: Int, gamma: Double = 0.1) -> LearningRateSchedule {
        LearningRateSchedule { initial * Foundation.pow(gamma, Double($0 / stepSize)) }
    }

    /// initial·γ^epoch.
    public static func exponential(initial: Double, gamma: Double) -> LearningRateSchedule {
        LearningRateSchedule { initial * Foundation.pow(gamma, Double($0)) }
    }

    /// From initial down to `minimum` along half a cosine over `period` epochs (T_max):
    /// minimum + (initial − minimum)·(1 + cos(π·epoch / period)) / 2.
    public static func cosine(initial: Double, period: Int, minimum: Double = 0) -> LearningRateSchedule {
        LearningRateSchedule { minimum + (initial - minimum) * (1 + Foundation.cos(Double.pi * Double($0) / Double(period))) / 2 }
    }
}
