import Foundation
import XCTest
import TallyEngine

/// The engine against real PyTorch 2.15 (float64, CPU): reference/cases/torch_functional.json,
/// written by reference/torch_functional.py, compared to 1e-10 relative (numpy's allclose rule
/// with atol 1e-12). Values and gradients of activations and losses, optimizer trajectories,
/// scheduler rate sequences and initialiser scales, including ties, clamp bounds, p = 0 and 1
/// in BCE and far tails.
final class TorchFunctionalReferenceTests: XCTestCase {
    static let file = Result { try ReferenceFile.load("torch_functional.json") }

    func reference() throws -> ReferenceFile { try Self.file.get() }

    func testEveryCaseHasAChecker() throws {
        let file = try reference()
        XCTAssertEqual(file.generator, "reference/torch_functional.py")
        let prefixes = ["fix/", "activation/", "loss/", "optimizer/", "param_groups/", "scheduler/", "init/"]
        let unhandled = file.cases.filter { c in !prefixes.contains { c.name.hasPrefix($0) } }.map(\.name)
        XCTAssertEqual(unhandled, [])
        XCTAssertGreaterThanOrEqual(file.cases.count, 70)
    }

    // MARK: Values and gradients

    /// Evaluates f on the case's inputs (those with reference gradients require them) and
    /// compares its output "y" and the gradients of y's sum.
    func check(_ c: ReferenceCase, _ f: ([String: Tensor]) -> Tensor, file: StaticString = #filePath, line: UInt = #line) {
        let differentiated = Set(c.gradients?.keys.map { $0 } ?? [])
        var inputs: [String: Tensor] = [:]
        for key in c.inputs.keys { inputs[key] = c.input(key, requiresGrad: differentiated.contains(key)) }
        let y = f(inputs)
        assertMatches(y, c.outputs["y"], c.name, file: file, line: line)
        guard !differentiated.isEmpty else { return }
        if y.requiresGrad { y.backward() }
        for key in differentiated.sorted() {
            let input = inputs[key]!
            assertMatches(input.grad ?? Tensor.zeros(input.shape), c.gradients?[key], "\(c.name) ∂/∂\(key)", file: file, line: line)
        }
    }

    func testFixes() throws {
        let cases = try reference().cases("fix/")
        XCTAssertEqual(cases.count, 10)
        for c in cases {
            check(c) { x in
                switch c.name {
                case "fix/bce-saturated-sigmoid": return binaryCrossEntropy(sigmoid(x["z"]!), x["y"]!)
                case "fix/bce-probability-edges": return binaryCrossEntropy(x["p"]!, x["y"]!, reduction: "none")
                case "fix/max-tie": return x["x"]!.max()
                case "fix/min-tie": return x["x"]!.min()
                case "fix/max-dim-first-index": return x["x"]!.max(axis: Int(c.number("axis")!))
                case "fix/maximum-tie": return maximum(x["a"]!, x["b"]!)
                case "fix/minimum-tie": return minimum(x["a"]!, x["b"]!)
                case "fix/clamp-bounds": return clamp(x["x"]!, c.number("min")!, c.number("max")!)
                case "fix/clamp-min": return maximum(x["x"]!, c.number("min")!)
                case "fix/clamp-max": return minimum(x["x"]!, c.number("max")!)
                default: XCTFail("no checker for \(c.name)"); return Tensor(0.0)
                }
            }
        }
    }

    func testActivations() throws {
        let cases = try reference().cases("activation/")
        XCTAssertGreaterThanOrEqual(cases.count, 17)
        for c in cases {
            check(c) { inputs in
                let x = inputs["x"]!
                switch c.text("function")! {
                case "gelu": return c.text("approximate").map { gelu(x, approximate: $0) } ?? gelu(x)
                case "mish": return mish(x)
                case "hardtanh": return c.number("min_val").map { hardtanh(x, minVal: $0, maxVal: c.number("max_val")!) } ?? hardtanh(x)
                case "hardswish": return hardswish(x)
                case "softsign": return softsign(x)
                case "softplus": return c.number("beta").map { softplus(x, beta: $0, threshold: c.number("threshold")!) } ?? softplus(x)
                case "elu": return c.number("alpha").map { elu(x, alpha: $0) } ?? elu(x)
                case "selu": return selu(x)
                case "relu": return relu(x)
                case "leaky_relu": return leakyReLU(x, slope: c.number("negative_slope")!)
                case "sigmoid": return sigmoid(x)
                case "tanh": return tanh(x)
                case "silu": return swish(x)
                case let other: XCTFail("no activation \(other)"); return x
                }
            }
        }
    }

