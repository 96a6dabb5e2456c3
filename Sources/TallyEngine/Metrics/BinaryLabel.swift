/// A label type for two-class problems, so metrics take `[Int]` (1 is positive; 0, −1 or
/// anything else negative, as scikit-learn's `pos_label=1`) and `[Bool]` (true is positive).
public protocol BinaryLabel: Hashable {
    /// Whether this label is the positive class.
    var isPositive: Bool { get }
}

extension Int: BinaryLabel {
    /// True for 1 only (scikit-learn's `pos_label=1`).
    public var isPositive: Bool { self == 1 }
}

extension Bool: BinaryLabel {
    /// True is the positive class.
    public var isPositive: Bool { self }
}
