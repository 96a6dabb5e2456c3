/// `maxPool2d` as a layer for `Sequential`, with its options fixed. Mirrors
/// `torch.nn.MaxPool2d(kernel_size, stride=None, padding=0, dilation=1, ceil_mode=False)`;
/// the stride defaults to the window size. No parameters.
public final class MaxPool2d: Layer {
    /// Window, step (default: the window), zero padding and dilation, per axis.
    public let kernelSize: Size2d, stride: Size2d, padding: Size2d, dilation: Size2d
    /// Round the output size up instead of down (torch's `ceil_mode`, default false).
    public let ceilMode: Bool

    /// Max pooling over `kernelSize` windows; `stride` defaults to `kernelSize`, `padding` 0,
    /// `dilation` 1, `ceilMode` false, as `torch.nn.MaxPool2d`.
    public init(_ kernelSize: Size2d, stride: Size2d? = nil, padding: Size2d = 0, dilation: Size2d = 1, ceilMode: Bool = false) {
        (self.kernelSize, self.stride, self.padding, self.dilation) = (kernelSize, stride ?? kernelSize, padding, dilation)
        self.ceilMode = ceilMode
    }

    /// `maxPool2d` of `x` [N, C, H, W] or [C, H, W]: the same batch and channels, each window reduced
    /// to its maximum (the gradient goes to the maximum's position).
    public func callAsFunction(_ x: Tensor) -> Tensor {
        maxPool2d(x, size: kernelSize, stride: stride, padding: padding, dilation: dilation, ceilMode: ceilMode)
    }

    /// None: pooling learns nothing.
    public var parameters: [Tensor] { [] }
}

/// `avgPool2d` as a layer for `Sequential`. Mirrors `torch.nn.AvgPool2d(kernel_size,
/// stride=None, padding=0, ceil_mode=False, count_include_pad=True)`. No parameters.
public final class AvgPool2d: Layer {
    /// Window, step (default: the window) and zero padding, per axis.
    public let kernelSize: Size2d, stride: Size2d, padding: Size2d
    /// Round output sizes up (torch's `ceil_mode`, default false); count padded zeros in each
    /// average's divisor (torch's `count_include_pad`, default true).
    public let ceilMode: Bool, countIncludePad: Bool

    /// Average pooling over `kernelSize` windows; `stride` defaults to `kernelSize`, `padding` 0,
    /// `ceilMode` false, `countIncludePad` true, as `torch.nn.AvgPool2d`.
    public init(_ kernelSize: Size2d, stride: Size2d? = nil, padding: Size2d = 0, ceilMode: Bool = false,
                countIncludePad: Bool = true) {
        (self.kernelSize, self.stride, self.padding) = (kernelSize, stride ?? kernelSize, padding)
        (self.ceilMode, self.countIncludePad) = (ceilMode, countIncludePad)
    }

    /// `avgPool2d` of `x` [N, C, H, W] or [C, H, W]: each window reduced to its mean.
    public func callAsFunction(_ x: Tensor) -> Tensor {
        avgPool2d(x, size: kernelSize, stride: stride, padding: padding, ceilMode: ceilMode, countIncludePad: countIncludePad)
    }

    /// None: pooling learns nothing.
    public var parameters: [Tensor] { [] }
}

/// Flattens axes `startDim` … `endDim` (default: all but the first, the batch) into one, e.g.
/// [N, C, H, W] → [N, C·H·W] between convolutions and a `Dense` layer. Mirrors
/// `torch.nn.Flatten(start_dim=1, end_dim=-1)`. No parameters; traps on axes out of range.
public final class Flatten: Layer {
    /// The first and last axis flattened (negative counts from the end; defaults 1 and −1).
    public let startDim: Int, endDim: Int

    /// Flattens axes `startDim` … `endDim` (defaults 1 and −1), as `torch.nn.Flatten`.
    public init(startDim: Int = 1, endDim: Int = -1) { (self.startDim, self.endDim) = (startDim, endDim) }

    /// `x` with axes `startDim` … `endDim` merged into one (the same elements, in order);
    /// differentiable. Traps when an axis is out of range or `startDim` comes after `endDim`.
    public func callAsFunction(_ x: Tensor) -> Tensor {
        let (start, end) = (x.normalizedAxis(startDim), x.normalizedAxis(endDim))
        engineRequire(start <= end, "Flatten: startDim \(startDim) after endDim \(endDim) for shape \(x.shape)")
        return x.reshaped(Array(x.shape[..<start]) + [Array(x.shape[start...end]).product] + Array(x.shape[(end + 1)...]))
    }

    /// None: flattening learns nothing.
    public var parameters: [Tensor] { [] }
}
