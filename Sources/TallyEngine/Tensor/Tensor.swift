/// An n-dimensional array of `Double`, stored row-major, that can record how it was computed so
/// that `backward()` can fill in gradients (reverse-mode autodiff, see Autodiff/).
///
/// A reference type on purpose, as in PyTorch: an optimizer holds the same parameter tensors as
/// the model and updates them in place.
///
///     let x = Tensor([[1, 2], [3, 4]])
///     let w = Tensor([0.5, -0.5], requiresGrad: true)
public final class Tensor {
    /// The size of each axis: [] for a scalar, [n] for a vector, [rows, columns] for a matrix.
    public internal(set) var shape: [Int]
    /// The elements, row-major. Writing to it bypasses autodiff (as optimizers do); keep the
    /// count equal to the product of `shape`.
    public var data: [Double]
    /// Accumulated gradient of the last `backward()` call(s) with respect to this tensor.
    public var grad: Tensor?
    /// Whether operations on this tensor are recorded for `backward()`.
    public var requiresGrad: Bool

    // Autodiff graph: the inputs of the operation that produced this tensor, and a closure
    // that, given this tensor's gradient, adds the inputs' gradients into them.
    var parents: [Tensor] = []
    var backwardFunction: (([Double]) -> Void)?

    /// A tensor of `shape` holding `data` in row-major order; `requiresGrad` (default false) makes it
    /// a leaf that collects gradients. Traps on a negative dimension or when `data` does not fill the shape.
    public init(shape: [Int], data: [Double], requiresGrad: Bool = false) {
        engineRequire(shape.allSatisfy { $0 >= 0 }, "negative dimension in \(shape)")
        engineRequire(data.count == shape.product, "\(data.count) values do not fill shape \(shape)")
        self.shape = shape
        self.data = data
        self.requiresGrad = requiresGrad
    }

    /// A tensor from a number or nested arrays of numbers: `Tensor(0.5)` has shape [],
    /// `Tensor([1, 2])` shape [2], `Tensor([[1, 2], [3, 4]])` shape [2, 2], and so on.
    /// (One generic initialiser rather than one per depth keeps literals quick to type-check.)
    public convenience init<Values: TensorConvertible>(_ values: Values, requiresGrad: Bool = false) {
        var data: [Double] = []
        values.appendValues(to: &data)
        self.init(shape: values.tensorShape, data: data, requiresGrad: requiresGrad)
    }

    /// The number of elements (the product of the shape).
    public var count: Int { data.count }
    /// The number of axes: 0 for a scalar, 1 for a vector, 2 for a matrix.
    public var rank: Int { shape.count }

    /// The single value of a tensor with one element.
    public var item: Double {
        engineRequire(data.count == 1, "item needs exactly one element, shape is \(shape)")
        return data[0]
    }

    /// The elements as nested Swift arrays (for a matrix).
    public var rows: [[Double]] {
        engineRequire(rank == 2, "rows needs a matrix, shape is \(shape)")
        return (0..<shape[0]).map { Array(data[$0 * shape[1] ..< ($0 + 1) * shape[1]]) }
    }

    /// A copy that shares nothing and records no history.
    public func detached() -> Tensor { Tensor(shape: shape, data: data) }
}

/// A number, or arrays of them nested to any depth with equal lengths at each level.
public protocol TensorConvertible {
    /// [] for a number, [n, …] for nested arrays.
    var tensorShape: [Int] { get }
    /// Appends the numbers in row-major order.
    func appendValues(to data: inout [Double])
}

extension Double: TensorConvertible {
    /// []: a number is a scalar.
    public var tensorShape: [Int] { [] }
    /// Appends the number.
    public func appendValues(to data: inout [Double]) { data.append(self) }
}

extension Int: TensorConvertible {
    /// []: a number is a scalar.
    public var tensorShape: [Int] { [] }
    /// Appends the number as a `Double`.
    public func appendValues(to data: inout [Double]) { data.append(Double(self)) }
}

extension Array: TensorConvertible where Element: TensorConvertible {
    /// [count] followed by the elements' shape. Traps when the elements' shapes differ (a ragged array).
    public var tensorShape: [Int] {
        let inner = first?.tensorShape ?? []
        engineRequire(allSatisfy { $0.tensorShape == inner }, "nested arrays have different lengths")
        return [count] + inner
    }

    /// Appends every element's numbers, in order.
    public func appendValues(to data: inout [Double]) {
        for element in self { element.appendValues(to: &data) }
    }
}

extension Array where Element == Int {
    var product: Int { reduce(1, *) }
}
