import Foundation

/// Watches files and folders by polling: every `interval` it compares each file's modification
/// time, size and inode with the last look. Polling rather than inotify because it needs no
/// watch per subfolder (new folders are seen at once), sees editors' save-by-rename like any other
/// change, works the same on macOS, and a stat of a notes folder every 100 ms costs nothing.
///
/// Saves are debounced: a change is reported once the files have stayed the same for one more
/// interval, so an editor writing a file in several steps causes one rebuild, not several.
public final class FolderWatcher: @unchecked Sendable {
    struct Stamp: Equatable {
        var modified: timespec
        var size: Int
        var inode: UInt

        static func == (a: Stamp, b: Stamp) -> Bool {
            a.modified.tv_sec == b.modified.tv_sec && a.modified.tv_nsec == b.modified.tv_nsec
                && a.size == b.size && a.inode == b.inode
        }
    }

    public let paths: [URL]
    public let interval: TimeInterval
    private let running = Locked(false)

    public init(_ paths: [URL], interval: TimeInterval = 0.1) {
        self.paths = paths
        self.interval = interval
    }

    /// Calls `changed` on the watcher's thread with the paths that were added, removed or modified
    /// since the last call (or since `start`); a slow `changed` holds the next look back.
    public func start(_ changed: @escaping ([String]) -> Void) {
        running.withLock { $0 = true }
        // The first look is taken now, not when the thread first runs: a change made right after
        // `start` returns is then always a change.
        let initial = Self.snapshot(paths)
        let thread = Thread { [self] in
            var reported = initial
            var previous = reported
            while running.withLock({ $0 }) {
                Thread.sleep(forTimeInterval: interval)
                let now = Self.snapshot(paths)
                defer { previous = now }
                guard now == previous, now != reported else { continue }
                let keys = Set(now.keys).union(reported.keys)
                changed(keys.filter { now[$0] != reported[$0] }.sorted())
                reported = now
            }
        }
        thread.name = "tally-serve-watch"
        thread.start()
    }

    public func stop() {
        running.withLock { $0 = false }
    }

    /// Every file under `paths` (hidden files left out: editors' swap and lock files) with its stamp.
    static func snapshot(_ paths: [URL]) -> [String: Stamp] {
        var stamps: [String: Stamp] = [:]
        for root in paths {
            for file in files(under: root) {
                var info = stat()
                guard stat(file, &info) == 0 else { continue }
                stamps[file] = Stamp(modified: info.st_mtim, size: Int(info.st_size), inode: UInt(info.st_ino))
            }
        }
        return stamps
    }

    private static func files(under root: URL) -> [String] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: root.path, isDirectory: &isDirectory) else { return [] }
        guard isDirectory.boolValue else { return [root.path] }
        let walker = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil, options: [.skipsHiddenFiles])
        return (walker?.compactMap { ($0 as? URL)?.path }) ?? []
    }
}