    func testLosses() throws {
        let cases = try reference().cases("loss/")
        XCTAssertGreaterThanOrEqual(cases.count, 50)
        for c in cases {
            let reduction = Reduction(rawValue: c.text("reduction") ?? "mean")!
            let kind = c.name.split(separator: "/")[1]
            check(c) { x in
                let labels = x["labels"].map { $0.data.map { Int($0) } } ?? []
                switch kind {
                case "mse": return mseLoss(x["x"]!, x["t"]!, reduction: reduction)
                case "l1": return maeLoss(x["x"]!, x["t"]!, reduction: reduction)
                case "smooth_l1": return smoothL1Loss(x["x"]!, x["t"]!, reduction: reduction, beta: c.number("beta")!)
                case "huber": return huberLoss(x["x"]!, x["t"]!, delta: c.number("delta")!, reduction: reduction)
                case "bce": return binaryCrossEntropy(x["p"]!, x["y"]!, weight: x["w"], reduction: reduction)
                case "bce_with_logits":
                    return binaryCrossEntropy(logits: x["z"]!, targets: x["y"]!, weight: x["w"], posWeight: x["pos_weight"],
                                              reduction: reduction)
                case "cross_entropy_labels":
                    return softmaxCrossEntropy(logits: x["logits"]!, labels: labels, weight: x["weight"],
                                               ignoreIndex: c.number("ignore_index").map { Int($0) } ?? -100,
                                               reduction: reduction, labelSmoothing: c.number("label_smoothing") ?? 0)
                case "cross_entropy_probabilities":
                    return softmaxCrossEntropy(logits: x["logits"]!, targets: x["targets"]!, weight: x["weight"],
                                               reduction: reduction, labelSmoothing: c.number("label_smoothing") ?? 0)
                case "nll":
                    return nllLoss(x["input"]!, labels, weight: x["weight"],
                                   ignoreIndex: c.number("ignore_index").map { Int($0) } ?? -100, reduction: reduction)
                case "kl_div":
                    return klDiv(x["input"]!, x["target"]!, reduction: reduction, logTarget: c.flag("log_target") ?? false)
                case "cosine_embedding":
                    return cosineEmbeddingLoss(x["x1"]!, x["x2"]!, x["y"]!, margin: c.number("margin")!, reduction: reduction)
                case "margin_ranking":
                    return marginRankingLoss(x["x1"]!, x["x2"]!, x["y"]!, margin: c.number("margin")!, reduction: reduction)
                case "triplet_margin":
                    return tripletMarginLoss(x["anchor"]!, x["positive"]!, x["negative"]!, margin: c.number("margin") ?? 1,
                                             p: c.number("p") ?? 2, swap: c.flag("swap") ?? false, reduction: reduction)
                case "pairwise_distance": return pairwiseDistance(x["x1"]!, x["x2"]!, p: c.number("p")!)
                default: XCTFail("no loss \(kind)"); return Tensor(0.0)
                }
            }
        }
    }

    // MARK: Optimizers

