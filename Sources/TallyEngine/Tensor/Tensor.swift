/// An n-dimensional array of `Double`, stored row-major, that can record how it was computed so
/// that `backward()` can fill in gradients (reverse-mode autodiff, see Autodiff/).
///
/// A reference type on purpose, as in PyTorch: an optimizer holds the same parameter tensors as
/// the model and updates them in place.
///
///     let x = Tensor([[1, 2], [3, 4]])
///     let w = Tensor([0.5, -0.5], requiresGrad: true)
public final class Tensor {
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

    public init(shape: [Int], data: [Double], requiresGrad: Bool = false) {
        precondition(shape.allSatisfy { $0 >= 0 }, "negative dimension in \(shape)")
        precondition(data.count == shape.product, "\(data.count) values do not fill shape \(shape)")
        self.shape = shape
        self.data = data
        self.requiresGrad = requiresGrad
    }

    /// A 0-dimensional tensor holding one number.
    public convenience init(_ scalar: Double, requiresGrad: Bool = false) {
        self.init(shape: [], data: [scalar], requiresGrad: requiresGrad)
    }

    /// A vector.
    public convenience init(_ vector: [Double], requiresGrad: Bool = false) {
        self.init(shape: [vector.count], data: vector, requiresGrad: requiresGrad)
    }

    /// A matrix given as rows.
    public convenience init(_ rows: [[Double]], requiresGrad: Bool = false) {
        let columns = rows.first?.count ?? 0
        precondition(rows.allSatisfy { $0.count == columns }, "rows have different lengths")
        self.init(shape: [rows.count, columns], data: rows.flatMap { $0 }, requiresGrad: requiresGrad)
    }

    /// A 3-dimensional tensor given as a list of matrices.
    public convenience init(_ matrices: [[[Double]]], requiresGrad: Bool = false) {
        let inner = Tensor(matrices.first ?? []).shape
        precondition(matrices.allSatisfy { Tensor($0).shape == inner }, "matrices have different shapes")
        self.init(shape: [matrices.count] + inner, data: matrices.flatMap { $0.flatMap { $0 } },
                  requiresGrad: requiresGrad)
    }

    public var count: Int { data.count }
    public var rank: Int { shape.count }

    /// The single value of a tensor with one element.
    public var item: Double {
        precondition(data.count == 1, "item needs exactly one element, shape is \(shape)")
        return data[0]
    }

    /// The elements as nested Swift arrays (for a matrix).
    public var rows: [[Double]] {
        precondition(rank == 2, "rows needs a matrix, shape is \(shape)")
        return (0..<shape[0]).map { Array(data[$0 * shape[1] ..< ($0 + 1) * shape[1]]) }
    }

    /// A copy that shares nothing and records no history.
    public func detached() -> Tensor { Tensor(shape: shape, data: data) }
}

extension Array where Element == Int {
    var product: Int { reduce(1, *) }
}
