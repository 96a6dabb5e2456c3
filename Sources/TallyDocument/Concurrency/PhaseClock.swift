import Foundation

/// Where a build's time goes: with `TALLY_PHASES` set in the environment, each `mark` prints
/// `phase SECONDS NAME` to standard error, seconds since the process's first mark (as `cargo --timings`
/// or Hugo's `--templateMetrics`, for profiling a build; `bench/site-build.sh` reads no phases). Without
/// it, `mark` does nothing. Safe from any thread.
public enum PhaseClock {
    private static let start = Date()
    private static let enabled = ProcessInfo.processInfo.environment["TALLY_PHASES"] != nil

    /// Prints the time since the first mark and `name` ("loaded", "typeset"…), when enabled.
    public static func mark(_ name: String) {
        guard enabled else { return }
        let line = "phase " + String(format: "%.3f", Date().timeIntervalSince(start)) + " " + name + "\n"
        FileHandle.standardError.write(Data(line.utf8))
    }
}
