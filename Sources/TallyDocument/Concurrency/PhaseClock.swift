import Foundation

/// Where a build's time goes: with `TALLY_PHASES` set in the environment, each `mark` prints
/// `phase SECONDS CPU NAME` to standard error: wall seconds since the process's first mark, and the CPU
/// seconds (user and system) this process used so far, so a phase's parallelism shows (as `cargo --timings`
/// or Hugo's `--templateMetrics`, for profiling a build; `bench/site-build.sh` reads no phases). Without
/// it, `mark` does nothing. Safe from any thread.
public enum PhaseClock {
    private static let start = Date()
    private static let enabled = ProcessInfo.processInfo.environment["TALLY_PHASES"] != nil

    /// Prints the time since the first mark and `name` ("loaded", "typeset"…), when enabled.
    public static func mark(_ name: String) {
        guard enabled else { return }
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        let cpu = Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6
        let line = "phase " + String(format: "%.3f %.3f", Date().timeIntervalSince(start), cpu) + " " + name + "\n"
        FileHandle.standardError.write(Data(line.utf8))
    }
}
