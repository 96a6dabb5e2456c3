import Foundation

/// A value shared between threads, read and changed only inside `withLock`: the one lock-guarded
/// box behind the loader's parsed notebooks, the site's kept pages and Node processes, and the dev
/// server's flags.
public final class Locked<Value>: @unchecked Sendable {
    private var value: Value
    private let lock = NSLock()

    public init(_ value: Value) { self.value = value }

    /// Runs `body` with the value, no other thread reading or changing it meanwhile.
    public func withLock<T>(_ body: (inout Value) throws -> T) rethrows -> T {
        try lock.withLock { try body(&value) }
    }
}
