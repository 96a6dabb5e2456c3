// Classic image filters as 3×3 kernels for `conv2d` (cross-correlation, so the signs below
// give positive responses where intensity increases to the right / downwards).

extension Tensor {
    /// Sobel x: responds to horizontal change; on a ramp of slope a per pixel it gives 8a.
    public static var sobelX: Tensor { Tensor([[-1, 0, 1], [-2, 0, 2], [-1, 0, 1]]) }

    /// Sobel y: responds to vertical change.
    public static var sobelY: Tensor { Tensor([[-1, -2, -1], [0, 0, 0], [1, 2, 1]]) }

    /// The 4-neighbour Laplacian, a discrete ∂²/∂x² + ∂²/∂y².
    public static var laplacian: Tensor { Tensor([[0, 1, 0], [1, -4, 1], [0, 1, 0]]) }
}

/// Edge strength √(Gx² + Gy²) from the two Sobel filters, for a grey image [H, W]. With the
/// default padding 1 the output has the image's size (the border sees zeros beyond the edge).
public func gradientMagnitude(_ image: Tensor, padding: Size2d = 1) -> Tensor {
    let gx = conv2d(image, Tensor.sobelX, padding: padding)
    let gy = conv2d(image, Tensor.sobelY, padding: padding)
    return sqrt(gx * gx + gy * gy)
}
