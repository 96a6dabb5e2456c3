import Foundation
import XCTest
import TallyEngine

/// The linear algebra against torch.linalg (float64, CPU), from reference/cases/torch_linalg.json
/// written by reference/torch_linalg.py: values to 1e-10 relative and gradients of the losses
/// the script describes.
final class LinearAlgebraReferenceTests: XCTestCase {
    var file: ReferenceFile!

    override func setUpWithError() throws { file = try ReferenceFile.load("torch_linalg.json") }

    /// Runs `f` on the case's inputs with gradients on, backpropagates sum(y · w) and compares
    /// the value and the gradients.
    private func checkValueAndGradients(_ prefix: String, _ f: (ReferenceCase, [String: Tensor]) -> Tensor) {
        for c in file.requiredCases(prefix) {
            var leaves: [String: Tensor] = [:]
            for key in c.inputs.keys where key != "w" { leaves[key] = c.input(key, requiresGrad: true) }
            let y = f(c, leaves)
            assertMatches(y, c.outputs["y"], c.name)
            (y * c.input("w")).sum().backward()
            for (key, expected) in c.gradients ?? [:] {
                assertMatches(leaves[key]?.grad, expected, rtol: 1e-9, atol: 1e-11, "\(c.name) ∂\(key)")
            }
        }
    }

    func testSolve() { checkValueAndGradients("solve/") { _, x in solve(x["a"]!, x["b"]!) } }
    func testInv() { checkValueAndGradients("inv/") { _, x in inv(x["a"]!) } }
    func testDet() { checkValueAndGradients("det/") { _, x in det(x["a"]!) } }
    func testCholesky() {
        checkValueAndGradients("cholesky/") { c, x in cholesky(x["a"]!, upper: c.flag("upper") ?? false) }
    }

    func testSlogdet() {
        for c in file.requiredCases("slogdet/") {
            let a = c.input("a", requiresGrad: true)
            let (sign, logabsdet) = slogdet(a)
            assertMatches(sign, c.outputs["sign"], c.name)
            assertMatches(logabsdet, c.outputs["logabsdet"], c.name)
            (logabsdet * c.input("w")).backward()
            assertMatches(a.grad, c.gradients?["a"], rtol: 1e-9, "\(c.name) ∂a")
        }
    }

    func testQR() {
        for c in file.requiredCases("qr/") {
            let (q, r) = qr(c.input("a"), mode: c.text("mode")!)
            assertMatches(q, c.outputs["Q"], c.name + " Q")
            assertMatches(r, c.outputs["R"], c.name + " R")
        }
    }

    func testEigh() {
        for c in file.requiredCases("eigh/") {
            let a = c.input("a", requiresGrad: true)
            let (values, vectors) = eigh(a, UPLO: c.text("UPLO")!)
            assertMatches(values, c.outputs["eigenvalues"], c.name)
            assertMatches(signFixedColumns(vectors), c.outputs["eigenvectors"], c.name + " eigenvectors")
            ((values * c.input("wL")).sum() + (vectors * vectors * c.input("wV")).sum()).backward()
            assertMatches(a.grad, c.gradients?["a"], rtol: 1e-9, atol: 1e-11, "\(c.name) ∂a")
        }
    }

    func testEig() {
        for c in file.requiredCases("eig/") {
            let (re, im) = eigvals(c.input("a"))
            let sorted = zip(re.data, im.data).sorted { $0.0 != $1.0 ? $0.0 < $1.0 : $0.1 < $1.1 }
            assertMatches(Tensor(sorted.map(\.0)), c.outputs["real"], c.name + " real")
            assertMatches(Tensor(sorted.map(\.1)), c.outputs["imaginary"], c.name + " imaginary")
            // A·v = λ·v for every eigenpair, in complex arithmetic on the parts.
            let a = c.input("a")
            let e = eig(a)
            let (av, aw) = (matmul(a, e.eigenvectorsReal), matmul(a, e.eigenvectorsImaginary))
            let n = a.shape[0]
            for i in 0..<n {
                for j in 0..<n {
                    let (vr, vi) = (e.eigenvectorsReal.data[i * n + j], e.eigenvectorsImaginary.data[i * n + j])
                    let (lr, li) = (e.eigenvaluesReal.data[j], e.eigenvaluesImaginary.data[j])
                    XCTAssertEqual(av.data[i * n + j], lr * vr - li * vi, accuracy: 1e-12, c.name)
                    XCTAssertEqual(aw.data[i * n + j], lr * vi + li * vr, accuracy: 1e-12, c.name)
                }
            }
        }
    }

