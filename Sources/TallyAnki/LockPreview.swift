import Foundation

extension AnkiExporter {
    /// Whether an `.apkg` export records what it stamped in the Anki lock.
    public enum LockUse: Sendable {
        /// Stamp the notes from the lock, then save the lock once the package is written (`tally build`,
        /// `tally anki`): an export the user chose to make, which the lock remembers.
        case record
        /// Stamp the notes from the lock and the earlier packages of `session`, save nothing (`tally serve`, which
        /// writes a package on every save). Half-typed cards then never enter the lock, so they never come back as
        /// removed notes; the package is still the one `record` would write now (removed cards included).
        case preview(LockPreview)
    }

    /// What a session's previewed packages stamped (kept in memory, never written): a note whose content did not
    /// change since the session's last package keeps that package's `mod`, so that Anki, which may have imported it,
    /// is not told again of an edit it already has, and a note that changed gets a newer one.
    public final class LockPreview: @unchecked Sendable {
        private let guard_ = NSLock()
        private var stamped = ModLock()

        public init() {}

        /// `committed` with this session's stamps on top (they are newer: the lock on disk has not seen them).
        func stamping(over committed: ModLock) -> ModLock {
            guard_.withLock {
                var lock = committed
                lock.overlay(stamped)
                return lock
            }
        }

        /// Keeps the stamps of a package just written that differ from `committed` (where they agree, a lock that
        /// `tally build` rewrites meanwhile is the one to follow).
        func keep(_ lock: ModLock, committed: ModLock) {
            let own = lock.entries.filter { committed.entries[$0.key] != $0.value }
            guard_.withLock { stamped = ModLock(entries: own) }
        }
    }
}
