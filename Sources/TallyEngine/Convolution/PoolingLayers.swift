/// `maxPool2d` as a layer for `Sequential`, with its options fixed. Mirrors
/// `torch.nn.MaxPool2d(kernel_size, stride=None, padding=0, dilation=1, ceil_mode=False)`;
/// the stride defaults to the window size. No parameters.
public final class MaxPool2d: Layer {
    public let kernelSize: Size2d, stride: Size2d, padding: Size2d, dilation: Size2d
    public let ceilMode: Bool

    public init(_ kernelSize: Size2d, stride: Size2d? = nil, padding: Size2d = 0, dilation: Size2d = 1, ceilMode: Bool = false) {
        (self.kernelSize, self.stride, self.padding, self.dilation) = (kernelSize, stride ?? kernelSize, padding, dilation)
        self.ceilMode = ceilMode
    }

    public func callAsFunction(_ x: Tensor) -> Tensor {
        maxPool2d(x, size: kernelSize, stride: stride, padding: padding, dilation: dilation, ceilMode: ceilMode)
    }

    public var parameters: [Tensor] { [] }
}

/// `avgPool2d` as a layer for `Sequential`. Mirrors `torch.nn.AvgPool2d(kernel_size,
/// stride=None, padding=0, ceil_mode=False, count_include_pad=True)`. No parameters.
public final class AvgPool2d: Layer {
    public let kernelSize: Size2d, stride: Size2d, padding: Size2d
    public let ceilMode: Bool, countIncludePad: Bool

    public init(_ kernelSize: Size2d, stride: Size2d? = nil, padding: Size2d = 0, ceilMode: Bool = false,
                countIncludePad: Bool = true) {
        (self.kernelSize, self.stride, self.padding) = (kernelSize, stride ?? kernelSize, padding)
        (self.ceilMode, self.countIncludePad) = (ceilMode, countIncludePad)
    }

    public func callAsFunction(_ x: Tensor) -> Tensor {
        avgPool2d(x, size: kernelSize, stride: stride, padding: padding, ceilMode: ceilMode, countIncludePad: countIncludePad)
    }

    public var parameters: [Tensor] { [] }
}

/// Flattens axes `startDim` … `endDim` (default: all but the first, the batch) into one, e.g.
/// [N, C, H, W] → [N, C·H·W] between convolutions and a `Dense` layer. Mirrors
/// `torch.nn.Flatten(start_dim=1, end_dim=-1)`. No parameters; traps on axes out of range.
public final class Flatten: Layer {
    public let startDim: Int, endDim: Int

    public init(startDim: Int = 1, endDim: Int = -1) { (self.startDim, self.endDim) = (startDim, endDim) }

    public func callAsFunction(_ x: Tensor) -> Tensor {
        let (start, end) = (x.normalizedAxis(startDim), x.normalizedAxis(endDim))
        engineRequire(start <= end, "Flatten: startDim \(startDim) after endDim \(endDim) for shape \(x.shape)")
        return x.reshaped(Array(x.shape[..<start]) + [Array(x.shape[start...end]).product] + Array(x.shape[(end + 1)...]))
    }

    public var parameters: [Tensor] { [] }
}
