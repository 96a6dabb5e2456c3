import Foundation
import TallyDocument
import TallyProtocol
import TallyResults

/// Compiles and runs a notebook's programs in a work folder of its own, and records what happened.
///
/// The main program holds every runnable cell and the inline expressions, in document order (see
/// `NotebookPlan.mainProgram`); it runs in the notebook's folder, under `bwrap` when it works here,
/// with `libTallyOpenLog.so` preloaded to record the files it reads. Each
/// `expect-error` cell gets a program of its own (the main cells before it, then it), so that its
/// error cannot break the rest: type-checked first, and only compiled and run when that passes
/// (then it must trap).
struct NotebookRunner {
    let compiler: Compiler
    let timeLimit: TimeInterval
    /// Bytes of resident memory a program may use (nil: no limit).
    var memoryLimit: Int?
    var work: URL
    /// The notebook's folder, the programs' working directory (nil: the work folder, for a notebook
    /// that is not a file).
    var notebookFolder: URL?
    /// Run programs under `bwrap` (see `Sandbox`) when it works here.
    var sandboxed = true
    var progress: (String) -> Void = { _ in }

    static let cellOutputCap = 1 << 20
    static let programOutputCap = 16 << 20

    func run(_ plan: NotebookPlan) -> RunRecord {
        var record = RunRecord(cellCount: plan.cells.count)
        for cell in plan.cells where cell.options.noRun { record.cells[cell.index].status = .notRun }
        do {
            try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
            if !plan.mainProgram.items.isEmpty {
                try runMain(plan, into: &record)
            } else {
                record.completed = true
            }
            for cell in plan.expectErrorCells {
                try runExpectingError(cell, plan, into: &record)
            }
        } catch {
            record.problems.append(Problem(anchor: .notebook, message: "could not run the notebook's program: \(error)", rule: .evaluationUnavailable))
            record.cacheable = false
        }
        return record
    }

    private func runMain(_ plan: NotebookPlan, into record: inout RunRecord) throws {
        let folder = work.appendingPathComponent("main")
        let program = try write(plan.mainProgram, plan, in: folder)
        progress("compile")
        let executable = folder.appendingPathComponent("program")
        let compiled = try compiler.compile(folder.appendingPathComponent("main.swift"), to: executable, in: folder, timeLimit: max(timeLimit, 120))
        record.compiledPrograms += 1
        guard compiled.succeeded else {
            record.problems += compileProblems(compiled.messages, program)
            for problem in record.problems {
                if let index = problem.anchor.cellIndex { record.cells[index].status = .failed }
            }
            return
        }
        progress("run")
        let run = try execute(executable, in: folder)
        record.inputs.merge(run.inputs) { $1 }
        for (index, output) in run.outputs {
            record.cells[index].status = .ran
            record.cells[index].stdout = output.stdout
            record.cells[index].stderr = CrashReport.withoutBacktrace(output.stderr)
        }
        for index in run.events.displays.keys {
            (record.cells[index].displays, record.cells[index].displayOffsets) = run.events.displays(ofCell: index)
        }
        record.checkValues = run.events.checks
        record.expressionValues = run.events.values
        record.formulaObservations = run.events.formulas
        record.completed = run.events.finished && run.outcome.succeeded
        // An event this tally cannot read is an error naming it: never a value silently missing.
        for unreadable in run.events.unreadable {
            record.problems.append(Problem(anchor: .notebook, message: "the program sent \(unreadable)", rule: .programEvent))
        }
        if let failure = failureProblem(run, program) {
            record.problems.append(failure)
            if let index = failure.anchor.cellIndex { record.cells[index].status = .failed }
            if case .cell(let index)? = run.events.lastMark { record.cells[index].status = .failed }
        }
        if [.timedOut, .outputExceeded, .memoryExceeded].contains(run.outcome.ending) { record.cacheable = false }
    }

