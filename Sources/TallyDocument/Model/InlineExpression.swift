/// `` `{swift} expr` `` (replaced by the value), `` `{swift %.3f} expr` `` (formatted printf-style),
/// or `` `{swift} expr => 0.739` `` (shows the stated number and checks it).
public struct InlineExpression: Hashable, Sendable {
    /// The Swift expression, as written.
    public var expression: String
    /// A printf-style format such as `%.3f`, if one was given.
    public var format: String?
    /// The number the prose states, to be checked against the computed value.
    public var stated: StatedValue?
    /// Where the code span starts (its opening backtick).
    public var location: SourceLocation
    /// Where the expression text starts.
    public var expressionLocation: SourceLocation

    public init(expression: String, format: String?, stated: StatedValue?,
                location: SourceLocation, expressionLocation: SourceLocation) {
        self.expression = expression
        self.format = format
        self.stated = stated
        self.location = location
        self.expressionLocation = expressionLocation
    }
}
