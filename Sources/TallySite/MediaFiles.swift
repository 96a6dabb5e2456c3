import Foundation
import TallyDocument
import TallyHTML

/// Images that notes link to: resolved against the notebook's folder, refused when they would leave
/// the project root, and copied into `media/` under names that can't collide.
final class MediaFiles {
    private let root: URL
    private(set) var diagnostics: [Diagnostic] = []
    /// Source file → name inside `media/`.
    private(set) var copies: [URL: String] = [:]

    init(root: URL) {
        self.root = root.standardizedFileURL.resolvingSymlinksInPath()
    }

    /// The URL (relative to the site root) for `source` as written in `notebook`, or nil when refused.
    func url(for source: String, in notebookPath: String, at location: SourceLocation) -> String? {
        if source.hasPrefix("http://") || source.hasPrefix("https://") || source.hasPrefix("//") {
            diagnostics.append(.warning("remote image '\(source)' not shown: the site loads nothing from the internet", at: location))
            return nil
        }
        guard LinkPolicy.isSafe(source), !source.contains(":") else {
            diagnostics.append(.warning("image source '\(source)' is not a file path: not shown", at: location))
            return nil
        }
        let folder = URL(fileURLWithPath: notebookPath).deletingLastPathComponent()
        let path = source.removingPercentEncoding ?? source
        let file = URL(fileURLWithPath: path, relativeTo: folder).standardizedFileURL.resolvingSymlinksInPath()
        guard file.path.hasPrefix(root.path + "/") else {
            diagnostics.append(.error("image '\(source)' is outside the project (\(root.path)): not copied", at: location))
            return nil
        }
        guard FileManager.default.isReadableFile(atPath: file.path) else {
            diagnostics.append(.error("image '\(source)' not found", at: location))
            return nil
        }
        if let name = copies[file] { return "media/\(name)" }
        let name = String(CardIdentity.fnv1a64(file.path), radix: 16) + "-" + file.lastPathComponent
        copies[file] = name
        return "media/\(name)"
    }

    func copy(into site: URL) throws {
        guard !copies.isEmpty else { return }
        let media = site.appendingPathComponent("media")
        try FileManager.default.createDirectory(at: media, withIntermediateDirectories: true)
        for (file, name) in copies {
            try FileManager.default.copyItem(at: file, to: media.appendingPathComponent(name))
        }
    }
}