    private func runExpectingError(_ cell: Cell, _ plan: NotebookPlan, into record: inout RunRecord) throws {
        let folder = work.appendingPathComponent("expect-error-\(cell.index)")
        let program = try write(plan.expectErrorProgram(cell), plan, in: folder)
        let source = folder.appendingPathComponent("main.swift")
        progress("compile")
        let checked = try compiler.compile(source, to: nil, in: folder, timeLimit: max(timeLimit, 120))
        record.compiledPrograms += 1
        if !checked.succeeded {
            let problems = compileProblems(checked.messages, program)
            let own = problems.filter { $0.anchor.cellIndex == cell.index }
            if own.isEmpty {
                record.cells[cell.index].status = .notReached
            } else {
                record.cells[cell.index].status = .failedAsExpected
                record.problems += own.map { Problem(anchor: $0.anchor, message: $0.message, rule: $0.rule, expected: true) }
            }
            return
        }
        let executable = folder.appendingPathComponent("program")
        let compiled = try compiler.compile(source, to: executable, in: folder, timeLimit: max(timeLimit, 120))
        record.compiledPrograms += 1
        guard compiled.succeeded else {
            record.problems += compileProblems(compiled.messages, program)
            return
        }
        progress("run")
        let run = try execute(executable, in: folder)
        record.inputs.merge(run.inputs) { $1 }
        let output = run.outputs[cell.index]
        record.cells[cell.index].stdout = output?.stdout ?? ""
        record.cells[cell.index].stderr = CrashReport.withoutBacktrace(output?.stderr ?? "")
        (record.cells[cell.index].displays, record.cells[cell.index].displayOffsets) = run.events.displays(ofCell: cell.index)
        if run.outcome.succeeded {
            record.cells[cell.index].status = .failed
            record.problems.append(Problem(anchor: .cell(index: cell.index, line: 0, column: 1),
                                           message: "cell \(cell.index + 1) is marked expect-error, but it compiled and ran without error",
                                           rule: .expectError))
        } else if run.events.lastMark == .cell(cell.index), let failure = failureProblem(run, program) {
            record.cells[cell.index].status = .failedAsExpected
            record.problems.append(Problem(anchor: failure.anchor, message: failure.message, rule: failure.rule, expected: true))
            if [.timedOut, .memoryExceeded].contains(run.outcome.ending) { record.cacheable = false }
        } else {
            record.cells[cell.index].status = .notReached
        }
    }

    private func write(_ included: ProgramSource.Included, _ plan: NotebookPlan, in folder: URL) throws -> ProgramSource {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let main = folder.appendingPathComponent("main.swift")
        let program = ProgramSource(notebookPath: plan.notebook.path, mainPath: main.path, including: included)
        try program.text.write(to: main, atomically: false, encoding: .utf8)
        return program
    }

    private struct Run {
        var outcome: Subprocess.Outcome
        var events: ProgramEvents
        var outputs: [Int: (stdout: String, stderr: String)]
        var stderr: String
        /// The files it read in the notebook's folder (see `ProgramInputs`).
        var inputs: [String: String]
    }

    private func execute(_ executable: URL, in folder: URL) throws -> Run {
        let events = folder.appendingPathComponent("events.jsonl")
        let stdout = folder.appendingPathComponent("stdout")
        let stderr = folder.appendingPathComponent("stderr")
        let opened = folder.appendingPathComponent("opened.log")
        _ = FileManager.default.createFile(atPath: events.path, contents: nil)
        var environment = ProcessInfo.processInfo.environment
        environment["TALLY_EVENTS"] = events.path
        environment["SWIFT_BACKTRACE"] = "enable=yes,color=no,interactive=no"
        if let openLog = compiler.engine.openLog {
            environment["TALLY_OPEN_LOG"] = opened.path
            environment["LD_PRELOAD"] = ([openLog.path] + (environment["LD_PRELOAD"].map { [$0] } ?? [])).joined(separator: " ")
        }
        let directory = notebookFolder ?? folder
        var command = (executable, [String]())
        if sandboxed, let bwrap = Sandbox.executable {
            command = (bwrap, Sandbox.arguments(executable, writable: [work, directory], readable: [compiler.engine.folder, ProjectCache.project(containing: directory)],
                                                workingDirectory: directory))
        }
        let outcome = try Subprocess.run(command.0, command.1, environment: environment, currentDirectory: directory,
                                         stdout: stdout, stderr: stderr,
                                         limits: .init(time: timeLimit, output: Self.programOutputCap, memory: memoryLimit,
                                                       wrapped: command.0 != executable))
        let inputs = notebookFolder.map { ProgramInputs.read(log: opened, notebookFolder: $0, work: work) } ?? [:]
        let parsed = ProgramEvents((try? Data(contentsOf: events)) ?? Data())
        let out = (try? Data(contentsOf: stdout)) ?? Data()
        let err = (try? Data(contentsOf: stderr)) ?? Data()
        return Run(outcome: outcome, events: parsed, outputs: parsed.cellOutputs(stdout: out, stderr: err, cap: Self.cellOutputCap),
                   stderr: String(decoding: err, as: UTF8.self), inputs: inputs)
    }

