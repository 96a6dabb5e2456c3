import Foundation
import TallyHashing

/// Notebook summaries kept between runs, all in one file (`notebooks.records` in the build cache; see
/// `KeptVersions` and `RecordFile`): each keyed by the notebook's path, the SHA-256 of its bytes and this
/// `tally` executable (a new parser may read the same bytes differently). `SourceLoader` reads an
/// unchanged notebook's summary instead of parsing it, as a compiler's incremental build skips unchanged
/// files. An unreadable entry or file is a miss; `save` writes the file when a summary was made, keeping
/// the summaries of notebooks this load did not see and dropping the older versions of those it did.
public struct NotebookSummaries: Sendable {
    private let kept: KeptVersions

    /// The summaries kept in `cache` (the build cache folder), in `fileName`.
    public init(cache: URL) {
        kept = KeptVersions(file: cache.appendingPathComponent(Self.fileName), kind: "notebook-summaries",
                            legacyFolder: cache.appendingPathComponent("notebooks"))
    }

    /// The file's name in the build cache.
    public static let fileName = "notebooks.records"

    public var file: URL { kept.file }

    private static func key(digest: String) -> String {
        ContentKey.of("tally-notebook-summary-5", FileStamp.executable, digest)
    }

    /// The summary kept for `path` with these bytes, or nil.
    func summary(path: String, digest: String) -> NotebookSummary? {
        kept.read(path: path, key: Self.key(digest: digest)).flatMap(NotebookSummary.init(encoded:))
    }

    /// Keeps `summary` for `path` with these bytes.
    func store(_ summary: NotebookSummary, path: String, digest: String) {
        guard let data = try? summary.encoded() else { return }
        kept.write(data, path: path, key: Self.key(digest: digest))
    }

    /// The digest of `path`'s bytes recorded when its `stat` was `identity` (see `FileStamp.Identity`), or nil.
    func digest(path: String, identity: FileStamp.Identity) -> String? {
        kept.read(path: path, key: Self.statKey(identity)).map { String(decoding: $0, as: UTF8.self) }
    }

    /// Records the digest of `path`'s bytes, read when its `stat` was `identity` (a settled one).
    func store(digest: String, path: String, identity: FileStamp.Identity) {
        kept.write(Data(digest.utf8), path: path, key: Self.statKey(identity))
    }

    private static func statKey(_ identity: FileStamp.Identity) -> String {
        "stat" + ContentKey.of("tally-notebook-stat-1", identity.text)
    }

    /// Writes the file (see `KeptVersions.save`).
    func save() { kept.save() }
}
