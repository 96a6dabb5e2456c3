import Foundation
import TallyDocument
import TallyHashing

/// KaTeX's answers kept between builds, looked up in Swift (`TypesetMath`): a build whose formulas are all
/// known starts no Node at all, and only the others are sent to KaTeX.
///
/// An answer is kept under its formula's `Key`: the macros in effect (the page's front-matter `macros:`,
/// then every definition made before it on the page, the project's `macros.tex` first), whether it is
/// display math, and its TeX. A formula that defines macros is kept too, marked, so that the keys after it
/// can be computed without KaTeX (Node still typesets it again when a later formula of its page is new:
/// its definitions are in effect there).
///
/// The file belongs to one KaTeX and one typesetting script: a new KaTeX (its file's size and time) or a
/// new script starts it afresh. It holds the answers the project's notebooks use (each notebook's list
/// of keys, replaced when it is typeset again; a notebook no longer in the project is dropped), and is
/// written once, by `save(keeping:)`, after the build. It is a flat binary file of length-prefixed
/// strings, mapped rather than read, whose index is read at once and each answer only when it is looked up
/// (a JSON file of the same answers took several times longer to decode).
/// Safe to use from several threads.
public final class KaTeXCache: Sendable {
    /// The key of a formula's answer (64 hex digits).
    typealias Key = String

    /// The macros in effect at a point of a page: its starting macros and every definition made since.
    struct MacroState {
        private var digest: String

        /// A page's state before its first formula: its front matter's `macros` (in any order).
        init(macros: [String: String]) {
            var key = ContentKey()
            key.add("macros")
            for name in macros.keys.sorted() { key.add([name, macros[name]!]) }
            digest = key.hex
        }

        /// The key of the answer for `tex` typeset here.
        func key(_ tex: String, display: Bool) -> Key { ContentKey.of(digest, display ? "D" : "I", tex) }

        /// The state after a formula that defined macros (its answer said `defines`).
        mutating func define(_ tex: String, display: Bool) { digest = ContentKey.of(digest, "defined", display ? "D" : "I", tex) }
    }

    private struct Contents {
        /// The file as read. Its answers are decoded when first looked up: a build that typesets one
        /// notebook reads a few of the thousands kept.
        var file = Data()
        /// Where each answer lies in `file`, by key.
        var stored: [Key: Range<Int>] = [:]
        /// The answers decoded from `file`, and those Node gave this build.
        var answers: [Key: KaTeXProcess.Answer] = [:]
        /// The keys of each notebook's formulas, by its path.
        var notebooks: [String: [Key]] = [:]
        var changed = false

        mutating func answer(_ key: Key) -> KaTeXProcess.Answer? {
            if let answer = answers[key] { return answer }
            guard let range = stored[key] else { return nil }
            let answer = file.withUnsafeBytes { raw in
                var input = BinaryReader(UnsafeRawBufferPointer(rebasing: raw[range]))
                return KaTeXProcess.Answer(reading: &input)
            }
            answers[key] = answer
            return answer
        }
    }

    let file: URL
    private let contents: Locked<Contents>
    /// Whether the file held answers from this KaTeX when it was read.
    public let isWarm: Bool

    /// Reads `file` (no file, an unreadable one, or one from another KaTeX: nothing is known).
    public init(file: URL) {
        self.file = file
        // Mapped, not read: a build looks up a few answers of thousands. The file is only ever replaced
        // whole (written to a new file, then renamed), so the pages mapped never change under the reader.
        let read = (try? Data(contentsOf: file, options: .alwaysMapped)).flatMap { Self.decode($0, stamp: Self.stamp) }
        contents = Locked(read ?? Contents())
        isWarm = read != nil
    }

    /// Whether `file` holds answers from this KaTeX (read from its start only): when it does, a build is
    /// likely to find most of its formulas there.
    public static func holdsAnswers(_ file: URL) -> Bool {
        guard let handle = try? FileHandle(forReadingFrom: file) else { return false }
        defer { try? handle.close() }
        var header = BinaryWriter()
        header.bytes(magic)
        header.string(stamp)
        return (try? handle.read(upToCount: header.data.count)) == header.data
    }

    /// The kept answer for `key`, if any.
    func answer(_ key: Key) -> KaTeXProcess.Answer? { contents.withLock { $0.answer(key) } }

    /// Records what typesetting `notebook` used: the keys of its formulas in order, and the answers that
    /// were not kept yet.
    func record(notebook: String, keys: [Key], answers: [Key: KaTeXProcess.Answer]) {
        contents.withLock { contents in
            if !answers.isEmpty {
                contents.answers.merge(answers.filter { contents.stored[$0.key] == nil }) { kept, _ in kept }
                contents.changed = true
            }
            if contents.notebooks[notebook] != keys {
                contents.notebooks[notebook] = keys
                contents.changed = true
            }
        }
    }