    /// An optimizer of torch's `name` with torch's keyword arguments (unset ones keep the Swift
    /// defaults, which must therefore be torch's).
    func makeOptimizer(_ name: String, _ parameters: [Tensor], _ options: [String: Any],
                       file: StaticString = #filePath, line: UInt = #line) -> Optimizer {
        let known: Set = ["lr", "amsgrad", "maximize", "weight_decay", "momentum", "nesterov", "centered"]
        XCTAssert(Set(options.keys).isSubset(of: known), "unknown options \(options.keys)", file: file, line: line)
        func number(_ key: String) -> Double? { (options[key] as? NSNumber)?.doubleValue }
        func flag(_ key: String) -> Bool { (options[key] as? Bool) ?? false }
        switch name {
        case "sgd":
            let d = SGD([])
            return SGD(parameters, learningRate: number("lr")!, momentum: number("momentum") ?? d.momentum,
                       weightDecay: number("weight_decay") ?? d.weightDecay, nesterov: flag("nesterov"), maximize: flag("maximize"))
        case "adam":
            let d = Adam([])
            return Adam(parameters, learningRate: number("lr")!, weightDecay: number("weight_decay") ?? d.weightDecay,
                        amsgrad: flag("amsgrad"), maximize: flag("maximize"))
        case "adamw":
            let d = AdamW([])
            return AdamW(parameters, learningRate: number("lr")!, weightDecay: number("weight_decay") ?? d.weightDecay,
                         amsgrad: flag("amsgrad"), maximize: flag("maximize"))
        case "adagrad":
            let d = Adagrad([])
            return Adagrad(parameters, learningRate: number("lr")!, weightDecay: number("weight_decay") ?? d.weightDecay,
                           maximize: flag("maximize"))
        case "adadelta":
            let d = Adadelta([])
            return Adadelta(parameters, learningRate: number("lr")!, weightDecay: number("weight_decay") ?? d.weightDecay,
                            maximize: flag("maximize"))
        case "rmsprop":
            let d = RMSprop([])
            return RMSprop(parameters, learningRate: number("lr")!, weightDecay: number("weight_decay") ?? d.weightDecay,
                           momentum: number("momentum") ?? d.momentum, centered: flag("centered"), maximize: flag("maximize"))
        default:
            XCTFail("no optimizer \(name)", file: file, line: line)
            return SGD(parameters)
        }
    }

    /// The case's options other than `excluding`, as a torch keyword dictionary.
    func keywords(_ c: ReferenceCase, excluding: Set<String>) -> [String: Any] {
        var result: [String: Any] = [:]
        for (key, option) in c.options ?? [:] where !excluding.contains(key) {
            switch option {
            case .number(let n): result[key] = NSNumber(value: n)
            case .flag(let f): result[key] = f
            case .text(let t): result[key] = t
            case .numbers(let n): result[key] = n
            }
        }
        return result
    }

    func rosenbrock(_ w: Tensor) -> Tensor {
        let (x, y) = (w[0..<1], w[1..<2])
        return (pow(1 - x, 2) + 100 * pow(y - x * x, 2)).sum()
    }

    func testOptimizerTrajectories() throws {
        let cases = try reference().cases("optimizer/")
        XCTAssertEqual(cases.count, 8)
        for c in cases {
            let options = keywords(c, excluding: ["optimizer"])
            let w = c.input("start", requiresGrad: true)
            let optimizer = makeOptimizer(c.text("optimizer")!, [w], options)
            var path = w.data
            let steps = c.outputs["trajectory"]!.shape[0] - 1
            for _ in 0..<steps {
                optimizer.zeroGrad()
                let loss = rosenbrock(w)
                (c.flag("maximize") == true ? -loss : loss).backward()
                optimizer.step()
                path += w.data
            }
            assertMatches(Tensor(shape: [steps + 1, 2], data: path), c.outputs["trajectory"], c.name)
        }
    }

    func testParameterGroupTrajectories() throws {
        let cases = try reference().cases("param_groups/")
        XCTAssertEqual(cases.count, 3)
        for c in cases {
            let groups = try ["group0", "group1"].map {
                try JSONSerialization.jsonObject(with: Data(c.text($0)!.utf8)) as! [String: Any]
            }
            let w = c.input("w_start", requiresGrad: true), b = c.input("b_start", requiresGrad: true)
            let target = c.input("b_target")
            let optimizer = ParameterGroups([makeOptimizer(c.text("optimizer")!, [w], groups[0]),
                                             makeOptimizer(c.text("optimizer")!, [b], groups[1])])
            let maximizeB = groups[1]["maximize"] as? Bool ?? false
            var (wPath, bPath) = (w.data, b.data)
            let steps = c.outputs["w"]!.shape[0] - 1
            for _ in 0..<steps {
                optimizer.zeroGrad()
                let bLoss = pow(b - target, 2).sum()
                (rosenbrock(w) + (maximizeB ? -bLoss : bLoss)).backward()
                optimizer.step()
                wPath += w.data
                bPath += b.data
            }
            assertMatches(Tensor(shape: [steps + 1, 2], data: wPath), c.outputs["w"], "\(c.name) w")
            assertMatches(Tensor(shape: [steps + 1, 3], data: bPath), c.outputs["b"], "\(c.name) b")
        }
    }

