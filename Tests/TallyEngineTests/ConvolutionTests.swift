import Foundation
import XCTest
import TallyEngine

final class ConvolutionTests: XCTestCase {
    /// A 3×3 image and 2×2 kernel, summed out by hand.
    func testCrossCorrelationByHand() {
        let image = Tensor([[1, 2, 3], [4, 5, 6], [7, 8, 9]])
        let kernel = Tensor([[1, 0], [0, -1]])
        // Each output is top-left minus bottom-right of its window: 1 − 5, 2 − 6, 4 − 8, 5 − 9.
        XCTAssertEqual(conv2d(image, kernel).rows, [[-4, -4], [-4, -4]])
        XCTAssertEqual(conv2d(image, kernel, stride: 2).rows, [[-4]])
        // Padding 1: the corner output sees only image[0, 0] under kernel[1, 1].
        let padded = conv2d(image, kernel, padding: 1)
        XCTAssertEqual(padded.shape, [4, 4])
        XCTAssertEqual(padded[0, 0], -1)
        XCTAssertEqual(padded[3, 3], 9)
        XCTAssertEqual(conv2d(image, kernel, bias: Tensor([10])).rows, [[6, 6], [6, 6]])
    }

    /// Channels and batches against the sum written out over single-channel convolutions.
    func testChannelsSumOverInputChannels() {
        let x = Tensor.normal([2, 3, 5, 4], seed: 1), k = Tensor.normal([4, 3, 3, 2], seed: 2)
        let out = conv2d(x, k, stride: 2, padding: 1)
        XCTAssertEqual(out.shape, [2, 4, 3, 3])
        for b in 0..<2 {
            for o in 0..<4 {
                var expected = Tensor.zeros([3, 3])
                for c in 0..<3 {
                    let plane = x[b..<b + 1, c..<c + 1].reshaped([5, 4])
                    let filter = k[o..<o + 1, c..<c + 1].reshaped([3, 2])
                    expected = expected + conv2d(plane, filter, stride: 2, padding: 1)
                }
                let got = out[b..<b + 1, o..<o + 1].reshaped([3, 3])
                for (g, e) in zip(got.data, expected.data) { XCTAssertEqual(g, e, accuracy: 1e-12) }
            }
        }
    }

    func testPooling() {
        let x = Tensor([[1, 2, 5, 6], [3, 4, 7, 8], [0, -1, 2, 2], [-2, -3, 2, 9]])
        XCTAssertEqual(maxPool2d(x, size: 2).rows, [[4, 8], [0, 9]])
        XCTAssertEqual(avgPool2d(x, size: 2).rows, [[2.5, 6.5], [-1.5, 3.75]])
        XCTAssertEqual(maxPool2d(x, size: 3, stride: 1).rows, [[7, 8], [7, 9]])
        XCTAssertEqual(maxPool2d(x.reshaped([1, 1, 4, 4]), size: 2).shape, [1, 1, 2, 2])
    }

    func testConvolutionAndPoolingDifferentiate() {
        let x = Tensor.normal([2, 5, 5], seed: 3), k = Tensor.normal([3, 2, 3, 3], seed: 4)
        let error = gradientCheck({ pow(conv2d($0[0], $0[1], bias: $0[2], stride: 2, padding: 1), 2) },
                                  at: [x, k, Tensor([0.1, -0.2, 0.3])])
        XCTAssertLessThan(error, 1e-7)
        let image = Tensor.normal([4, 6], seed: 5)
        XCTAssertLessThan(gradientCheck({ pow(maxPool2d($0, size: 2), 2) }, at: image), 1e-8)
        XCTAssertLessThan(gradientCheck({ pow(avgPool2d($0, size: 3, stride: 1), 2) }, at: image), 1e-8)
    }

    /// Closed forms on smooth images: Sobel on a ramp ax + by gives 8a and 8b, the Laplacian of
    /// x² + y² is 4 (interior points, no padding).
    func testFiltersOnKnownImages() {
        let ramp = Tensor((0..<6).map { r -> [Double] in (0..<7).map { c -> Double in 2 * Double(c) + 3 * Double(r) } })
        XCTAssert(conv2d(ramp, Tensor.sobelX).data.allSatisfy { $0 == 16 })
        XCTAssert(conv2d(ramp, Tensor.sobelY).data.allSatisfy { $0 == 24 })
        let magnitude = gradientMagnitude(ramp, padding: 0)
        XCTAssert(magnitude.data.allSatisfy { Swift.abs($0 - 8 * 13.0.squareRoot()) < 1e-12 })
        XCTAssertEqual(gradientMagnitude(ramp).shape, [6, 7])
        let bowl = Tensor((0..<5).map { r -> [Double] in (0..<5).map { c -> Double in Double(c * c + r * r) } })
        XCTAssert(conv2d(bowl, Tensor.laplacian).data.allSatisfy { $0 == 4 })
    }
}
