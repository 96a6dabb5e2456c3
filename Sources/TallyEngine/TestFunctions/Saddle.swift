extension TestFunction {
    /// x² − y²: a saddle point at the origin with zero gradient but no minimum. Started on the
    /// x axis, gradient descent converges to the saddle; any y offset grows and escapes.
    public static let saddle = TestFunction(name: "saddle", minimum: nil,
                                            value: { p in p[0] * p[0] - p[1] * p[1] },
                                            gradient: { p in [2 * p[0], -2 * p[1]] })
}
