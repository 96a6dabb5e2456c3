// Times TallyEngine's matmul and one MLP training epoch; prints JSON (seconds) for
// bench/engine-matmul.sh, which runs engine-matmul-numpy.py on the same workloads and compares.
import Foundation
import TallyBenchTiming
@_spi(Benchmark) import TallyEngine


func innerCount(_ n: Int) -> Int { max(1, 20_000_000 / (n * n * n)) }

let arguments = CommandLine.arguments
let sizes = arguments.count > 1 ? arguments[1].split(separator: ",").map { Int($0)! } : [4, 16, 64, 256, 512, 1024]
var results: [String: Double] = [:]

for n in sizes {
    let a = Tensor.normal([n, n], seed: 1), b = Tensor.normal([n, n], seed: 2)
    for (name, kernel) in [("", MatmulKernel.automatic), ("_swift", .swift), ("_blas", .blas)] {
        if kernel == .swift && n > 256 { continue }  // the plain loops are only a candidate for small n
        results["matmul_\(n)\(name)"] = fastest(repeats: 7, inner: innerCount(n)) { _ = matmul(a, b, kernel: kernel) }
    }
}

// One epoch of a 784-128-10 ReLU MLP on synthetic data: batches of 64, softmax cross-entropy,
// forward, backward and an Adam step per batch.
let samples = 6400, batchSize = 64
let x = Tensor.normal([samples, 784], seed: 3)
var labelRng = RandomGenerator(seed: 4)
let labels = (0..<samples).map { _ in labelRng.integer(below: 10) }
let model = MLP([784, 128, 10], activation: .relu, initialization: .heNormal, seed: 5)
let optimizer = Adam(model.parameters, learningRate: 1e-3)
let batches = miniBatches(count: samples, batchSize: batchSize)
let batchInputs = batches.map { x.rows($0) }
let batchLabels = batches.map { $0.map { labels[$0] } }
results["mlp_epoch"] = fastest(repeats: 3, inner: 1) {
    for (input, target) in zip(batchInputs, batchLabels) {
        optimizer.zeroGrad()
        softmaxCrossEntropy(logits: model(input), labels: target).backward()
        optimizer.step()
    }
}
results["mlp_samples"] = Double(samples)

let json = try JSONSerialization.data(withJSONObject: results, options: [.sortedKeys])
print(String(decoding: json, as: UTF8.self))
