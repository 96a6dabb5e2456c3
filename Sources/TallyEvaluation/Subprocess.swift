import Foundation

/// Runs a program with its stdout and stderr going to files, under a time limit and an output cap.
public enum Subprocess {
    struct Outcome {
        enum Ending: Equatable {
            case exited(Int32)
            case signalled(Int32)
            /// Stopped at the time limit.
            case timedOut
            /// Stopped because it wrote more than the output cap.
            case outputExceeded
            /// Stopped because its resident memory grew past the memory limit.
            case memoryExceeded
        }
        var ending: Ending
        var succeeded: Bool { ending == .exited(0) }
    }

    struct Limits {
        var time: TimeInterval
        /// Bytes of stdout plus stderr.
        var output: Int
        /// Bytes of resident memory (nil: no limit). Watched rather than set with `setrlimit(RLIMIT_AS)`:
        /// an address-space limit also counts what is only reserved (OpenBLAS reserves a buffer per
        /// core), so it would fail honest programs on big machines; Linux does not enforce RLIMIT_RSS.
        var memory: Int? = nil
        /// Sent first when the time runs out (SIGABRT makes the Swift runtime print a backtrace
        /// that says where the program was); SIGKILL follows once stderr ends with `doneMarker`
        /// (the backtracer's last line; the program then goes on running), or after `grace`.
        var timeoutSignal: Int32 = SIGABRT
        var grace: TimeInterval = 3
        var doneMarker = "Backtrace took"
        /// The executable only wraps the program (`bwrap`): signals and the memory limit go to the
        /// innermost process instead.
        var wrapped = false
    }

    /// Foundation's `Process` closes every descriptor up to the soft open-files limit before each
    /// exec, one `close` at a time, and so does the Swift driver for each frontend it starts: with a
    /// limit of 20,000 that cost tens of milliseconds per process. Notebook programs and swiftc need
    /// few files, so the soft limit is lowered once, to the usual 1,024, for tally and its children.
    private static let fewerDescriptors: Void = {
        var limit = rlimit()
        guard getrlimit(__rlimit_resource_t(RLIMIT_NOFILE.rawValue), &limit) == 0, limit.rlim_cur > 1024 else { return }
        limit.rlim_cur = 1024
        _ = setrlimit(__rlimit_resource_t(RLIMIT_NOFILE.rawValue), &limit)
    }()

    static func run(_ executable: URL, _ arguments: [String], environment: [String: String]? = nil,
                    currentDirectory: URL? = nil, stdout: URL, stderr: URL, limits: Limits) throws -> Outcome {
        _ = fewerDescriptors
        _ = FileManager.default.createFile(atPath: stdout.path, contents: nil)
        _ = FileManager.default.createFile(atPath: stderr.path, contents: nil)
        let out = try FileHandle(forWritingTo: stdout)
        let err = try FileHandle(forWritingTo: stderr)
        defer { try? out.close(); try? err.close() }

        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        if let environment { process.environment = environment }
        if let currentDirectory { process.currentDirectoryURL = currentDirectory }
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = out
        process.standardError = err
        let exited = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in exited.signal() }
        try process.run()

        let deadline = Date().addingTimeInterval(limits.time)
        var stopped: Outcome.Ending?
        var killAt: Date?
        while exited.wait(timeout: .now() + 0.05) == .timedOut {
            if let killAt {
                if Date() >= killAt || tail(of: stderr).contains(limits.doneMarker) {
                    kill(target(process.processIdentifier, limits), SIGKILL)
                    kill(process.processIdentifier, SIGKILL)
                }
                continue
            }
            if Date() >= deadline {
                stopped = .timedOut
                kill(target(process.processIdentifier, limits), limits.timeoutSignal)
                killAt = Date().addingTimeInterval(limits.grace)
            } else if let memory = limits.memory, residentMemory(of: target(process.processIdentifier, limits)) > memory {
                // Stopped like a hang, so that the backtrace says which line was allocating.
                stopped = .memoryExceeded
                kill(target(process.processIdentifier, limits), limits.timeoutSignal)
                killAt = Date().addingTimeInterval(limits.grace)
            } else if size(of: stdout) + size(of: stderr) > limits.output {
                stopped = .outputExceeded
                kill(process.processIdentifier, SIGKILL)
                killAt = Date()
            }
        }
        if let stopped { return Outcome(ending: stopped) }
        switch process.terminationReason {
        case .exit: return Outcome(ending: .exited(process.terminationStatus))
        case .uncaughtSignal: return Outcome(ending: .signalled(process.terminationStatus))
        @unknown default: return Outcome(ending: .exited(process.terminationStatus))
        }
    }

    /// The process that does the work when `pid` only wraps it (`bwrap` waiting for its child): the
    /// first child's first child…, from /proc; `pid` itself when it has no children.
    private static func target(_ pid: Int32, _ limits: Limits) -> Int32 {
        guard limits.wrapped else { return pid }
        var current = pid
        for _ in 0..<4 {
            guard let children = try? String(contentsOfFile: "/proc/\(current)/task/\(current)/children", encoding: .utf8),
                  let child = children.split(separator: " ").first.flatMap({ Int32($0) }) else { break }
            current = child
        }
        return current
    }

    private static func size(of file: URL) -> Int {
        var info = stat()
        return stat(file.path, &info) == 0 ? Int(info.st_size) : 0
    }

    /// Resident bytes of a running process, from /proc (0 where there is no /proc: no limit is enforced).
    private static func residentMemory(of pid: Int32) -> Int {
        guard let statm = try? String(contentsOfFile: "/proc/\(pid)/statm", encoding: .utf8) else { return 0 }
        let pages = statm.split(separator: " ").dropFirst().first.flatMap { Int($0) } ?? 0
        return pages * Int(sysconf(Int32(_SC_PAGESIZE)))
    }

    private static func tail(of file: URL) -> String {
        guard let handle = try? FileHandle(forReadingFrom: file) else { return "" }
        defer { try? handle.close() }
        let end = (try? handle.seekToEnd()) ?? 0
        try? handle.seek(toOffset: end > 4096 ? end - 4096 : 0)
        return String(decoding: (try? handle.readToEnd()) ?? Data(), as: UTF8.self)
    }

    /// The first executable named `name` on PATH, or nil.
    public static func find(_ name: String) -> URL? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        return path.split(separator: ":")
            .map { URL(fileURLWithPath: String($0)).appendingPathComponent(name) }
            .first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }
}
