import XCTest
import TallyEngine

/// permuted, concatenate, stack, narrowed, chunked and batchedMatmul: values worked out by
/// hand, gradients against finite differences.
final class AxisOperationTests: XCTestCase {
    let x = Tensor(shape: [2, 3, 2], data: (0..<12).map(Double.init))

    func testPermutedMovesAxes() {
        let p = x.permuted([2, 0, 1])
        XCTAssertEqual(p.shape, [2, 2, 3])
        // p[k, i, j] = x[i, j, k]
        XCTAssertEqual(p.data, [0, 2, 4, 6, 8, 10, 1, 3, 5, 7, 9, 11])
        XCTAssertEqual(Tensor([[1, 2, 3], [4, 5, 6]]).permuted([1, 0]).rows, [[1, 4], [2, 5], [3, 6]])
    }

    func testConcatenateStackNarrowAndChunk() {
        let a = Tensor([[1, 2], [3, 4]]), b = Tensor([[5], [6]])
        XCTAssertEqual(concatenate([a, b], axis: 1).rows, [[1, 2, 5], [3, 4, 6]])
        XCTAssertEqual(concatenate([a, a], axis: 0).shape, [4, 2])
        XCTAssertEqual(stack([a, a * 2], axis: 1).data, [1, 2, 2, 4, 3, 4, 6, 8])
        XCTAssertEqual(stack([a, a * 2], axis: 1).shape, [2, 2, 2])
        XCTAssertEqual(x.narrowed(axis: 1, start: 1, length: 2).data, [2, 3, 4, 5, 8, 9, 10, 11])
        XCTAssertEqual(x.chunked(2, axis: -1).map(\.data), [[0, 2, 4, 6, 8, 10], [1, 3, 5, 7, 9, 11]])
    }

    func testBatchedMatmulMultipliesEachMatrix() {
        let a = Tensor(shape: [2, 1, 2], data: [1, 2, 3, 4]), b = Tensor(shape: [2, 2, 1], data: [5, 6, 7, 8])
        XCTAssertEqual(batchedMatmul(a, b).data, [17, 53])
        XCTAssertEqual(batchedMatmul(a, a, transposeB: true).data, [5, 25])
        XCTAssertEqual(batchedMatmul(a, a, transposeA: true).shape, [2, 2, 2])
    }

    func testGradientsMatchFiniteDifferences() {
        let a = Tensor.normal([2, 3, 4], seed: 1), b = Tensor.normal([2, 4, 3], seed: 2), w = Tensor.normal([2, 3, 3], seed: 3)
        XCTAssertLessThan(gradientCheck({ pow($0[0].permuted([1, 2, 0]), 2) * 0.5 }, at: [a]), 1e-8)
        XCTAssertLessThan(gradientCheck({ pow(concatenate([$0[0], $0[1].permuted([0, 2, 1])], axis: 1), 3) }, at: [a, b]), 1e-6)
        XCTAssertLessThan(gradientCheck({ pow(stack([$0[0], $0[1].permuted([0, 2, 1])], axis: 2), 2) }, at: [a, b]), 1e-8)
        XCTAssertLessThan(gradientCheck({ pow($0[0].narrowed(axis: 2, start: 1, length: 2), 2) }, at: [a]), 1e-8)
        XCTAssertLessThan(gradientCheck({ pow(batchedMatmul($0[0], $0[1]) * $0[2], 2) }, at: [a, b, w]), 1e-6)
        XCTAssertLessThan(gradientCheck({ pow(batchedMatmul($0[1], $0[0], transposeA: true, transposeB: true), 2) }, at: [a, b]), 1e-6)
    }
}
