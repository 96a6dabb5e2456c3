// Times TallyEngine's LAPACK-backed linear algebra; prints JSON (seconds) for
// bench/engine-linalg.sh, which runs engine-linalg-numpy.py on the same workloads and compares.
import Foundation
import TallyBenchTiming
import TallyEngine


let arguments = CommandLine.arguments
let sizes = arguments.count > 1 ? arguments[1].split(separator: ",").map { Int($0)! } : [64, 256, 512]
var results: [String: Double] = [:]

for n in sizes {
    let inner = max(1, 4_000_000 / (n * n * n))
    let a = Tensor.normal([n, n], seed: 1)
    let wellConditioned = a + Tensor.eye(n) * Double(n)
    let symmetric = (a + a.transposed()) / 2
    let positiveDefinite = matmul(a, a, transposeB: true) + Tensor.eye(n) * Double(n)
    let b = Tensor.normal([n], seed: 2)
    results["solve_\(n)"] = fastest(repeats: 5, inner: inner) { _ = solve(wellConditioned, b) }
    results["inv_\(n)"] = fastest(repeats: 5, inner: inner) { _ = inv(wellConditioned) }
    results["svd_\(n)"] = fastest(repeats: 5, inner: inner) { _ = svd(a) }
    results["eigh_\(n)"] = fastest(repeats: 5, inner: inner) { _ = eigh(symmetric) }
    results["cholesky_\(n)"] = fastest(repeats: 5, inner: inner) { _ = cholesky(positiveDefinite) }
}

let json = try JSONSerialization.data(withJSONObject: results, options: [.sortedKeys])
print(String(decoding: json, as: UTF8.self))