    /// Why the program stopped early, at the innermost notebook frame of its backtrace, else at the
    /// start of the cell (or expression) it was in: the last mark it sent.
    private func failureProblem(_ run: Run, _ program: ProgramSource) -> Problem? {
        if run.outcome.succeeded && run.events.finished { return nil }
        let crash = CrashReport(stderr: run.stderr, file: program.notebookPath)
        let what: String
        var anchor: Anchor
        switch run.events.lastMark {
        case .cell(let index)?: what = "cell \(index + 1)"; anchor = .cell(index: index, line: 0, column: 1)
        case .snippet(let index)?: what = "inline expression \(index + 1)"; anchor = .expression(index: index, offset: 0)
        case .end?, nil: what = "the program"; anchor = .notebook
        }
        if let place = crash.place { anchor = program.anchor(file: program.notebookPath, line: place.line, column: place.column) }
        let message: String
        var rule = RuleID.cellTrap
        switch run.outcome.ending {
        case .timedOut:
            rule = .timeLimit
            message = "\(what) did not finish within \(Self.seconds(timeLimit)) (stopped at the time limit; see --timeout)"
        case .outputExceeded:
            rule = .outputLimit
            message = "\(what) wrote more than \(Self.programOutputCap >> 20) MiB of output (stopped)"
        case .memoryExceeded:
            rule = .memoryLimit
            message = "\(what) used more than \((memoryLimit ?? 0) >> 20) MiB of memory (stopped at the memory limit; see --memory-limit)"
        case .exited(let status) where crash.message == nil && run.events.failure == nil:
            message = "\(what) exited with status \(status)"
        case .signalled(let signal) where crash.message == nil && run.events.failure == nil:
            message = "\(what) was killed by signal \(signal)"
        default:
            // The engine's own reason (`engineRequire`) survives release builds, where the runtime's
            // message for a failed `precondition` is dropped.
            message = run.events.failure ?? crash.message ?? "\(what) stopped before its end"
        }
        return Problem(anchor: anchor, message: message, rule: rule)
    }

    private static func seconds(_ t: TimeInterval) -> String {
        t == t.rounded() ? "\(Int(t)) s" : "\(t) s"
    }

    /// The compiler's errors, placed in the notebook (warnings are left out: notebooks are demonstrations).
    private func compileProblems(_ messages: String, _ program: ProgramSource) -> [Problem] {
        let errors = CompilerMessage.parse(messages).filter { $0.severity == "error" }
        var problems = errors.map { message -> Problem in
            let anchor = program.anchor(file: message.file, line: message.line, column: message.column)
            let inNotebook = message.file == program.notebookPath || message.file == program.mainPath
            return Problem(anchor: anchor, message: inNotebook ? message.text : "\(message.text) (at \(message.file):\(message.line))",
                           rule: .compileError)
        }
        problems = problems.enumerated().filter { i, p in !problems[..<i].contains(p) }.map(\.element)  // each job repeats them
        if problems.isEmpty {
            let unplaced = CompilerMessage.unplacedErrors(messages)
            let text = unplaced.isEmpty ? String(messages.suffix(2000)) : unplaced.joined(separator: "; ")
            problems.append(Problem(anchor: .notebook, message: "swiftc failed: \(text)", rule: .compileError))
        }
        return problems
    }
}

