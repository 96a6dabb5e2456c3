import CCmarkGFM
import Foundation

/// A per-thread bump allocator for libcmark-gfm (its `cmark_mem` interface), so that parsing a segment
/// costs a few pointer moves per node instead of a `calloc` and a `free` each: with the system allocator,
/// cmark's allocations were half of all a load made. cmark-gfm ships an arena of its own
/// (`cmark_get_arena_mem_allocator`), but that one is process-wide, and notebooks are parsed on several
/// threads; this one is the same idea kept per thread (cmark's `cmark_mem` callbacks carry no context).
///
/// `free` does nothing; memory comes back all at once when `withDocument` is done with a tree
/// (`reset(to:)`), and the slabs are kept for the thread's next segment.
final class CmarkArena {
    /// Slabs are this large; a request over a quarter of it gets a slab of its own, freed on reset.
    static let slabSize = 256 << 10
    /// Each block starts with its size (for `realloc`), 16 bytes to keep blocks 16-byte aligned as malloc's are.
    private static let header = 16

    // An arena is used by its own thread only, by one parse at a time: its fields go without the run-time
    // exclusivity checks of a class's fields (`swift_beginAccess` on every allocation).
    @exclusivity(unchecked) private var slabs: [UnsafeMutableRawPointer] = []
    @exclusivity(unchecked) private var large: [UnsafeMutableRawPointer] = []
    /// The slab being filled (an index into `slabs`) and the offset of its first free byte.
    @exclusivity(unchecked) private var slab = -1
    @exclusivity(unchecked) private var used = 0
    /// The last block handed out, which `realloc` may grow in place.
    @exclusivity(unchecked) private var last: UnsafeMutableRawPointer?

    /// Where the arena stands: `reset(to:)` gives back everything allocated after it.
    struct Mark {
        fileprivate var slab: Int
        fileprivate var used: Int
        fileprivate var large: Int
    }

    var mark: Mark { Mark(slab: slab, used: used, large: large.count) }

    func reset(to mark: Mark) {
        for block in large[mark.large...] { Foundation.free(block) }
        large.removeSubrange(mark.large...)
        slab = mark.slab
        used = mark.used
        last = nil
    }

    deinit {
        for block in slabs + large { Foundation.free(block) }
    }

    fileprivate func allocate(_ size: Int) -> UnsafeMutableRawPointer? {
        let total = (Self.header + size + 15) & ~15
        if total > Self.slabSize / 4 {
            guard let block = malloc(total) else { return nil }
            large.append(block)
            return finish(block, size: size)
        }
        if slab < 0 || used + total > Self.slabSize {
            slab += 1
            if slab == slabs.count {
                guard let fresh = malloc(Self.slabSize) else { slab -= 1; return nil }
                slabs.append(fresh)
            }
            used = 0
        }
        let block = slabs[slab] + used
        used += total
        return finish(block, size: size)
    }

    private func finish(_ block: UnsafeMutableRawPointer, size: Int) -> UnsafeMutableRawPointer {
        block.storeBytes(of: size, as: Int.self)
        let user = block + Self.header
        last = user
        return user
    }

    fileprivate func reallocate(_ pointer: UnsafeMutableRawPointer?, _ size: Int) -> UnsafeMutableRawPointer? {
        guard let pointer else { return allocate(size) }
        let old = (pointer - Self.header).load(as: Int.self)
        // The newest block of the current slab grows where it is, when the slab has room.
        if pointer == last, slab >= 0, pointer >= slabs[slab], pointer < slabs[slab] + Self.slabSize {
            let start = pointer - Self.header - slabs[slab]
            let total = (Self.header + size + 15) & ~15
            if start + total <= Self.slabSize {
                used = start + total
                (pointer - Self.header).storeBytes(of: size, as: Int.self)
                return pointer
            }
        }
        guard let fresh = allocate(size) else { return nil }
        fresh.copyMemory(from: pointer, byteCount: min(old, size))
        return fresh
    }

    // MARK: The calling thread's arena

    /// The thread-local key of each thread's arena: read on every allocation, so a plain global (a constant
    /// start value, no lazy initialisation to check; set once, by `keyMade`, before any parse).
    @exclusivity(unchecked) nonisolated(unsafe) private static var key: pthread_key_t = 0
    private static let keyMade: Bool = {
        pthread_key_create(&key) { stored in
            if let stored { Unmanaged<CmarkArena>.fromOpaque(stored).release() }
        }
        return true
    }()

    /// Runs `body` with the calling thread's arena, borrowed (no retain and release per call: cmark calls
    /// this for every allocation).
    private static func withCurrent<T>(_ body: (CmarkArena) -> T) -> T {
        guard let stored = pthread_getspecific(key) else { return body(current) }
        return Unmanaged<CmarkArena>.fromOpaque(stored)._withUnsafeGuaranteedRef(body)
    }

    /// The arena of the calling thread, made on first use and released when the thread ends.
    static var current: CmarkArena {
        _ = keyMade
        if let stored = pthread_getspecific(key) { return Unmanaged<CmarkArena>.fromOpaque(stored).takeUnretainedValue() }
        let arena = CmarkArena()
        pthread_setspecific(key, Unmanaged.passRetained(arena).toOpaque())
        return arena
    }

    /// cmark's view of the calling thread's arena: one `cmark_mem` for all threads, whose callbacks find it.
    static let memory: UnsafeMutablePointer<cmark_mem> = {
        let memory = UnsafeMutablePointer<cmark_mem>.allocate(capacity: 1)
        memory.initialize(to: cmark_mem(
            calloc: { count, size in
                let bytes = count * size
                guard let block = CmarkArena.withCurrent({ $0.allocate(bytes) }) else { return nil }
                block.initializeMemory(as: UInt8.self, repeating: 0, count: bytes)
                return block
            },
            realloc: { pointer, size in CmarkArena.withCurrent { $0.reallocate(pointer, size) } },
            free: { _ in }))
        return memory
    }()
}