    // MARK: Schedulers

    func testSchedulerRates() throws {
        let cases = try reference().cases("scheduler/")
        XCTAssertEqual(cases.count, 16)
        for c in cases {
            let groupCount = Int(c.number("groups")!), baseRate = c.number("lr")!
            let groups: [Optimizer] = (0..<groupCount).map { i in
                let p = [Tensor.zeros([1], requiresGrad: true)]
                let rate = baseRate * Double(i + 1)
                return c.text("optimizer") == "adam" ? Adam(p, learningRate: rate) : SGD(p, learningRate: rate, momentum: 0.9)
            }
            let optimizer = groupCount == 1 ? groups[0] : ParameterGroups(groups)
            let epochs = Int(c.number("steps")!)
            var rates: [Double] = [], momenta: [Double] = []
            func record() {
                rates += optimizer.paramGroups.map(\.learningRate)
                momenta += optimizer.paramGroups.map(momentum)
            }
            if c.name.hasPrefix("scheduler/ReduceLROnPlateau") {
                let minLR = c.number("min_lr") ?? 0
                let scheduler = ReduceLROnPlateau(optimizer, mode: c.text("mode")!, factor: c.number("factor")!,
                                                  patience: Int(c.number("patience")!), threshold: c.number("threshold") ?? 1e-4,
                                                  thresholdMode: c.text("threshold_mode") ?? "rel",
                                                  cooldown: Int(c.number("cooldown") ?? 0), minLR: minLR)
                record()
                for metric in c.input("metrics").data {
                    optimizer.step()
                    scheduler.step(metric)
                    record()
                }
                XCTAssertEqual(scheduler.getLastLR(), optimizer.paramGroups.map(\.learningRate), c.name)
            } else {
                let scheduler = makeScheduler(c, optimizer)
                record()
                for _ in 0..<epochs {
                    optimizer.step()
                    scheduler.step()
                    record()
                }
                XCTAssertEqual(scheduler.getLastLR(), optimizer.paramGroups.map(\.learningRate), c.name)
            }
            assertMatches(Tensor(shape: [epochs + 1, groupCount], data: rates), c.outputs["lr"], "\(c.name) lr")
            if let expected = c.outputs["momentum"] {
                assertMatches(Tensor(shape: [epochs + 1, groupCount], data: momenta), expected, "\(c.name) momentum")
            }
        }
    }

    func momentum(_ group: Optimizer) -> Double {
        (group as? SGD)?.momentum ?? (group as? Adam)?.beta1 ?? .nan
    }

