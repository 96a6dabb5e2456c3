import Foundation

// The operations a checked formula's translation calls (see TallyFormula's `FormulaTranslator`).
//
// When TeX is translated, the types of the names are unknown: `W x` may be a product of numbers or
// a matrix product. The translation therefore calls these functions, overloaded for `Double` and
// `Tensor`, on values whose types the Swift compiler knows at each call, and the compiler picks the
// overload. Every function takes and returns only `Double` or `Tensor`; `_formulaValue` brings a
// notebook's `Int`, `Float` and arrays to one of them first. They are public only because the
// generated programs call them; the leading underscore keeps them out of the notebooks' way.

// MARK: Values

/// A notebook value as a formula sees it: numbers as `Double`, arrays as `Tensor`s of their shape.
public func _formulaValue(_ x: Double) -> Double { x }
public func _formulaValue(_ x: Int) -> Double { Double(x) }
public func _formulaValue(_ x: Float) -> Double { Double(x) }
public func _formulaValue(_ x: Tensor) -> Tensor { x }
public func _formulaValue(_ x: [Double]) -> Tensor { Tensor(x) }
public func _formulaValue(_ x: [Int]) -> Tensor { Tensor(x) }
public func _formulaValue(_ x: [[Double]]) -> Tensor { Tensor(x) }

// MARK: + − / ⊙

/// `a + b`, elementwise with numpy broadcasting for tensors.
public func _formulaAdd(_ a: Double, _ b: Double) -> Double { a + b }
public func _formulaAdd(_ a: Double, _ b: Tensor) -> Tensor { a + b }
public func _formulaAdd(_ a: Tensor, _ b: Double) -> Tensor { a + b }
public func _formulaAdd(_ a: Tensor, _ b: Tensor) -> Tensor { a + b }

/// `a - b`, elementwise with numpy broadcasting for tensors.
public func _formulaSubtract(_ a: Double, _ b: Double) -> Double { a - b }
public func _formulaSubtract(_ a: Double, _ b: Tensor) -> Tensor { a - b }
public func _formulaSubtract(_ a: Tensor, _ b: Double) -> Tensor { a - b }
public func _formulaSubtract(_ a: Tensor, _ b: Tensor) -> Tensor { a - b }

/// `-a`, elementwise.
public func _formulaNegate(_ a: Double) -> Double { -a }
public func _formulaNegate(_ a: Tensor) -> Tensor { -a }

/// `a / b` and `\frac{a}{b}`: elementwise, with numpy broadcasting.
public func _formulaDivide(_ a: Double, _ b: Double) -> Double { a / b }
public func _formulaDivide(_ a: Double, _ b: Tensor) -> Tensor { a / b }
public func _formulaDivide(_ a: Tensor, _ b: Double) -> Tensor { a / b }
public func _formulaDivide(_ a: Tensor, _ b: Tensor) -> Tensor { a / b }

/// `a \odot b`: the elementwise (Hadamard) product, with numpy broadcasting.
public func _formulaHadamard(_ a: Double, _ b: Double) -> Double { a * b }
public func _formulaHadamard(_ a: Double, _ b: Tensor) -> Tensor { a * b }
public func _formulaHadamard(_ a: Tensor, _ b: Double) -> Tensor { a * b }
public func _formulaHadamard(_ a: Tensor, _ b: Tensor) -> Tensor { a * b }

// MARK: Products

/// `a b`, `a \cdot b`, `a \times b`: scaling when either is a number; otherwise, as in the notes:
///
/// - two vectors (rank 1) of the same length: elementwise (`σ(z)(1 − σ(z))`); one of length 1
///   broadcasts;
/// - a matrix is involved: the matrix product, vectors being columns and `x^\top` a row, when the
///   shapes conform: `W x` is [m, n]·[n] → [m]; `x^\top y` is [1, n]·[n] → a number (shape []);
///   `\delta\, a^\top` is [m]·[1, n] → [m, n] (outer product); a 1×1 result is a number.
///
/// Traps (naming both shapes) when the shapes allow none of these. Mirrors the math convention of
/// column vectors; for numpy's `@`, see `matmul`.
public func _formulaMultiply(_ a: Double, _ b: Double) -> Double { a * b }
public func _formulaMultiply(_ a: Double, _ b: Tensor) -> Tensor { a * b }
public func _formulaMultiply(_ a: Tensor, _ b: Double) -> Tensor { a * b }
public func _formulaMultiply(_ a: Tensor, _ b: Tensor) -> Tensor {
    if a.rank == 0 || b.rank == 0 { return a * b }
    if a.rank == 1 && b.rank == 1 {
        engineRequire(a.count == b.count || a.count == 1 || b.count == 1,
                     "formula: cannot multiply vectors of \(a.count) and \(b.count) elements")
        return a * b
    }
    engineRequire(a.rank <= 2 && b.rank <= 2, "formula: products of tensors of rank 3 or more are not supported (\(a.shape), \(b.shape))")
    let left = a.rank == 1 ? a.reshaped([a.count, 1]) : a
    let right = b.rank == 1 ? b.reshaped([b.count, 1]) : b
    engineRequire(left.shape[1] == right.shape[0],
                 "formula: shapes \(a.shape) and \(b.shape) do not conform for a matrix product")
    let product = matmul(left, right)
    if product.shape == [1, 1] { return product.reshaped([]) }
    return b.rank == 1 ? product.flattened() : product
}