    /// Writes the file (when anything changed): the answers used by the notebooks in `notebooks` (the
    /// project's, by path), and no others. Its folder is created; a file that can't be written only costs
    /// time in the next build.
    public func save(keeping notebooks: Set<String>) {
        let data: Data? = contents.withLock { contents in
            let gone = contents.notebooks.keys.filter { !notebooks.contains($0) }
            for path in gone { contents.notebooks[path] = nil }
            guard contents.changed || !gone.isEmpty else { return nil }
            contents.changed = false
            return Self.encode(contents, stamp: Self.stamp)
        }
        guard let data else { return }
        let folder = file.deletingLastPathComponent()
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try? data.write(to: file, options: .atomic)
        // The files Node kept before Tally kept the answers itself.
        for legacy in ["katex.json", "katex.2.json", "katex.3.json", "katex.4.json"] {
            try? FileManager.default.removeItem(at: folder.appendingPathComponent(legacy))
        }
    }

    /// What the answers depend on besides their formula: KaTeX (its file's size and time stand in for its
    /// version, as `make` does) and the script that calls it (its options, the text it reads).
    static let stamp: String = {
        let script = (try? Data(contentsOf: BuiltInFiles.folder.appendingPathComponent("node/typeset-math.js"))) ?? Data()
        return ContentKey.of(FileStamp.of(KaTeXProcess.katexScript.path), SHA256.hex(script))
    }()

    // MARK: The file

    private static let magic = Array("tally katex answers 2\n".utf8)

    /// magic · stamp · answer count · the answers' index (each one's key and byte count) · notebook count ·
    /// notebooks (path, key count, each key's answer number) · the answers, one after another, as Node sends
    /// them (`Answer.write(to:)`). Strings are a UInt32 byte count and UTF-8; numbers are little-endian. The
    /// answers come last so that a reader maps the file and touches only the pages of those it looks up.
    private static func encode(_ contents: Contents, stamp: String) -> Data {
        var used: [Key] = []
        var number: [Key: UInt32] = [:]
        for keys in contents.notebooks.values {
            for key in keys where number[key] == nil && (contents.answers[key] != nil || contents.stored[key] != nil) {
                number[key] = UInt32(used.count)
                used.append(key)
            }
        }
        var answers = BinaryWriter()
        var out = BinaryWriter()
        out.bytes(magic)
        out.string(stamp)
        out.uint32(UInt32(used.count))
        for key in used {
            let start = answers.data.count
            if let range = contents.stored[key] {
                contents.file.withUnsafeBytes { answers.bytes(UnsafeRawBufferPointer(rebasing: $0[range])) }
            } else {
                contents.answers[key]!.write(to: &answers)
            }
            out.string(key)
            out.uint32(UInt32(answers.data.count - start))
        }
        out.uint32(UInt32(contents.notebooks.count))
        for (path, keys) in contents.notebooks.sorted(by: { $0.key < $1.key }) {
            let known = keys.compactMap { number[$0] }
            out.string(path)
            out.uint32(UInt32(known.count))
            for n in known { out.uint32(n) }
        }
        out.bytes(answers.data)
        return out.data
    }

    /// The contents of a file written by `encode`, or nil when it is from another KaTeX or not readable.
    /// Only the index is read here: an answer is decoded when it is looked up (`Contents.answer`).
    private static func decode(_ data: Data, stamp: String) -> Contents? {
        data.withUnsafeBytes { raw -> Contents? in
            var input = BinaryReader(raw)
            guard input.bytes(magic.count).map(Array.init) == magic, input.string() == stamp,
                  let count = input.uint32() else { return nil }
            var contents = Contents(file: data)
            var keys: [(key: Key, size: Int)] = []
            keys.reserveCapacity(Int(count))
            for _ in 0..<count {
                guard let key = input.string(), let size = input.int() else { return nil }
                keys.append((key, size))
            }
            guard let notebooks = input.uint32() else { return nil }
            for _ in 0..<notebooks {
                guard let path = input.string(), let count = input.uint32() else { return nil }
                var list: [Key] = []
                list.reserveCapacity(Int(count))
                for _ in 0..<count {
                    guard let n = input.uint32(), keys.indices.contains(Int(n)) else { return nil }
                    list.append(keys[Int(n)].key)
                }
                contents.notebooks[path] = list
            }
            var at = input.offset
            contents.stored.reserveCapacity(keys.count)
            for (key, size) in keys {
                contents.stored[key] = at..<at + size
                at += size
            }
            return at == raw.count ? contents : nil
        }
    }
}
