extension Tensor {
    /// A tensor of zeros of `shape`, as `torch.zeros`; `requiresGrad` (default false) makes it a leaf that collects gradients.
    public static func zeros(_ shape: [Int], requiresGrad: Bool = false) -> Tensor {
        filled(shape, with: 0, requiresGrad: requiresGrad)
    }

    /// A tensor of ones of `shape`, as `torch.ones`; `requiresGrad` (default false) makes it a leaf that collects gradients.
    public static func ones(_ shape: [Int], requiresGrad: Bool = false) -> Tensor {
        filled(shape, with: 1, requiresGrad: requiresGrad)
    }

    /// A tensor of `shape` with every element `value`, as `torch.full`.
    public static func filled(_ shape: [Int], with value: Double, requiresGrad: Bool = false) -> Tensor {
        Tensor(shape: shape, data: Array(repeating: value, count: shape.product), requiresGrad: requiresGrad)
    }

    /// The n×n identity matrix.
    public static func eye(_ n: Int) -> Tensor {
        let t = zeros([n, n])
        for i in 0..<n { t.data[i * n + i] = 1 }
        return t
    }

    /// `count` evenly spaced values from `start` to `end` inclusive, as numpy.linspace.
    public static func linspace(_ start: Double, _ end: Double, count: Int) -> Tensor {
        let step = count > 1 ? (end - start) / Double(count - 1) : 0
        return Tensor((0..<count).map { start + Double($0) * step })
    }

    /// 0, 1, …, n-1.
    public static func arange(_ n: Int) -> Tensor {
        Tensor((0..<n).map(Double.init))
    }
}