/// `a^\top`: a matrix transposed; a vector becomes a row (a 1×n matrix); a number stays itself.
public func _formulaTranspose(_ a: Double) -> Double { a }
public func _formulaTranspose(_ a: Tensor) -> Tensor {
    switch a.rank {
    case 0: return a
    case 1: return a.reshaped([1, a.count])
    default: return a.transposed()
    }
}

// MARK: Powers and functions

/// `a^b`, elementwise for tensors (a matrix power is not meant: `A^2` squares each element).
public func _formulaPower(_ a: Double, _ b: Double) -> Double { Foundation.pow(a, b) }
public func _formulaPower(_ a: Tensor, _ b: Double) -> Tensor { pow(a, b) }
public func _formulaPower(_ a: Double, _ b: Tensor) -> Tensor { _formulaPower(Tensor(a), b) }
public func _formulaPower(_ a: Tensor, _ b: Tensor) -> Tensor {
    binaryOperation(a, b, Foundation.pow) { x, y, z in (y * Foundation.pow(x, y - 1), z * Foundation.log(x)) }
}

/// `\sqrt{x}` and `\sqrt[n]{x}` (the n-th root, `x^(1/n)`), elementwise.
public func _formulaSqrt(_ x: Double) -> Double { Foundation.sqrt(x) }
public func _formulaSqrt(_ x: Tensor) -> Tensor { sqrt(x) }
public func _formulaRoot(_ x: Double, _ n: Double) -> Double { Foundation.pow(x, 1 / n) }
public func _formulaRoot(_ x: Tensor, _ n: Double) -> Tensor { pow(x, 1 / n) }

/// `\exp`, `\log` and `\ln` (natural logarithm), trigonometric and hyperbolic functions and `|x|`,
/// elementwise for tensors (and differentiable, through the engine's `map`).
public func _formulaExp(_ x: Double) -> Double { Foundation.exp(x) }
public func _formulaExp(_ x: Tensor) -> Tensor { exp(x) }
public func _formulaLog(_ x: Double) -> Double { Foundation.log(x) }
public func _formulaLog(_ x: Tensor) -> Tensor { log(x) }
public func _formulaSin(_ x: Double) -> Double { Foundation.sin(x) }
public func _formulaSin(_ x: Tensor) -> Tensor { x.map(Foundation.sin, derivative: { x, _ in Foundation.cos(x) }) }
public func _formulaCos(_ x: Double) -> Double { Foundation.cos(x) }
public func _formulaCos(_ x: Tensor) -> Tensor { x.map(Foundation.cos, derivative: { x, _ in -Foundation.sin(x) }) }
public func _formulaTan(_ x: Double) -> Double { Foundation.tan(x) }
public func _formulaTan(_ x: Tensor) -> Tensor { x.map(Foundation.tan, derivative: { _, y in 1 + y * y }) }
public func _formulaTanh(_ x: Double) -> Double { Foundation.tanh(x) }
public func _formulaTanh(_ x: Tensor) -> Tensor { tanh(x) }
public func _formulaSinh(_ x: Double) -> Double { Foundation.sinh(x) }
public func _formulaSinh(_ x: Tensor) -> Tensor { x.map(Foundation.sinh, derivative: { x, _ in Foundation.cosh(x) }) }
public func _formulaCosh(_ x: Double) -> Double { Foundation.cosh(x) }
public func _formulaCosh(_ x: Tensor) -> Tensor { x.map(Foundation.cosh, derivative: { x, _ in Foundation.sinh(x) }) }
public func _formulaAbs(_ x: Double) -> Double { Swift.abs(x) }
public func _formulaAbs(_ x: Tensor) -> Tensor { abs(x) }

/// `\lVert x \rVert`: the Euclidean norm (of all elements, so the Frobenius norm of a matrix); |x| of a number.
public func _formulaNorm(_ x: Double) -> Double { Swift.abs(x) }
public func _formulaNorm(_ x: Tensor) -> Double { Foundation.sqrt(x.data.reduce(0) { $0 + $1 * $1 }) }

/// `\max(x)` of one tensor: its largest element; `\max(a, b)`: the elementwise maximum. Likewise `\min`.
public func _formulaMax(_ x: Double) -> Double { x }
public func _formulaMax(_ x: Tensor) -> Double { x.data.max() ?? -.infinity }
public func _formulaMax(_ a: Double, _ b: Double) -> Double { Swift.max(a, b) }
public func _formulaMax(_ a: Tensor, _ b: Double) -> Tensor { maximum(a, b) }
public func _formulaMax(_ a: Double, _ b: Tensor) -> Tensor { maximum(b, a) }
public func _formulaMax(_ a: Tensor, _ b: Tensor) -> Tensor { maximum(a, b) }
public func _formulaMin(_ x: Double) -> Double { x }
public func _formulaMin(_ x: Tensor) -> Double { x.data.min() ?? .infinity }
public func _formulaMin(_ a: Double, _ b: Double) -> Double { Swift.min(a, b) }
public func _formulaMin(_ a: Tensor, _ b: Double) -> Tensor { minimum(a, b) }
public func _formulaMin(_ a: Double, _ b: Tensor) -> Tensor { minimum(b, a) }
public func _formulaMin(_ a: Tensor, _ b: Tensor) -> Tensor { -maximum(-a, -b) }

