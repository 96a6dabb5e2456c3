import XCTest
import TallyEngine

/// The pooling and flattening layers call the functions with their options.
final class PoolingLayerTests: XCTestCase {
    func testLayersForSequential() {
        let x = Tensor.normal([2, 3, 6, 6], seed: 1)
        let model = Sequential(Conv2d(3, 4, kernelSize: 3, padding: 1, seed: 2), MaxPool2d(2), AvgPool2d(3, stride: 1, padding: 1),
                               Flatten())
        XCTAssertEqual(model(x).shape, [2, 4 * 3 * 3])
        XCTAssertEqual(MaxPool2d(3, stride: 2, ceilMode: true)(x).data, maxPool2d(x, size: 3, stride: 2, ceilMode: true).data)
        XCTAssertEqual(Flatten(startDim: 0, endDim: 1)(x).shape, [6, 6, 6])
        XCTAssertEqual(model.parameters.count, 2)
    }
}
