/// A value that a notebook can check against a stated number (`x // => 0.739`) and that `show`
/// lays out as a number, a vector or a matrix: its shape and its numbers in row-major order.
/// `[]` is a scalar, `[n]` a vector, `[rows, columns]` a matrix.
public protocol CheckableValue {
    var checkShape: [Int] { get }
    var checkNumbers: [Double] { get }
}

extension Double: CheckableValue {
    public var checkShape: [Int] { [] }
    public var checkNumbers: [Double] { [self] }
}

extension Float: CheckableValue {
    public var checkShape: [Int] { [] }
    public var checkNumbers: [Double] { [Double(self)] }
}

extension Int: CheckableValue {
    public var checkShape: [Int] { [] }
    public var checkNumbers: [Double] { [Double(self)] }
}

/// Vectors, matrices (arrays of rows) and deeper nestings. A ragged array reports the first
/// row's shape; the checker then sees that the numbers do not fill the shape and says so.
extension Array: CheckableValue where Element: CheckableValue {
    public var checkShape: [Int] { [count] + (first?.checkShape ?? []) }
    public var checkNumbers: [Double] { flatMap(\.checkNumbers) }
}

extension Tensor: CheckableValue {
    public var checkShape: [Int] { shape }
    public var checkNumbers: [Double] { data }
}