    func testSVD() {
        for c in file.requiredCases("svd/") {
            let full = c.flag("full_matrices")!
            let (u, s, vh) = svd(c.input("a"), fullMatrices: full)
            XCTAssertEqual(u.shape[1], Int(c.number("U_columns")!), c.name)
            XCTAssertEqual(vh.shape[0], Int(c.number("Vh_rows")!), c.name)
            let k = s.count
            var uk = columns(u, k), vk = columns(vh.transposed(), k)
            flipPairs(&uk, &vk)
            assertMatches(uk, c.outputs["U"], c.name + " U")
            assertMatches(s, c.outputs["S"], c.name + " S")
            assertMatches(vk.transposed(), c.outputs["Vh"], c.name + " Vh")
            // The full factors are orthogonal.
            assertMatches(matmul(u, u, transposeA: true), ReferenceArrayIdentity.array(u.shape[1]), c.name + " UᵀU")
            assertMatches(matmul(vh, vh, transposeB: true), ReferenceArrayIdentity.array(vh.shape[0]), c.name + " VhVhᵀ")
        }
        for c in file.requiredCases("svdvals/") { assertMatches(svdvals(c.input("a")), c.outputs["S"], c.name) }
    }

    func testLstsq() {
        for c in file.requiredCases("lstsq/") {
            let result = lstsq(c.input("a"), c.input("b"))
            assertMatches(result.solution, c.outputs["solution"], c.name + " solution")
            assertMatches(result.residuals, c.outputs["residuals"], c.name + " residuals")
            XCTAssertEqual(Double(result.rank), c.outputs["rank"]?.scalar, c.name + " rank")
            assertMatches(result.singularValues, c.outputs["singular_values"], c.name + " singular values")
        }
    }

    func testPinvAndMatrixRank() {
        for c in file.requiredCases("pinv/") {
            assertMatches(pinv(c.input("a"), rtol: c.number("rtol")), c.outputs["y"], rtol: 1e-9, c.name)
        }
        let rankCases = file.requiredCases("matrixRank/")
        XCTAssertEqual(rankCases.count, 4)
        for c in rankCases {
            XCTAssertEqual(Double(matrixRank(c.input("a"), atol: c.number("atol"), rtol: c.number("rtol"))),
                           c.outputs["rank"]?.scalar, c.name)
        }
    }

    func testNorm() {
        checkValueAndGradients("norm/") { c, x in
            let ord = c.text("ord")
            switch ord {
            case nil: return norm(x["x"]!)
            case "fro", "nuc": return norm(x["x"]!, ord: ord!)
            case "inf": return norm(x["x"]!, ord: .infinity)
            case "-inf": return norm(x["x"]!, ord: -.infinity)
            default: return norm(x["x"]!, ord: Double(ord!)!)
            }
        }
    }

    /// A case small enough to do by hand: det [[2, 1], [1, 2]] = 3, its Cholesky factor [[√2, 0], [1/√2, √(3/2)]].
    func testTwoByTwoByHand() {
        let a = Tensor([[2.0, 1], [1, 2]])
        XCTAssertEqual(det(a).item, 3, accuracy: 1e-15)
        for (l, e) in zip(cholesky(a).data, [Double(2).squareRoot(), 0, 0.5 * Double(2).squareRoot(), Double(1.5).squareRoot()]) {
            XCTAssertEqual(l, e, accuracy: 1e-15)
        }
    }

    // The k leading columns of a matrix.
    private func columns(_ m: Tensor, _ k: Int) -> Tensor {
        let (rows, cols) = (m.shape[0], m.shape[1])
        return Tensor(shape: [rows, k], data: (0..<rows).flatMap { i in (0..<k).map { m.data[i * cols + $0] } })
    }

    /// Each column's sign chosen so that its largest-magnitude entry is positive, as the script stores them.
    private func signFixedColumns(_ v: Tensor) -> Tensor {
        var u = columns(v, v.shape[1]), w = Tensor.zeros(u.shape)
        flipPairs(&u, &w)
        return u
    }

    /// Flips column j of u (and of v with it) so that u's largest-magnitude entry in it is positive.
    private func flipPairs(_ u: inout Tensor, _ v: inout Tensor) {
        let (m, k) = (u.shape[0], u.shape[1])
        let vRows = v.shape[0]
        for j in 0..<k {
            var best = 0
            for i in 0..<m where Swift.abs(u.data[i * k + j]) > Swift.abs(u.data[best * k + j]) { best = i }
            guard u.data[best * k + j] < 0 else { continue }
            for i in 0..<m { u.data[i * k + j] = -u.data[i * k + j] }
            if v.shape.count == 2 && v.shape[1] == k { for i in 0..<vRows { v.data[i * k + j] = -v.data[i * k + j] } }
        }
    }
}

/// The n×n identity as a reference array, for orthogonality checks.
enum ReferenceArrayIdentity {
    static func array(_ n: Int) -> ReferenceArray {
        let data = try! JSONSerialization.data(withJSONObject: ["shape": [n, n], "data": Tensor.eye(n).data])
        return try! JSONDecoder().decode(ReferenceArray.self, from: data)
    }
}