    func makeScheduler(_ c: ReferenceCase, _ optimizer: Optimizer) -> LRScheduler {
        let kind = c.name.dropFirst("scheduler/".count).split(separator: "/").first.map(String.init) ?? ""
        switch kind {
        case "StepLR": return StepLR(optimizer, stepSize: Int(c.number("step_size")!), gamma: c.number("gamma")!)
        case "MultiStepLR": return MultiStepLR(optimizer, milestones: c.numbers("milestones")!.map { Int($0) }, gamma: c.number("gamma")!)
        case "ExponentialLR": return ExponentialLR(optimizer, gamma: c.number("gamma")!)
        case "CosineAnnealingLR": return CosineAnnealingLR(optimizer, tMax: Int(c.number("T_max")!), etaMin: c.number("eta_min")!)
        case "CosineAnnealingWarmRestarts":
            return CosineAnnealingWarmRestarts(optimizer, t0: Int(c.number("T_0")!), tMult: Int(c.number("T_mult")!),
                                               etaMin: c.number("eta_min") ?? 0)
        case "LinearLR":
            guard let start = c.number("start_factor") else { return LinearLR(optimizer) }
            return LinearLR(optimizer, startFactor: start, endFactor: c.number("end_factor")!, totalIters: Int(c.number("total_iters")!))
        case "OneCycleLR":
            let d = (pctStart: 0.3, divFactor: 25.0, finalDivFactor: 1e4, baseMomentum: 0.85, maxMomentum: 0.95)
            return OneCycleLR(optimizer, maxLR: c.numbers("max_lr")!, totalSteps: c.number("total_steps").map { Int($0) },
                              epochs: c.number("epochs").map { Int($0) }, stepsPerEpoch: c.number("steps_per_epoch").map { Int($0) },
                              pctStart: c.number("pct_start") ?? d.pctStart, annealStrategy: c.text("anneal_strategy") ?? "cos",
                              baseMomentum: c.number("base_momentum") ?? d.baseMomentum,
                              maxMomentum: c.number("max_momentum") ?? d.maxMomentum,
                              divFactor: c.number("div_factor") ?? d.divFactor,
                              finalDivFactor: c.number("final_div_factor") ?? d.finalDivFactor, threePhase: c.flag("three_phase") ?? false)
        case "LambdaLR":
            XCTAssertEqual(c.text("lambda"), "1/(1+0.5·epoch)")
            return LambdaLR(optimizer) { epoch in 1.0 / (1.0 + 0.5 * Double(epoch)) }
        case "SequentialLR" where c.name.hasSuffix("linear-cosine"):
            return SequentialLR(optimizer, schedulers: [LinearLR(optimizer, startFactor: 0.1, totalIters: 3),
                                                        CosineAnnealingLR(optimizer, tMax: 5)],
                                milestones: c.numbers("milestones")!.map { Int($0) })
        case "SequentialLR" where c.name.hasSuffix("linear-exponential-step"):
            return SequentialLR(optimizer, schedulers: [LinearLR(optimizer, startFactor: 0.5, totalIters: 2),
                                                        ExponentialLR(optimizer, gamma: 0.8),
                                                        StepLR(optimizer, stepSize: 2, gamma: 0.5)],
                                milestones: c.numbers("milestones")!.map { Int($0) })
        default:
            XCTFail("no scheduler for \(c.name)")
            return ExponentialLR(optimizer, gamma: 1)
        }
    }

    // MARK: Initialisers

    func testInitialisers() throws {
        let cases = try reference().cases("init/")
        XCTAssertEqual(cases.count, 15)
        for c in cases {
            if c.name.hasPrefix("init/calculate_gain/") {
                assertMatches(Tensor(calculateGain(c.text("nonlinearity")!, param: c.number("param"))), c.outputs["gain"], c.name)
                continue
            }
            let shape = c.numbers("shape")!.map { Int($0) }
            let fans = calculateFanInAndFanOut(shape)
            XCTAssertEqual(Double(fans.fanIn), c.outputs["fan_in"]?.scalar, c.name)
            XCTAssertEqual(Double(fans.fanOut), c.outputs["fan_out"]?.scalar, c.name)
            // The same seed through U(−b, b) or N(0, std²) with torch's b or std must give the same weights.
            var rng = RandomGenerator(seed: 11), expectedRNG = RandomGenerator(seed: 11)
            let drawn: Tensor, expected: Tensor
            let (a, mode, nonlinearity) = (c.number("a") ?? 0, c.text("mode") ?? "fan_in", c.text("nonlinearity") ?? "leaky_relu")
            switch c.text("function")! {
            case "xavier_uniform": drawn = xavierUniform(shape, gain: c.number("gain") ?? 1, using: &rng)
            case "xavier_normal": drawn = xavierNormal(shape, gain: c.number("gain") ?? 1, using: &rng)
            case "kaiming_uniform": drawn = kaimingUniform(shape, a: a, mode: mode, nonlinearity: nonlinearity, using: &rng)
            case "kaiming_normal": drawn = kaimingNormal(shape, a: a, mode: mode, nonlinearity: nonlinearity, using: &rng)
            case let other: XCTFail("no initialiser \(other)"); continue
            }
            if let bound = c.outputs["bound"]?.scalar {
                expected = Tensor.uniform(shape, low: -bound, high: bound, using: &expectedRNG)
            } else {
                expected = Tensor.normal(shape, standardDeviation: c.outputs["std"]!.scalar, using: &expectedRNG)
            }
            assertMatches(drawn, ReferenceArray(shape: expected.shape, data: expected.data), c.name)
        }
    }
}
