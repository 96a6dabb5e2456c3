/// A function of a point, with its gradient in closed form, for watching optimizers work:
///
///     TestFunction.rosenbrock([1, 1])            // 0
///     TestFunction.rosenbrock.gradient([0, 0])   // [-2, 0]
///
/// All of them except the saddle have minimum value 0, so "loss ≤ tol" means "within tol of
/// the optimum" (see `Trajectory.steps(toReach:)`).
public struct TestFunction: Sendable {
    public let name: String
    public let value: @Sendable ([Double]) -> Double
    public let gradient: @Sendable ([Double]) -> [Double]
    /// A minimising point, or nil if there is none (the saddle is unbounded below).
    public let minimum: [Double]?

    public init(name: String, minimum: [Double]?, value: @escaping @Sendable ([Double]) -> Double,
                gradient: @escaping @Sendable ([Double]) -> [Double]) {
        self.name = name
        self.minimum = minimum
        self.value = value
        self.gradient = gradient
    }

    public func callAsFunction(_ point: [Double]) -> Double { value(point) }
}
