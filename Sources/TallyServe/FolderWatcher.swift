import Foundation
import TallyDocument
#if canImport(Glibc)
import Glibc
#endif

/// Watches files and folders for saves. On Linux the kernel says when something under them changed
/// (inotify, one watch per folder, new folders watched as they appear), as Hugo and mdBook are told by
/// fsnotify and notify; what changed is then found by comparing each file's modification time, size
/// and inode with the last look, so editors' save-by-rename and several writes of one save count as
/// one change. Where inotify is not available (or runs out of watches), the folders are polled every
/// `interval` instead; with inotify they are still compared once a second, for what it cannot see (a
/// watched path that did not exist yet).
///
/// Saves are debounced: a change is reported once the files have stayed the same for `quiet` (10 ms
/// after an inotify event; one more `interval` when polling), so an editor writing a file in several
/// steps (its writes come within a millisecond or two) causes one rebuild, not several; one that pauses
/// longer between them causes a second rebuild, which ends with the file as saved.
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

    /// Quiet time after a kernel event before the files are compared.
    static let quiet: TimeInterval = 0.010

    /// Calls `changed` on the watcher's thread with the paths that were added, removed or modified
    /// since the last call (or since `start`); a slow `changed` holds the next look back.
    public func start(_ changed: @escaping ([String]) -> Void) {
        running.withLock { $0 = true }
        // The first look is taken now, not when the thread first runs: a change made right after
        // `start` returns is then always a change.
        let initial = Self.snapshot(paths)
        let events = KernelEvents(watching: paths)
        let thread = Thread { [self] in
            var reported = initial
            var previous = reported
            while running.withLock({ $0 }) {
                if let events {
                    // Woken by the kernel, or once a second to look anyway.
                    guard events.wait(1.0) else {
                        let now = Self.snapshot(paths)
                        if now != reported { report(now) }
                        continue
                    }
                    while events.wait(Self.quiet) {}  // until the save is over
                    report(Self.snapshot(paths))
                    continue
                }
                Thread.sleep(forTimeInterval: interval)
                let now = Self.snapshot(paths)
                defer { previous = now }
                guard now == previous, now != reported else { continue }
                report(now)
            }
            func report(_ now: [String: Stamp]) {
                let keys = Set(now.keys).union(reported.keys)
                let paths = keys.filter { now[$0] != reported[$0] }.sorted()
                reported = now
                if !paths.isEmpty { changed(paths) }
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

#if canImport(Glibc)
/// inotify over every folder under the watched paths (and the folder holding each watched file).
/// nil when the kernel refuses (no inotify, or too many watches): the watcher polls then.
private final class KernelEvents {
    private let descriptor: Int32
    private static let mask = UInt32(IN_CREATE | IN_DELETE | IN_MODIFY | IN_CLOSE_WRITE | IN_MOVED_FROM | IN_MOVED_TO
                                     | IN_ATTRIB | IN_DELETE_SELF | IN_MOVE_SELF)

    init?(watching paths: [URL]) {
        descriptor = inotify_init1(Int32(IN_NONBLOCK | IN_CLOEXEC))
        guard descriptor >= 0 else { return nil }
        if ProcessInfo.processInfo.environment["TALLY_WATCH_POLL"] != nil { close(descriptor); return nil }
        for path in paths {
            var isDirectory: ObjCBool = false
            let exists = FileManager.default.fileExists(atPath: path.path, isDirectory: &isDirectory)
            let folder = exists && isDirectory.boolValue ? path : path.deletingLastPathComponent()
            guard watchTree(folder) else { close(descriptor); return nil }
        }
    }

    deinit { close(descriptor) }

    /// Watches `folder` and every folder below it (hidden ones left out, as the snapshot leaves them).
    private func watchTree(_ folder: URL) -> Bool {
        guard FileManager.default.fileExists(atPath: folder.path) else { return true }
        guard watch(folder.path) else { return false }
        let walker = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.isDirectoryKey], options: [.skipsHiddenFiles])
        while let url = walker?.nextObject() as? URL {
            guard (try? url.resourceValues(forKeys: [.isDirectoryKey]))?.isDirectory == true else { continue }
            guard watch(url.path) else { return false }
        }
        return true
    }

    /// False only when the kernel runs out of watches (a folder gone or unreadable is skipped).
    private func watch(_ path: String) -> Bool {
        let wd = inotify_add_watch(descriptor, path, Self.mask)
        if wd >= 0 { folders[wd] = path }
        return wd >= 0 || errno == ENOENT || errno == EACCES
    }

    /// Waits up to `seconds` for events; true when some came (they are read, and new folders watched).
    func wait(_ seconds: TimeInterval) -> Bool {
        var request = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
        guard poll(&request, 1, Int32(seconds * 1000)) > 0 else { return false }
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        var any = false
        while true {
            let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            guard count > 0 else { break }
            any = true
            var offset = 0
            while offset < count {
                let (event, name) = buffer.withUnsafeBytes { raw -> (inotify_event, String?) in
                    let event = raw.loadUnaligned(fromByteOffset: offset, as: inotify_event.self)
                    let nameStart = offset + MemoryLayout<inotify_event>.size
                    let bytes = raw[nameStart..<(nameStart + Int(event.len))].prefix { $0 != 0 }
                    return (event, bytes.isEmpty ? nil : String(decoding: bytes, as: UTF8.self))
                }
                // A new folder (made or moved in) is watched at once, with what is already inside it.
                if event.mask & UInt32(IN_ISDIR) != 0, event.mask & UInt32(IN_CREATE | IN_MOVED_TO) != 0,
                   let name, !name.hasPrefix("."), let parent = folders[event.wd] {
                    _ = watchTree(URL(fileURLWithPath: parent).appendingPathComponent(name))
                }
                offset += MemoryLayout<inotify_event>.size + Int(event.len)
            }
        }
        return any
    }

    /// Folders by watch descriptor, to know where a new folder appeared.
    private var folders: [Int32: String] = [:]
}
#else
/// Without inotify the watcher polls.
private final class KernelEvents {
    init?(watching paths: [URL]) { nil }
    func wait(_ seconds: TimeInterval) -> Bool { false }
}
#endif
