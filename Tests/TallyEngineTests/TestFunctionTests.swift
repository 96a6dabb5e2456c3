import Foundation
import XCTest
import TallyEngine

final class TestFunctionTests: XCTestCase {
    let functions: [TestFunction] = [.quadratic(conditionNumber: 25), .rosenbrock, .beale, .saddle]

    func testGradientsMatchFiniteDifferences() {
        for f in functions {
            for point in [[-1.2, 0.7], [0.3, -0.4], [2.1, 1.3]] {
                let error = gradientCheck({ Tensor(f($0.data)) }, gradient: { Tensor(f.gradient($0.data)) },
                                          at: Tensor(point))
                XCTAssertLessThan(error, 1e-6, "\(f.name) at \(point)")
            }
        }
    }

    func testMinimaAreZeroWithZeroGradient() {
        for f in functions {
            guard let minimum = f.minimum else { continue }
            XCTAssertEqual(f(minimum), 0, accuracy: 1e-15, f.name)
            XCTAssertEqual(f.gradient(minimum).map(Swift.abs).max()!, 0, accuracy: 1e-15, f.name)
        }
        XCTAssertEqual(TestFunction.saddle.gradient([0, 0]), [0, 0])
    }

    func testTrajectoryRecordsAndStopsAtTolerance() {
        // Gradient descent with step 0.1 on ½(x² + 10y²) shrinks x by 0.9 and y by 0 per step:
        // y is gone after one step and x = −3·0.9ᵗ, so the loss is 4.5·0.81ᵗ.
        let point = Tensor([-3.0, 1.0], requiresGrad: true)
        let path = Trajectory(of: SGD([point], learningRate: 0.1), on: .quadratic(conditionNumber: 10), steps: 200,
                              tolerance: 1e-6)
        let expectedSteps = Int((Foundation.log(1e-6 / 4.5) / Foundation.log(0.81)).rounded(.up))
        XCTAssertEqual(path.steps(toReach: 1e-6), expectedSteps)
        XCTAssertEqual(path.losses.count, expectedSteps + 1, "stops once the tolerance is reached")
        XCTAssertEqual(path.points.count, path.losses.count)
        XCTAssertEqual(path.points[0], [-3, 1])
        XCTAssertEqual(path.points[2][0], -3 * 0.81, accuracy: 1e-15)
        XCTAssertNil(path.steps(toReach: 1e-12))
    }

    func testSaddleTrapsOnlyExactlyOnTheAxis() {
        let onAxis = Trajectory(of: SGD([Tensor([1.0, 0], requiresGrad: true)], learningRate: 0.1), on: .saddle, steps: 50)
        XCTAssertEqual(onAxis.end[1], 0)
        XCTAssertLessThan(Swift.abs(onAxis.end[0]), 1e-4)
        let offAxis = Trajectory(of: SGD([Tensor([1.0, 1e-3], requiresGrad: true)], learningRate: 0.1), on: .saddle, steps: 50)
        XCTAssertGreaterThan(Swift.abs(offAxis.end[1]), 1)
    }
}
