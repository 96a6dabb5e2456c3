import CAtomicRename
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Writes a folder so that readers see either the old one or the new one, never a half-written one:
/// build into a temporary sibling, then swap it in. A lock file keeps two builds from swapping at once.
///
/// With a spare (`replace(keepingSpare: true, …)`), the folder swapped out is not deleted but kept beside
/// the target (`.NAME.spare`) and given to the next build to write into, as double-buffered displays reuse
/// the buffer shown before last: a rebuild then changes only the files that differ from two builds ago
/// instead of linking every file into an empty folder and deleting the old one (hundreds of each for a
/// site of a hundred notebooks).
public struct AtomicFolder {
    public let target: URL

    public init(_ target: URL) {
        self.target = target.standardizedFileURL
    }

    /// Runs `write` on a fresh temporary folder beside `target`; when it returns without throwing,
    /// the temporary folder replaces `target`. On error the previous `target` is untouched. `then`
    /// runs once the new folder is in place, on the calling thread, while the previous one is deleted
    /// on another (a site of a hundred notebooks is some 350 files); both are done when this returns.
    public func replace(_ write: (URL) throws -> Void, then: () -> Void = {}) throws {
        try replace(keepingSpare: false, { folder, _ in try write(folder) }, then: then)
    }

    /// As `replace(_:then:)`; with `keepingSpare`, `write` gets the spare folder when there is one (`reused`
    /// true) and must leave in it exactly the new contents (`SiteFolder` replaces what differs and removes
    /// the rest), and the folder replaced becomes the spare. Without it, a spare left by earlier builds is deleted.
    public func replace(keepingSpare: Bool, _ write: (URL, _ reused: Bool) throws -> Void, then: () -> Void = {}) throws {
        let fm = FileManager.default
        let parent = target.deletingLastPathComponent()
        try fm.createDirectory(at: parent, withIntermediateDirectories: true)
        let lock = try FileLock(parent.appendingPathComponent(".\(target.lastPathComponent).lock"))
        defer { lock.unlock() }
        // Holding the lock, no other build is writing: folders of ours still here are from builds that were killed.
        for name in (try? fm.contentsOfDirectory(atPath: parent.path)) ?? []
        where name.hasPrefix(".\(target.lastPathComponent).tmp-") || name.hasPrefix(".\(target.lastPathComponent).old-") {
            try? fm.removeItem(at: parent.appendingPathComponent(name))
        }
        let staging = parent.appendingPathComponent(".\(target.lastPathComponent).tmp-\(getpid())-\(UInt32.random(in: 0...UInt32.max))")
        let spare = parent.appendingPathComponent(".\(target.lastPathComponent).spare")
        var reused = false
        if keepingSpare {
            reused = rename(spare.path, staging.path) == 0
        } else if fm.fileExists(atPath: spare.path) {
            try? fm.removeItem(at: spare)
        }
        if !reused { try fm.createDirectory(at: staging, withIntermediateDirectories: true) }
        do {
            try write(staging, reused)
        } catch {
            try? fm.removeItem(at: staging)
            throw error
        }
        guard fm.fileExists(atPath: target.path) else {
            try fm.moveItem(at: staging, to: target)
            then()
            return
        }
        // One atomic exchange where the kernel offers it; otherwise two renames, undone if the second fails.
        if tally_exchange_paths(staging.path, target.path) == 0 {
            retire(staging, keepingSpare ? spare : nil, while: then)
            return
        }
        let old = parent.appendingPathComponent(".\(target.lastPathComponent).old-\(getpid())")
        try? fm.removeItem(at: old)
        try fm.moveItem(at: target, to: old)
        do {
            try fm.moveItem(at: staging, to: target)
        } catch {
            try? fm.moveItem(at: old, to: target)
            throw error
        }
        retire(old, keepingSpare ? spare : nil, while: then)
    }

    /// The folder just replaced becomes the spare (`spare` not nil), or is deleted, while `work` runs.
    private func retire(_ folder: URL, _ spare: URL?, while work: () -> Void) {
        if let spare, rename(folder.path, spare.path) == 0 {
            work()
        } else {
            Self.remove(folder, while: work)
        }
    }

    /// Deletes `folder` on a thread of its own while `work` runs on this one; returns when both are done.
    private static func remove(_ folder: URL, while work: () -> Void) {
        let removed = DispatchSemaphore(value: 0)
        Thread {
            try? FileManager.default.removeItem(at: folder)
            removed.signal()
        }.start()
        work()
        removed.wait()
    }
}

/// An exclusive `flock` on a file, released on `unlock` or when the process ends.
struct FileLock {
    private let fd: Int32

    init(_ url: URL) throws {
        fd = open(url.path, O_CREAT | O_RDWR, 0o644)
        guard fd >= 0 else { throw CocoaError(.fileWriteNoPermission, userInfo: [NSFilePathErrorKey: url.path]) }
        flock(fd, LOCK_EX)
    }

    func unlock() {
        flock(fd, LOCK_UN)
        close(fd)
    }
}
