/// A function of a point, with its gradient in closed form, for watching optimizers work:
///
///     TestFunction.rosenbrock([1, 1])            // 0
///     TestFunction.rosenbrock.gradient([0, 0])   // [-2, 0]
///
/// All of them except the saddle have minimum value 0, so "loss ≤ tol" means "within tol of
/// the optimum" (see `Trajectory.steps(toReach:)`).
public struct TestFunction: Sendable {
    /// The function's name, for legends ("Rosenbrock").
    public let name: String
    /// f(point).
    public let value: @Sendable ([Double]) -> Double
    /// ∇f(point) in closed form, as many numbers as the point.
    public let gradient: @Sendable ([Double]) -> [Double]
    /// A minimising point, or nil if there is none (the saddle is unbounded below).
    public let minimum: [Double]?

    /// A test function from its value, its gradient and a minimising point (nil if none).
    public init(name: String, minimum: [Double]?, value: @escaping @Sendable ([Double]) -> Double,
                gradient: @escaping @Sendable ([Double]) -> [Double]) {
        self.name = name
        self.minimum = minimum
        self.value = value
        self.gradient = gradient
    }

    /// f(point).
    public func callAsFunction(_ point: [Double]) -> Double { value(point) }
}
