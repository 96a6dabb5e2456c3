import TallyDocument

/// A checked formula (`$$…$$` then `{check …}`) compared with the notebook's code.
public struct FormulaOutcome: Hashable, Sendable, Codable {
    /// The formula's first line, column 1.
    public var location: SourceLocation
    /// Whether every side agreed at every point. false also when it was never evaluated.
    public var passed: Bool
    /// Whether it was evaluated at all (false: the program stopped first, or the formula could not be read).
    public var evaluated: Bool
    /// For the site's tooltip: the value and the bindings (`θ_{t+1} = 1.8; θ_t = 2, η = 0.25`), or the
    /// points tried (`13 points of x in [-6, 6]`); for a failure, the failure's message.
    public var detail: String
    /// How many points were compared.
    public var pointsTried: Int
    /// The card the formula is on, if any: a card whose formula fails is not exported.
    public var cardID: String?
    /// What this formula reported (rule `formula`, or a compile error or trap at its line).
    public var diagnostics: [Diagnostic]

    public init(location: SourceLocation, passed: Bool, evaluated: Bool, detail: String, pointsTried: Int,
                cardID: String?, diagnostics: [Diagnostic]) {
        self.location = location
        self.passed = passed
        self.evaluated = evaluated
        self.detail = detail
        self.pointsTried = pointsTried
        self.cardID = cardID
        self.diagnostics = diagnostics
    }
}