// MARK: Application

/// `f(x)` with one argument: applies `f` when it is a function (or an `Activation`), multiplies
/// when it is a value (`y(1 - y)` is a product), as the Swift types of `f` and `x` decide.
public func _formulaCall(_ f: (Double) -> Double, _ x: Double) -> Double { f(x) }
public func _formulaCall(_ f: (Tensor) -> Tensor, _ x: Tensor) -> Tensor { f(x) }
public func _formulaCall(_ f: Activation, _ x: Double) -> Double { f(x) }
public func _formulaCall(_ f: Activation, _ x: Tensor) -> Tensor { f(x) }
public func _formulaCall(_ a: Double, _ b: Double) -> Double { a * b }
public func _formulaCall(_ a: Double, _ b: Tensor) -> Tensor { a * b }
public func _formulaCall(_ a: Tensor, _ b: Double) -> Tensor { a * b }
public func _formulaCall(_ a: Tensor, _ b: Tensor) -> Tensor { _formulaMultiply(a, b) }
public func _formulaCall(_ a: Int, _ b: Double) -> Double { Double(a) * b }
public func _formulaCall(_ a: Int, _ b: Tensor) -> Tensor { Double(a) * b }

// MARK: Sums, products and elements

/// What `\sum` and `\prod` add up or multiply: numbers or tensors.
public protocol _FormulaTerm {
    static var _formulaZero: Self { get }
    static var _formulaOne: Self { get }
    static func _formulaAdding(_ a: Self, _ b: Self) -> Self
    static func _formulaMultiplying(_ a: Self, _ b: Self) -> Self
}

extension Double: _FormulaTerm {
    public static var _formulaZero: Double { 0 }
    public static var _formulaOne: Double { 1 }
    public static func _formulaAdding(_ a: Double, _ b: Double) -> Double { a + b }
    public static func _formulaMultiplying(_ a: Double, _ b: Double) -> Double { a * b }
}

extension Tensor: _FormulaTerm {
    public static var _formulaZero: Tensor { Tensor(0.0) }
    public static var _formulaOne: Tensor { Tensor(1.0) }
    public static func _formulaAdding(_ a: Tensor, _ b: Tensor) -> Tensor { a + b }
    public static func _formulaMultiplying(_ a: Tensor, _ b: Tensor) -> Tensor { a * b }
}

/// `\sum_{i=lower}^{upper} term(i)`: the index runs over the integers lower, lower + 1, …, upper
/// (an empty sum is 0). Traps if a bound is not an integer.
public func _formulaSum<T: _FormulaTerm>(from lower: Double, through upper: Double, _ term: (Double) -> T) -> T {
    var total = T._formulaZero
    for i in _formulaIndices(lower, upper) { total = T._formulaAdding(total, term(Double(i))) }
    return total
}

/// `\prod_{i=lower}^{upper} term(i)` (an empty product is 1). Traps if a bound is not an integer.
public func _formulaProduct<T: _FormulaTerm>(from lower: Double, through upper: Double, _ term: (Double) -> T) -> T {
    var total = T._formulaOne
    for i in _formulaIndices(lower, upper) { total = T._formulaMultiplying(total, term(Double(i))) }
    return total
}

private func _formulaIndices(_ lower: Double, _ upper: Double) -> Range<Int> {
    engineRequire(lower.rounded() == lower && upper.rounded() == upper,
                 "formula: the bounds of a sum or product must be integers, got \(lower) and \(upper)")
    return upper < lower ? 0..<0 : Int(lower)..<(Int(upper) + 1)
}

/// `x_i`: element i of a vector, 1-based as in the notes (row i of a matrix, as a vector).
/// Traps when i is not an integer in 1…count.
public func _formulaElement(_ x: Tensor, _ i: Double) -> Tensor {
    engineRequire(x.rank >= 1, "formula: a number has no elements (indexing it with \(i))")
    let n = x.shape[0]
    engineRequire(i.rounded() == i && i >= 1 && i <= Double(n), "formula: index \(i) is outside 1...\(n)")
    let k = Int(i) - 1
    let size = x.count / Swift.max(n, 1)
    return Tensor(shape: Array(x.shape.dropFirst()), data: Array(x.data[(k * size)..<((k + 1) * size)]))
}

/// How many elements `\sum_i x_i` runs over: the length of x (its first dimension).
public func _formulaLength(_ x: Tensor) -> Double {
    engineRequire(x.rank >= 1, "formula: \\sum_i needs a vector to index, got a number")
    return Double(x.shape[0])
}
