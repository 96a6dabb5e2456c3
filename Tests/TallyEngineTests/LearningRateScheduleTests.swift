import Foundation
import XCTest
import TallyEngine

/// The closed-form schedules against reference/lr_schedules.py, which follows PyTorch's
/// recursive update of the previous epoch's rate.
final class LearningRateScheduleTests: XCTestCase {
    struct Reference: Decodable {
        struct Schedule: Decodable {
            let initial: Double
            let gamma: Double?
            let step_size: Int?
            let t_max: Int?
            let eta_min: Double?
            let rates: [Double]
        }
        let step: Schedule
        let exponential: Schedule
        let cosine: Schedule
    }

    func testSchedulesMatchPyTorchsRecursiveForms() throws {
        let r = try JSONDecoder().decode(Reference.self, from: runReferenceScript("lr_schedules.py"))
        let cases: [(LearningRateSchedule, [Double])] = [
            (.step(initial: r.step.initial, stepSize: r.step.step_size!, gamma: r.step.gamma!), r.step.rates),
            (.exponential(initial: r.exponential.initial, gamma: r.exponential.gamma!), r.exponential.rates),
            (.cosine(initial: r.cosine.initial, period: r.cosine.t_max!, minimum: r.cosine.eta_min!), r.cosine.rates),
        ]
        for (schedule, expected) in cases {
            let rates = schedule.rates(expected.count)
            for (epoch, (got, want)) in zip(rates, expected).enumerated() {
                XCTAssertEqual(got, want, accuracy: 1e-12 * Swift.max(1, Swift.abs(want)), "epoch \(epoch)")
            }
        }
    }

    func testScheduleDrivesAnOptimizer() {
        let optimizer = SGD([Tensor([1.0], requiresGrad: true)], learningRate: 0.5)
        let schedule = LearningRateSchedule.step(initial: 0.5, stepSize: 2)
        optimizer.learningRate = schedule(4)
        XCTAssertEqual(optimizer.learningRate, 0.005, accuracy: 1e-15)
    }
}
