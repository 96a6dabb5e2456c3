import Foundation
import XCTest
@testable import TallyEngine

/// Each optimizer's 100-step trajectory on two test functions against reference/optimizers.py,
/// an independent numpy implementation of PyTorch's documented update rules.
final class OptimizerReferenceTests: XCTestCase {
    struct Case: Decodable {
        let `case`: String
        let optimizer: String
        let settings: [String: Setting]
        let function: String
        let start: [Double]
        let points: [[Double]]
        let losses: [Double]
    }

    /// A keyword argument of the reference script: a number or a flag.
    enum Setting: Decodable {
        case number(Double), flag(Bool)

        init(from decoder: Decoder) throws {
            let container = try decoder.singleValueContainer()
            if let flag = try? container.decode(Bool.self) { self = .flag(flag) } else { self = .number(try container.decode(Double.self)) }
        }
    }

    func testTrajectoriesMatchReference() throws {
        let cases = try JSONDecoder().decode([Case].self, from: runReferenceScript("optimizers.py"))
        XCTAssertEqual(Set(cases.map(\.optimizer)), ["sgd", "adagrad", "adadelta", "rmsprop", "adam", "adamw"])
        for c in cases {
            let function: TestFunction = c.function == "rosenbrock" ? .rosenbrock : .quadratic(conditionNumber: 10)
            let point = Tensor(c.start, requiresGrad: true)
            let path = Trajectory(of: makeOptimizer(c, point), on: function, steps: c.points.count - 1)
            XCTAssertEqual(path.points.count, c.points.count, "\(c.case) on \(c.function)")
            let pointError = zip(path.points, c.points).flatMap { zip($0, $1).map { Swift.abs($0 - $1) } }.max() ?? .nan
            let lossError = zip(path.losses, c.losses).map { Swift.abs($0 - $1) / Swift.max(1, Swift.abs($1)) }.max() ?? .nan
            XCTAssertLessThanOrEqual(pointError, 1e-12, "\(c.case) on \(c.function): points")
            XCTAssertLessThanOrEqual(lossError, 1e-12, "\(c.case) on \(c.function): losses")
        }
    }

    /// The Swift optimizer with the script's settings; unset ones keep the Swift defaults,
    /// which must therefore equal the script's (PyTorch's) defaults.
    private func makeOptimizer(_ c: Case, _ point: Tensor) -> Optimizer {
        func number(_ key: String, _ fallback: Double) -> Double {
            if case .number(let x) = c.settings[key] { return x }
            return fallback
        }
        func flag(_ key: String) -> Bool {
            if case .flag(let x) = c.settings[key] { return x }
            return false
        }
        let known: Set<String> = ["lr", "momentum", "dampening", "weight_decay", "nesterov", "lr_decay",
                                  "initial_accumulator_value", "eps", "rho", "alpha", "centered", "beta1", "beta2"]
        XCTAssert(Set(c.settings.keys).isSubset(of: known), "unknown setting in \(c.settings.keys)")
        switch c.optimizer {
        case "sgd":
            let d = SGD([])
            return SGD([point], learningRate: number("lr", d.learningRate), momentum: number("momentum", d.momentum),
                       dampening: number("dampening", d.dampening), weightDecay: number("weight_decay", d.weightDecay),
                       nesterov: flag("nesterov"))
        case "adagrad":
            let d = Adagrad([])
            return Adagrad([point], learningRate: number("lr", d.learningRate),
                           learningRateDecay: number("lr_decay", d.learningRateDecay),
                           weightDecay: number("weight_decay", d.weightDecay),
                           initialAccumulatorValue: number("initial_accumulator_value", d.initialAccumulatorValue),
                           epsilon: number("eps", d.epsilon))
        case "adadelta":
            let d = Adadelta([])
            return Adadelta([point], learningRate: number("lr", d.learningRate), rho: number("rho", d.rho),
                            epsilon: number("eps", d.epsilon), weightDecay: number("weight_decay", d.weightDecay))
        case "rmsprop":
            let d = RMSprop([])
            return RMSprop([point], learningRate: number("lr", d.learningRate), alpha: number("alpha", d.alpha),
                           epsilon: number("eps", d.epsilon), weightDecay: number("weight_decay", d.weightDecay),
                           momentum: number("momentum", d.momentum), centered: flag("centered"))
        case "adam", "adamw":
            let d: Adam = c.optimizer == "adam" ? Adam([]) : AdamW([])
            let betas = (number("beta1", d.beta1), number("beta2", d.beta2))
            let (lr, eps, wd) = (number("lr", d.learningRate), number("eps", d.epsilon), number("weight_decay", d.weightDecay))
            return c.optimizer == "adam"
                ? Adam([point], learningRate: lr, betas: betas, epsilon: eps, weightDecay: wd)
                : AdamW([point], learningRate: lr, betas: betas, epsilon: eps, weightDecay: wd)
        default:
            XCTFail("unknown optimizer \(c.optimizer)")
            return SGD([point])
        }
    }

    /// PyTorch's documented defaults, written out (the trajectory cases above also run on the
    /// Swift defaults wherever the script leaves a setting out).
    func testDefaultsArePyTorchs() {
        let sgd = SGD([])
        XCTAssertEqual([sgd.learningRate, sgd.momentum, sgd.dampening, sgd.weightDecay], [1e-3, 0, 0, 0])
        let adagrad = Adagrad([])
        XCTAssertEqual([adagrad.learningRate, adagrad.learningRateDecay, adagrad.epsilon], [1e-2, 0, 1e-10])
        let adadelta = Adadelta([])
        XCTAssertEqual([adadelta.learningRate, adadelta.rho, adadelta.epsilon], [1.0, 0.9, 1e-6])
        let rmsprop = RMSprop([])
        XCTAssertEqual([rmsprop.learningRate, rmsprop.alpha, rmsprop.epsilon, rmsprop.momentum], [1e-2, 0.99, 1e-8, 0])
        let adam = Adam([])
        XCTAssertEqual([adam.learningRate, adam.beta1, adam.beta2, adam.epsilon, adam.weightDecay], [1e-3, 0.9, 0.999, 1e-8, 0])
        XCTAssertEqual(AdamW([]).weightDecay, 1e-2)
    }
}
