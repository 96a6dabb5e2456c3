import Foundation
import TallyHashing

/// Notebook summaries kept between runs, in `folder` (`notebooks/` in the build cache), one file per
/// notebook version (`KeptVersions`): keyed by the notebook's path, the SHA-256 of its bytes and this
/// `tally` executable (a new parser may read the same bytes differently). `SourceLoader` reads an
/// unchanged notebook's summary instead of parsing it, as a compiler's incremental build skips unchanged
/// files. An unreadable entry is a miss; `prune` deletes the older versions of the files loaded.
public struct NotebookSummaries: Sendable {
    private let kept: KeptVersions

    public init(folder: URL) {
        kept = KeptVersions(folder: folder)
    }

    public var folder: URL { kept.folder }

    private static func key(digest: String) -> String {
        ContentKey.of("tally-notebook-summary-4", FileStamp.executable, digest)
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

    func prune() { kept.prune() }
}
