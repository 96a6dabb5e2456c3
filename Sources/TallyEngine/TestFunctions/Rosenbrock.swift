extension TestFunction {
    /// (a − x)² + b(y − x²)² with a = 1, b = 100: a curved, flat-bottomed valley with its
    /// minimum 0 at (1, 1).
    public static let rosenbrock = TestFunction(name: "Rosenbrock", minimum: [1, 1], value: { p in
        let (x, y) = (p[0], p[1])
        return (1 - x) * (1 - x) + 100 * (y - x * x) * (y - x * x)
    }, gradient: { p in
        let (x, y) = (p[0], p[1])
        return [-2 * (1 - x) - 400 * x * (y - x * x), 200 * (y - x * x)]
    })
}
