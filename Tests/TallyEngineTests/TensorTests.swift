import Foundation
import XCTest
@_spi(Benchmark) @testable import TallyEngine

final class TensorTests: XCTestCase {
    func testConstructionAndIndexing() {
        let m = Tensor([[1, 2, 3], [4, 5, 6]])
        XCTAssertEqual(m.shape, [2, 3])
        XCTAssertEqual(m[1, 2], 6)
        XCTAssertEqual(m.rows, [[1, 2, 3], [4, 5, 6]])
        XCTAssertEqual(Tensor([[[1, 2]], [[3, 4]]]).shape, [2, 1, 2])
        XCTAssertEqual(Tensor.eye(2).data, [1, 0, 0, 1])
        XCTAssertEqual(Tensor.linspace(0, 1, count: 5).data, [0, 0.25, 0.5, 0.75, 1])
    }

    func testBroadcastingFollowsNumpy() {
        let m = Tensor([[1, 2, 3], [4, 5, 6]])
        XCTAssertEqual((m + Tensor([10, 20, 30])).data, [11, 22, 33, 14, 25, 36])
        XCTAssertEqual((m * Tensor([[10], [100]])).data, [10, 20, 30, 400, 500, 600])
        let outer = Tensor([[1], [2]]) - Tensor([1, 2, 3])  // [2,1] with [3] gives [2,3]
        XCTAssertEqual(outer.shape, [2, 3])
        XCTAssertEqual(outer.data, [0, -1, -2, 1, 0, -1])
        let general = Tensor(shape: [2, 1, 2], data: [1, 2, 3, 4]) + Tensor(shape: [3, 1], data: [0, 10, 20])
        XCTAssertEqual(general.shape, [2, 3, 2])
        XCTAssertEqual(general.data, [1, 2, 11, 12, 21, 22, 3, 4, 13, 14, 23, 24])
        XCTAssertEqual((2 / Tensor([1, 4])).data, [2, 0.5])
    }

    func testBroadcastGradientSumsOverStretchedAxes() {
        let m = Tensor([[1, 2, 3], [4, 5, 6]], requiresGrad: true)
        let column = Tensor([[1], [2]], requiresGrad: true)
        (m * column).sum().backward()
        XCTAssertEqual(column.grad!.data, [6, 15])
        XCTAssertEqual(m.grad!.data, [1, 1, 1, 2, 2, 2])
    }

    func testReductions() {
        let m = Tensor([[1, 5, 3], [4, 2, 6]])
        XCTAssertEqual(m.sum().item, 21)
        XCTAssertEqual(m.sum(axis: 0).data, [5, 7, 9])
        XCTAssertEqual(m.sum(axis: -1).data, [9, 12])
        XCTAssertEqual(m.mean(axis: 1).data, [3, 4])
        XCTAssertEqual(m.max(axis: 0).data, [4, 5, 6])
        XCTAssertEqual(m.min().item, 1)
        XCTAssertEqual(m.argmax(axis: 1), [1, 2])
        XCTAssertEqual(argmax(m), 5)
    }

    /// Both kernels against the definition Σₚ A[i,p]·B[p,j], for every transpose combination.
    func testMatmulKernelsMatchTheDefinition() {
        var rng = RandomGenerator(seed: 5)
        for (m, k, n) in [(1, 1, 1), (3, 4, 5), (7, 1, 2), (33, 47, 29), (70, 60, 50)] {
            let a = Tensor.normal([m, k], using: &rng), b = Tensor.normal([k, n], using: &rng)
            var expected = Array(repeating: 0.0, count: m * n)
            for i in 0..<m { for j in 0..<n { for p in 0..<k { expected[i * n + j] += a[i, p] * b[p, j] } } }
            for kernel in [MatmulKernel.swift, .blas, .automatic] {
                for (ta, tb) in [(false, false), (true, false), (false, true), (true, true)] {
                    let c = matmul(ta ? a.transposed() : a, tb ? b.transposed() : b,
                                   transposeA: ta, transposeB: tb, kernel: kernel)
                    XCTAssertEqual(c.shape, [m, n])
                    let error = zip(c.data, expected).map { Swift.abs($0 - $1) }.max()!
                    XCTAssertLessThan(error, 1e-12, "\(kernel) \(m)×\(k)×\(n) transposes \(ta) \(tb)")
                }
            }
        }
    }

    func testMatmulWithVectors() {
        let w = Tensor([[1, 2], [3, 4]])
        XCTAssertEqual(matmul(w, Tensor([1, 1])).data, [3, 7])
        XCTAssertEqual(matmul(Tensor([1, 1]), w).data, [4, 6])
        XCTAssertEqual(matmul(Tensor([1, 2]), Tensor([3, 4])).data, [11])
    }

    func testReshapeTransposeSlicing() {
        let m = Tensor.arange(6).reshaped([2, -1])
        XCTAssertEqual(m.shape, [2, 3])
        XCTAssertEqual(m.T.rows, [[0, 3], [1, 4], [2, 5]])
        XCTAssertEqual(m[0..<2, 1..<3].rows, [[1, 2], [4, 5]])
        XCTAssertEqual(m[1..<2].rows, [[3, 4, 5]])
        XCTAssertEqual(m.rows([1, 0, 1]).rows, [[3, 4, 5], [0, 1, 2], [3, 4, 5]])
    }

    func testPrintingAlignsColumns() {
        XCTAssertEqual(Tensor([[1, -2.5], [10, 0.25]]).description, "[[ 1   , -2.5 ],\n [10   ,  0.25]]")
        XCTAssertEqual(Tensor([1, 2, 3]).description, "[1, 2, 3]")
        XCTAssertEqual(Tensor(0.5).description, "0.5")
        XCTAssertEqual(Tensor([1e-7, 1]).description, "[1.00000e-07, 1          ]")
        XCTAssertEqual(Tensor(shape: [2, 1, 2], data: [1, 2, 3, 4]).description, "[[[1, 2]],\n\n [[3, 4]]]")
        XCTAssertEqual(Tensor.zeros([50, 50]).description, "Tensor of shape [50, 50]")
    }
}
