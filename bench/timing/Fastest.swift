import Foundation

/// The fastest of `repeats` timings of `body`, in seconds, each averaged over `inner` calls: the
/// minimum is the least disturbed by other processes on a shared machine. Shared by the engine's
/// benchmarks (`bench/engine`, `bench/linalg`).
public func fastest(repeats: Int, inner: Int, _ body: () -> Void) -> Double {
    (0..<repeats).map { _ in
        let start = DispatchTime.now().uptimeNanoseconds
        for _ in 0..<inner { body() }
        return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9 / Double(inner)
    }.min()!
}
