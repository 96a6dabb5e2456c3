/// Values this process has already read or written, by content key (a kept file's path or key), so that
/// a long-running `tally serve` decodes each cache entry once. Keys name contents, so a kept value is
/// never stale; past `limit` entries (a session of many edits) the memo starts afresh. Safe from any thread.
public final class ProcessMemo<Value>: @unchecked Sendable {
    private let values = Locked<[String: Value]>([:])
    private let limit: Int

    public init(limit: Int) { self.limit = limit }

    public func value(_ key: String) -> Value? { values.withLock { $0[key] } }

    public func keep(_ value: Value, _ key: String) {
        values.withLock {
            if $0.count >= limit { $0.removeAll() }
            $0[key] = value
        }
    }
}
