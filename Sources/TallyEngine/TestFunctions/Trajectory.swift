/// The path of an optimizer on a test function: `points[i]` is the point after i steps
/// (points[0] is the start) and `losses[i]` the function value there.
///
///     let start = Tensor([-1.5, 2], requiresGrad: true)
///     let path = Trajectory(of: Adam([start], learningRate: 0.1), on: .rosenbrock, steps: 500)
///     path.steps(toReach: 1e-6)   // first step count with loss ≤ 1e-6, or nil
public struct Trajectory: Sendable {
    /// The point after each step; `points[0]` is the start.
    public var points: [[Double]]
    /// The function value at each point.
    public var losses: [Double]

    /// A trajectory from its points and their losses (equal counts).
    public init(points: [[Double]], losses: [Double]) {
        self.points = points
        self.losses = losses
    }

    /// Runs `optimizer`, whose single parameter is the point (it moves it in place), for
    /// `steps` steps, or until the loss is ≤ `tolerance`.
    public init(of optimizer: Optimizer, on function: TestFunction, steps: Int, tolerance: Double? = nil) {
        engineRequire(optimizer.parameters.count == 1, "the optimizer should hold just the point")
        let point = optimizer.parameters[0]
        points = [point.data]
        losses = [function(point.data)]
        for _ in 0..<steps {
            if let tolerance, losses.last! <= tolerance { break }
            point.grad = Tensor(shape: point.shape, data: function.gradient(point.data))
            optimizer.step()
            points.append(point.data)
            losses.append(function(point.data))
        }
    }

    /// The number of steps after which the loss first was ≤ `tolerance`, or nil if never.
    public func steps(toReach tolerance: Double) -> Int? {
        losses.firstIndex { $0 <= tolerance }
    }

    /// The point where the path ended.
    public var end: [Double] { points.last ?? [] }
}
