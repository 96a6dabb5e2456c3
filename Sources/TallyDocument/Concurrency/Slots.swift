import Foundation

/// Results filled in by worker threads, one slot each, read when all are done: what the loader, the
/// evaluator and the site builder collect their parallel work into.
public final class Slots<Element>: @unchecked Sendable {
    private var items: [Element?]
    private let lock = NSLock()

    public init(count: Int) { items = Array(repeating: nil, count: count) }

    public subscript(i: Int) -> Element? {
        get { lock.withLock { items[i] } }
        set { lock.withLock { items[i] = newValue } }
    }

    /// Every slot's element, in order; traps if one was never filled.
    public var all: [Element] { lock.withLock { items.map { $0! } } }
}

extension Array {
    /// `map` with the elements transformed on all cores at once (`DispatchQueue.concurrentPerform`), in
    /// order. `transform` must be safe to call from several threads.
    public func concurrentMap<T>(_ transform: (Element) -> T) -> [T] {
        let results = Slots<T>(count: count)
        withoutActuallyEscaping(transform) { transform in
            DispatchQueue.concurrentPerform(iterations: count) { results[$0] = transform(self[$0]) }
        }
        return results.all
    }
}
