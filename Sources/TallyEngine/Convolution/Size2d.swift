/// A size per image axis (height, width), for kernel sizes, strides, paddings and dilations.
/// Written as one number for both axes (`stride: 2`) or as a pair (`stride: [2, 1]`), as
/// PyTorch's `int or (int, int)` arguments (`_size_2_t`).
public struct Size2d: Equatable, Sendable, ExpressibleByIntegerLiteral, ExpressibleByArrayLiteral, CustomStringConvertible {
    /// Rows (the first image axis).
    public var height: Int
    /// Columns (the second image axis).
    public var width: Int

    /// A size of `height` rows by `width` columns.
    public init(_ height: Int, _ width: Int) { (self.height, self.width) = (height, width) }

    /// The same size on both axes.
    public init(_ both: Int) { self.init(both, both) }

    public init(integerLiteral value: Int) { self.init(value) }

    /// Traps unless given exactly two numbers.
    public init(arrayLiteral elements: Int...) {
        engineRequire(elements.count == 2, "a 2-d size needs [height, width], got \(elements)")
        self.init(elements[0], elements[1])
    }

    public var description: String { "(\(height), \(width))" }
}
