import TallyHashing
import Foundation
import TallyDocument

/// Images that notes link to: resolved against the notebook's folder, refused when they would leave
/// the project root, and copied into `media/` under names that can't collide.
final class MediaFiles {
    private let sources: SourceSet
    private(set) var diagnostics: [Diagnostic] = []
    /// Source file → name inside `media/`.
    private(set) var copies: [URL: String] = [:]

    init(sources: SourceSet) {
        self.sources = sources
    }

    /// The URL (relative to the site root) for `source` as written in `notebook`, or nil when refused.
    func url(for source: String, in notebook: Notebook, at location: SourceLocation) -> String? {
        switch sources.image(source, in: notebook, at: location) {
        case .remote:
            diagnostics.append(.warning("remote image '\(source)' not shown: the site loads nothing from the internet", at: location, rule: .remoteImage))
            return nil
        case .refused(let diagnostic):
            diagnostics.append(diagnostic)
            return nil
        case .local(let file):
            if let name = copies[file] { return "media/\(name)" }
            let name = String(FNV1a64.hash(file.path), radix: 16) + "-" + file.lastPathComponent
            copies[file] = name
            return "media/\(name)"
        }
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
