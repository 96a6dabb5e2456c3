import Foundation
import TallyFormula
@testable import TallyEvaluation
import TallyTestSupport
import XCTest

/// The only test here that needs the compiler: generated snippets, compiled with the real `swiftc`
/// against the built engine and run, report values that `FormulaVerdict` judges as the issue says.
final class EndToEndTests: XCTestCase {
    /// A notebook's cells, as the evaluator would place them before the formulas.
    private let cells = """
        let theta = 2.0
        let grad = 0.8
        let lr = 0.25
        let thetaNext = theta - lr * grad
        let W = Tensor([[1.0, 2.0], [3.0, 4.0], [0.5, -1.0]])
        let input = Tensor([0.5, -0.25])
        let b = Tensor([0.1, 0.2, 0.3])
        let z = matmul(W, input) + b
        let d = Tensor([1.0, -2.0, 0.5])
        let mse = (d * d).mean().item
        let v = [3.0, 4.0]
        let n = 3
        """
    private let identifiers: Set<String> = ["theta", "grad", "lr", "thetaNext", "W", "input", "b", "z", "d", "mse", "v", "n"]

    private struct Case {
        var tex: String
        var block: String
        var candidates = false
    }

    private let cases: [Case] = [
        Case(tex: #"\sigma'(x) = \sigma(x)\,\bigl(1 - \sigma(x)\bigr)"#,
             block: #"{check for x in -6...6 where \sigma = sigmoid, \sigma' = Activation.sigmoid.derivative}"#),
        Case(tex: #"\theta_{t+1} = \theta_t - \eta\, g_t"#,
             block: #"{check where \theta_{t+1} = thetaNext, \theta_t = theta, \eta = lr, g_t = grad}"#),
        Case(tex: #"\sum_{i=1}^{n} i = \frac{n\,(n+1)}{2}"#, block: "{check for n in 1...50}"),
        Case(tex: #"\sigma'(x) = \sigma(x)(1 + \sigma(x))"#,
             block: #"{check for x in -6...6 where \sigma = sigmoid, \sigma' = Activation.sigmoid.derivative}"#),
        Case(tex: #"\theta_{t+1} = \theta_t + \eta\, g_t"#,
             block: #"{check where \theta_{t+1} = thetaNext, \theta_t = theta, \eta = lr, g_t = grad}"#, candidates: true),
        // Matrix product by the types: W x is matmul, the sum over a bound vector is 1-based.
        Case(tex: #"z = W x + b"#, block: "{check where x = input}"),
        Case(tex: #"\sum_i z_i = \sum_{j=1}^{3} (W x)_j + 0.6"#, block: "{check where x = input}"),
        // More helpers, each side's types mixed: tensors, arrays, Int, Double, 1×1 results.
        Case(tex: #"\mathrm{MSE} = \frac1n \sum_i d_i^2 = \frac{1}{3} \lVert d \rVert^2 = \tfrac13 d^\top d"#,
             block: #"{check where \mathrm{MSE} = mse}"#),
        Case(tex: #"\lVert v \rVert = 5 = \sqrt{v^\top v} = \sqrt[3]{125} = \log_2(32) = \max(v) + 1"#, block: "{check}"),
        Case(tex: #"\tanh^2(x) + \frac{1}{\cosh^2 x} = 1"#, block: "{check for x in -3...3 tolerance 1e-12}"),
        Case(tex: #"\max(0, x) - \max(0, -x) = x = \ln e^{x} = |x| \cdot \frac{x}{|x|}"#, block: "{check for x in 0.5...4}"),
        Case(tex: #"\prod_{k=1}^{m} k = \frac{\prod_{k=1}^{m+1} k}{m + 1}"#, block: "{check for m in 1...10}"),
        Case(tex: #"\sigma(W x + b) = \frac{1}{1 + \exp(-z)}"#, block: #"{check where \sigma = sigmoid, x = input}"#),
    ]

    func testGeneratedSnippetsCompileRunAndAreJudged() throws {
        // (W x)_j is not a name: that case must be an error naming it, found before compiling.
        XCTAssertThrowsError(try CheckedFormula(cases[6].tex))
        let usable = Array(cases.prefix(6) + cases.dropFirst(7))
        let snippets = try usable.enumerated().map { id, c in
            try FormulaSnippet(id: id, formula: CheckedFormula(c.tex), check: FormulaCheckBlock(parsing: c.block),
                               identifiers: identifiers, includingCandidates: c.candidates)
        }
        let program = (["import Foundation", "import TallyEngine", "NotebookRuntime.start()", cells]
                       + snippets.map(\.source) + ["NotebookRuntime.finish()"]).joined(separator: "\n") + "\n"
        let observations = try run(program)

        let verdicts = snippets.map { FormulaVerdict.judge($0, observations: observations) }
        for k in [0, 1, 2] + Array(5..<usable.count) {
            XCTAssertTrue(verdicts[k].holds, "\(usable[k].tex): \(verdicts[k].message ?? "")")
            XCTAssertEqual(verdicts[k].pointsTried, snippets[k].points.count)
        }
        XCTAssertEqual(Array(snippets[2].points.prefix(2)), [[1], [50]], "n in 1...50: both ends first")
        XCTAssertTrue(snippets[2].points.allSatisfy { $0[0] == $0[0].rounded() && (1...50).contains($0[0]) })

        // σ(1 + σ) instead of σ(1 − σ): fails at the first point, x = -6, with values computed here.
        let s = 1 / (1 + Foundation.exp(6.0))
        XCTAssertEqual(String(format: "%.3g/%.3g", s * (1 - s), s * (1 + s)), "0.00247/0.00248")
        XCTAssertFalse(verdicts[3].holds)
        XCTAssertEqual(verdicts[3].message, "formula does not hold: at x = -6: left 0.00247, right 0.00248")

        // The sign-flipped update: θ = 2, g = 0.8, η = 0.25 give 1.8 on the left and 2.2 on the right.
        XCTAssertFalse(verdicts[4].holds)
        XCTAssertEqual(verdicts[4].message, "formula does not hold: left θ_{t+1} = 1.8, right θ_t + η g_t = 2.2 "
                       + "(θ_t = 2, η = 0.25, g_t = 0.8); it holds with - instead of +: θ_{t+1} = θ_t - η g_t")
        XCTAssertEqual(verdicts[4].suggestion, "it holds with - instead of +: θ_{t+1} = θ_t - η g_t")
        XCTAssertEqual(verdicts[1].detail, "θ_{t+1} = 1.8; θ_t = 2, η = 0.25, g_t = 0.8")

        // A binding naming nothing the notebook declares: the compiler's error is at the formula's line.
        let misnamed = try FormulaSnippet(id: 0, formula: CheckedFormula("y = 2 x"), check: FormulaCheckBlock(parsing: "{check where y = yy}"),
                                          identifiers: [], sourceLocation: (file: "notes/bad.md", line: 12))
        let messages = try typecheck(["import TallyEngine", "let x = 1.0", misnamed.source, "print(x)"].joined(separator: "\n"))
        XCTAssertTrue(messages.contains("notes/bad.md:12:"), messages)
        XCTAssertTrue(messages.contains("cannot find 'yy' in scope"), messages)
    }

    /// The compiler's messages for `program`, type-checked only.
    private func typecheck(_ program: String) throws -> String {
        try inScratchFolder(program) { compiler, source, folder in
            let result = try compiler.compile(source, to: nil, in: folder, timeLimit: 300)
            XCTAssertFalse(result.succeeded)
            return result.messages
        }
    }

    /// Compiles and runs `program`, returning the formula events it sent.
    private func run(_ program: String) throws -> [FormulaObservation] {
        try inScratchFolder(program) { compiler, source, folder in
            let executable = folder.appendingPathComponent("main")
            let compiled = try compiler.compile(source, to: executable, in: folder, timeLimit: 300)
            XCTAssertTrue(compiled.succeeded, compiled.messages + "\n" + program)
            XCTAssertFalse(compiled.messages.contains("warning:"), "generated code compiles cleanly:\n" + compiled.messages)
            guard compiled.succeeded else { return [] }
            let events = folder.appendingPathComponent("events")
            var environment = ProcessInfo.processInfo.environment
            environment["TALLY_EVENTS"] = events.path
            let outcome = try Subprocess.run(executable, [], environment: environment, stdout: folder.appendingPathComponent("out"),
                                             stderr: folder.appendingPathComponent("err"), limits: .init(time: 60, output: 1 << 20))
            XCTAssertTrue(outcome.succeeded, (try? String(contentsOf: folder.appendingPathComponent("err"), encoding: .utf8)) ?? "")
            let read = ProgramEvents(try Data(contentsOf: events))
            XCTAssertEqual(read.unreadable, [])
            return read.formulas
        }
    }

    /// `program` written to main.swift in a fresh folder, with the compiler the evaluator uses.
    private func inScratchFolder<T>(_ program: String, _ body: (Compiler, URL, URL) throws -> T) throws -> T {
        let engine = try XCTUnwrap(testEngine, "build the engine first: swift build")
        let swiftc = try XCTUnwrap(Subprocess.find("swiftc"), "swiftc is not on PATH")
        let scratch = try TemporaryProject(prefix: "tally-formula")
        defer { scratch.remove() }
        let folder = scratch.root
        let source = try scratch.write("main.swift", program)
        return try body(Compiler(swiftc: swiftc, engine: engine, optimize: false), source, folder)
    }
}
