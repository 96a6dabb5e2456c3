/// A value that a notebook can check against a stated number (`x // => 0.739`) and that `show`
/// lays out as a number, a vector or a matrix: its shape and its numbers in row-major order.
/// `[]` is a scalar, `[n]` a vector, `[rows, columns]` a matrix.
public protocol CheckableValue {
    /// [] for a scalar, [n] for a vector, [rows, columns] for a matrix.
    var checkShape: [Int] { get }
    /// The numbers in row-major order.
    var checkNumbers: [Double] { get }
}

extension Double: CheckableValue {
    /// []: a number is a scalar.
    public var checkShape: [Int] { [] }
    /// The number itself.
    public var checkNumbers: [Double] { [self] }
}

extension Float: CheckableValue {
    /// []: a number is a scalar.
    public var checkShape: [Int] { [] }
    /// The number, widened to `Double`.
    public var checkNumbers: [Double] { [Double(self)] }
}

extension Int: CheckableValue {
    /// []: a number is a scalar.
    public var checkShape: [Int] { [] }
    /// The number as a `Double`.
    public var checkNumbers: [Double] { [Double(self)] }
}

/// Vectors, matrices (arrays of rows) and deeper nestings. A ragged array reports the first
/// row's shape; the checker then sees that the numbers do not fill the shape and says so.
extension Array: CheckableValue where Element: CheckableValue {
    /// [count] followed by the first element's shape: [n] for a vector, [rows, columns] for an array of rows.
    public var checkShape: [Int] { [count] + (first?.checkShape ?? []) }
    /// Every element's numbers, in order (row-major for an array of rows).
    public var checkNumbers: [Double] { flatMap(\.checkNumbers) }
}

extension Tensor: CheckableValue {
    /// The tensor's shape.
    public var checkShape: [Int] { shape }
    /// The tensor's elements in row-major order.
    public var checkNumbers: [Double] { data }
}
