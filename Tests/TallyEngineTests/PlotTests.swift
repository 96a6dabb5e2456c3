import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import XCTest
import TallyEngine

/// The charts' SVG parsed as XML: well-formed, self-contained, one group per series, and
/// contour lines where the function says they are.
final class PlotTests: XCTestCase {
    /// Parses the SVG and checks what every chart must satisfy.
    private func parse(_ chart: SVGRenderable, file: StaticString = #filePath, line: UInt = #line) throws -> XMLElement {
        let svg = chart.svg
        let root = try XCTUnwrap(XMLDocument(xmlString: svg, options: []).rootElement(), file: file, line: line)
        XCTAssertEqual(root.name, "svg", file: file, line: line)
        XCTAssertEqual(attribute(root, "viewBox"), "0 0 640 400", file: file, line: line)
        XCTAssertEqual(try root.nodes(forXPath: "//*[local-name()='script' or local-name()='style' or local-name()='image']").count, 0,
                       file: file, line: line)
        XCTAssertFalse(svg.contains("href"), "no external references", file: file, line: line)
        XCTAssertTrue(svg.contains("currentColor"), file: file, line: line)
        // Data sits in the nested <svg> that clips it to the plot area.
        XCTAssertEqual(try root.nodes(forXPath: "//*[@class='series'][not(ancestor::*[local-name()='svg'][2])]").count, 0,
                       file: file, line: line)
        // Every number in path data has at most two decimals.
        for d in try root.nodes(forXPath: "//*[local-name()='path']/@d").compactMap(\.stringValue) {
            XCTAssertNil(d.range(of: #"\.\d{3}"#, options: .regularExpression), d, file: file, line: line)
        }
        return root
    }

    private func elements(_ root: XMLElement, _ xpath: String) throws -> [XMLElement] {
        try root.nodes(forXPath: xpath).compactMap { $0 as? XMLElement }
    }

    // attribute(forName:) does not find attributes of elements in the SVG default namespace
    // with swift-corelibs-foundation, so match by local name.
    private func attribute(_ element: XMLElement?, _ name: String) -> String? {
        element?.attributes?.first { $0.localName == name || $0.name == name }?.stringValue
    }

    private func seriesGroups(_ root: XMLElement) throws -> [XMLElement] {
        try elements(root, "//*[@class='series']")
    }

    /// The absolute (x, y) points of path data made of "M x,y" and "l dx,dy dx,dy …".
    private func points(_ d: String) -> [(x: Double, y: Double)] {
        var result: [(x: Double, y: Double)] = []
        var relative = false
        var token = ""
        for character in d + " " {
            if "Ml ".contains(character) {
                if !token.isEmpty {
                    let xy = token.split(separator: ",").map { Double($0)! }
                    let origin: (x: Double, y: Double) = relative ? result.last! : (0, 0)
                    result.append((origin.x + xy[0], origin.y + xy[1]))
                    token = ""
                }
                if character != " " { relative = character == "l" }
            } else {
                token.append(character)
            }
        }
        return result
    }

    func testLineChartHasOneGroupAndLegendEntryPerSeries() throws {
        let chart = lineChart(["train": [1, 0.5, 0.3, 0.2], "validation": [1.1, 0.7, 0.6, 0.65]],
                              title: "Loss <per epoch> & more", xLabel: "epoch", yLabel: "loss")
        let root = try parse(chart)
        let groups = try seriesGroups(root)
        XCTAssertEqual(groups.map { attribute($0, "data-name") }, ["train", "validation"])
        XCTAssertEqual(try elements(root, "//*[@class='legend']/*[local-name()='text']").map(\.stringValue),
                       ["train", "validation"])
        let d = try XCTUnwrap(attribute(elements(groups[0], "*[local-name()='path']").first, "d"))
        XCTAssertEqual(points(d).count, 4)
        XCTAssertTrue(chart.svg.contains("Loss &lt;per epoch&gt; &amp; more"))
    }

    func testLogAxisOverManyDecadesLabelsAtMostEightPowersOfTen() throws {
        let chart = LineChart([Series("loss", y: [1, 1e-100])], logScaleY: true)
        let labels = try elements(parse(chart), "//*[@class='axes']/*[local-name()='text']").compactMap(\.stringValue)
        let powers = labels.filter { $0.contains("e") }
        XCTAssertGreaterThan(powers.count, 2, "\(labels)")
        XCTAssertLessThanOrEqual(powers.count, 9, "\(labels)")
    }

    func testLogScaleBreaksTheLineAtNonPositiveValues() throws {
        let chart = LineChart([Series("loss", y: [10, 1, 0, 0.1, 0.01])], logScaleY: true)
        let root = try parse(chart)
        let d = try XCTUnwrap(attribute(elements(root, "//*[@class='series']/*[local-name()='path']").first, "d"))
        XCTAssertEqual(d.filter { $0 == "M" }.count, 2, "the zero splits the line in two")
        XCTAssertEqual(points(d).count, 4)
        // Decades are equally spaced: 10 → 1 and 0.1 → 0.01 span the same height.
        let p = points(d)
        XCTAssertEqual(p[1].y - p[0].y, p[3].y - p[2].y, accuracy: 0.02)
        // Ticks at powers of ten.
        XCTAssertTrue(try elements(root, "//*[@class='axes']/*[local-name()='text']").map(\.stringValue)
            .contains("0.01"))
    }

    func testFunctionPlotSamplesTheFunction() throws {
        let chart = plot({ 1 / (1 + exp(-$0)) }, from: -6, to: 6, name: "sigmoid", samples: 50)
        XCTAssertEqual(chart.series[0].x.first, -6)
        XCTAssertEqual(chart.series[0].x.last, 6)
        XCTAssertEqual(chart.series[0].y[0], 1 / (1 + exp(6.0)))
        let root = try parse(chart)
        let d = try XCTUnwrap(attribute(elements(root, "//*[@class='series']/*[local-name()='path']").first, "d"))
        XCTAssertEqual(points(d).count, 50)
        let two = plot(["sin": { sin($0) }, "cos": { cos($0) }], from: 0, to: 6)
        XCTAssertEqual(try seriesGroups(parse(two)).count, 2)
    }

    func testScatterDrawsOneCirclePerPoint() throws {
        let chart = ScatterChart([Series("class 0", points: [[0, 0], [1, 1], [2, 0]]),
                                  Series("class 1", x: [3, 4, 5, 6], y: [1, 2, 3, 4])])
        let groups = try seriesGroups(parse(chart))
        XCTAssertEqual(try groups.map { try elements($0, "*[local-name()='circle']").count }, [3, 4])
        // A single unnamed series has no legend.
        XCTAssertEqual(try elements(parse(scatter(x: [1, 2], y: [3, 4])), "//*[@class='legend']").count, 0)
    }

    func testContourOfACircleLiesAtTheRightRadius() throws {
        let plot = contour({ x, y in x * x + y * y }, x: -2...2, y: -2...2, levels: [1, 4])
        // In data coordinates, every point of the level-1 line is on the unit circle, and
        // it is one closed loop.
        let unit = try XCTUnwrap(plot.levelLines.first { $0.level == 1 })
        XCTAssertEqual(unit.polylines.count, 1)
        let loop = unit.polylines[0]
        XCTAssertEqual(loop.first, loop.last)
        XCTAssertGreaterThan(loop.count, 40)
        for point in loop {
            XCTAssertEqual((point[0] * point[0] + point[1] * point[1]).squareRoot(), 1, accuracy: 0.01)
        }
        // In the SVG, the level-4 line (radius 2, touching the box) is twice the size of the
        // level-1 line and both are centred in the plot area.
        let root = try parse(plot)
        func extent(_ level: String) throws -> (width: Double, height: Double, center: (Double, Double)) {
            let path = try XCTUnwrap(elements(root, "//*[@data-level='\(level)']").first)
            let p = points(try XCTUnwrap(attribute(path, "d")))
            let xs = p.map(\.x), ys = p.map(\.y)
            return (xs.max()! - xs.min()!, ys.max()! - ys.min()!,
                    ((xs.max()! + xs.min()!) / 2, (ys.max()! + ys.min()!) / 2))
        }
        let one = try extent("1.0"), four = try extent("4.0")
        XCTAssertEqual(four.width / one.width, 2, accuracy: 0.02)
        XCTAssertEqual(four.height / one.height, 2, accuracy: 0.02)
        XCTAssertEqual(one.center.0, four.center.0, accuracy: 0.5)
        XCTAssertEqual(one.center.1, four.center.1, accuracy: 0.5)
    }

    func testContourDrawsTrajectoriesWithALegend() throws {
        let rosenbrock = { (x: Double, y: Double) in (1 - x) * (1 - x) + 100 * (y - x * x) * (y - x * x) }
        let plot = contour(rosenbrock, x: -2...2, y: -1...3,
                           trajectories: ["SGD": [[-1.5, 2], [-1, 1], [0, 0.2], [1, 1]],
                                          "Adam": [[-1.5, 2], [0.5, 0.5], [1, 1]]])
        // Quantile levels: all distinct and within the function's range on the box.
        XCTAssertFalse(plot.levelLines.isEmpty)
        XCTAssertEqual(Set(plot.levelLines.map(\.level)).count, plot.levelLines.count)
        let root = try parse(plot)
        XCTAssertEqual(try seriesGroups(root).map { attribute($0, "data-name") }, ["SGD", "Adam"])
        XCTAssertEqual(try elements(root, "//*[@class='legend']/*[local-name()='text']").map(\.stringValue), ["SGD", "Adam"])
        XCTAssertEqual(try elements(root, "//*[@class='levels']/*[local-name()='path']").count, plot.levelLines.count)
    }
}
