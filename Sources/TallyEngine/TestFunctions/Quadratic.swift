extension TestFunction {
    /// ½(x² + κ·y²): a bowl whose Hessian diag(1, κ) has condition number κ, so plain gradient
    /// descent must keep the step below 2/κ and then crawls along x.
    public static func quadratic(conditionNumber kappa: Double = 10) -> TestFunction {
        TestFunction(name: "quadratic (κ = \(formatNumber(kappa)))", minimum: [0, 0],
                     value: { p in 0.5 * (p[0] * p[0] + kappa * p[1] * p[1]) },
                     gradient: { p in [p[0], kappa * p[1]] })
    }
}
