import Foundation
import XCTest
import TallyEngine
import TallyTestSupport

/// Committed reference cases from the real libraries (PyTorch, scikit-learn, SciPy), written by
/// the scripts in `reference/` into `reference/cases/NAME.json` so that tests need none of those
/// libraries installed. One file's shape:
///
///     {"generator": "reference/torch_functional.py", "versions": {"torch": "2.15.0"},
///      "cases": [{"name": "gelu/tanh",
///                 "inputs":  {"x": {"shape": [4], "data": [-1.0, 0.0, 0.5, 2.0]}},
///                 "options": {"approximate": "tanh"},
///                 "outputs": {"y": {"shape": [4], "data": […]}},
///                 "gradients": {"x": {"shape": [4], "data": […]}}}]}
///
/// `inputs`, `outputs` and `gradients` hold arrays (a number is shape `[]`); `options` holds
/// numbers, strings, booleans or arrays of numbers, as the reference function was called.
/// NaN and ±∞ are written as the strings "NaN", "Infinity" and "-Infinity".
struct ReferenceFile: Decodable {
    let generator: String
    let versions: [String: String]
    let cases: [ReferenceCase]

    /// Loads `reference/cases/<name>` (e.g. "torch_functional.json").
    static func load(_ name: String) throws -> ReferenceFile {
        let url = packageRoot.appendingPathComponent("reference/cases").appendingPathComponent(name)
        let decoder = JSONDecoder()
        // JSON has no NaN or infinities: the scripts write them as these strings.
        decoder.nonConformingFloatDecodingStrategy = .convertFromString(
            positiveInfinity: "Infinity", negativeInfinity: "-Infinity", nan: "NaN")
        return try decoder.decode(ReferenceFile.self, from: Data(contentsOf: url))
    }

    /// The cases whose name starts with `prefix` (e.g. "gelu/").
    func cases(_ prefix: String) -> [ReferenceCase] { cases.filter { $0.name.hasPrefix(prefix) } }
}

/// An array as the reference scripts write it: row-major `data` of `shape`.
struct ReferenceArray: Decodable {
    let shape: [Int]
    let data: [Double]

    var tensor: Tensor { Tensor(shape: shape, data: data) }
    func tensor(requiresGrad: Bool) -> Tensor { Tensor(shape: shape, data: data, requiresGrad: requiresGrad) }
    var scalar: Double { data[0] }
}

/// An option value of a reference call.
enum ReferenceOption: Decodable {
    case number(Double), text(String), flag(Bool), numbers([Double])

    init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let flag = try? container.decode(Bool.self) { self = .flag(flag) }
        else if let number = try? container.decode(Double.self) { self = .number(number) }
        else if let text = try? container.decode(String.self) { self = .text(text) }
        else { self = .numbers(try container.decode([Double].self)) }
    }
}

struct ReferenceCase: Decodable {
    let name: String
    let inputs: [String: ReferenceArray]
    let options: [String: ReferenceOption]?
    let outputs: [String: ReferenceArray]
    let gradients: [String: ReferenceArray]?

    func input(_ key: String, requiresGrad: Bool = false) -> Tensor {
        guard let array = inputs[key] else { preconditionFailure("\(name): no input '\(key)'") }
        return array.tensor(requiresGrad: requiresGrad)
    }

    func number(_ key: String) -> Double? { if case .number(let n)? = options?[key] { return n }; return nil }
    func text(_ key: String) -> String? { if case .text(let t)? = options?[key] { return t }; return nil }
    func flag(_ key: String) -> Bool? { if case .flag(let f)? = options?[key] { return f }; return nil }
    func numbers(_ key: String) -> [Double]? { if case .numbers(let n)? = options?[key] { return n }; return nil }
}

/// Asserts that `actual` has the reference's shape and matches it elementwise within
/// `|a − e| ≤ atol + rtol·|e|` (numpy's `allclose` rule); NaN matches NaN, ±∞ matches itself.
func assertMatches(_ actual: Tensor?, _ expected: ReferenceArray?, rtol: Double = 1e-10, atol: Double = 1e-12,
                   _ what: @autoclosure () -> String, file: StaticString = #filePath, line: UInt = #line) {
    guard let actual, let expected else {
        XCTFail("\(what()): missing \(actual == nil ? "computed value" : "reference")", file: file, line: line)
        return
    }
    XCTAssertEqual(actual.shape, expected.shape, "\(what()): shape", file: file, line: line)
    guard actual.data.count == expected.data.count else { return }
    for (i, (a, e)) in zip(actual.data, expected.data).enumerated() {
        if e.isNaN { XCTAssertTrue(a.isNaN, "\(what())[\(i)]: \(a), reference NaN", file: file, line: line); continue }
        if e.isInfinite { XCTAssertEqual(a, e, "\(what())[\(i)]", file: file, line: line); continue }
        if !(Swift.abs(a - e) <= atol + rtol * Swift.abs(e)) {
            XCTFail("\(what())[\(i)]: \(a), reference \(e) (rtol \(rtol), atol \(atol))", file: file, line: line)
            return
        }
    }
}
