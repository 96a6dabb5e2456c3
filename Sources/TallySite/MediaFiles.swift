import TallyHashing
import Foundation
import TallyDocument

/// Images that notes link to: resolved against the notebook's folder, refused when they would leave
/// the project root, and copied into `media/` under names that can't collide.
final class MediaFiles {
    private let sources: SourceSet
    /// Each problem once, however many times its page and the cards pages render the image.
    private(set) var diagnostics: [Diagnostic] = []
    private var reported: Set<Diagnostic> = []
    /// Source file → name inside `media/`.
    private(set) var copies: [URL: String] = [:]
    /// The files shown, by path: what one page needs copied (`PageCache.Page.media`).
    var shown: [String: String] { Dictionary(uniqueKeysWithValues: copies.map { ($0.key.path, $0.value) }) }

    init(sources: SourceSet) {
        self.sources = sources
    }

    /// The URL (relative to the site root) for `source` as written in `notebook`, or nil when refused.
    func url(for source: String, in notebook: Notebook, at location: SourceLocation) -> String? {
        switch sources.image(source, in: notebook, at: location) {
        case .remote:
            report(.warning("remote image '\(source)' not shown, linked instead: the site loads nothing from the internet", at: location, rule: .remoteImage))
            return nil
        case .refused(let diagnostic):
            report(diagnostic)
            return nil
        case .local(let file):
            let name = copies[file] ?? String(FNV1a64.hash(file.path), radix: 16) + "-" + file.lastPathComponent
            copies[file] = name
            // The file's name as a URL path: spaces, `#`, `%` and other characters are percent-encoded.
            return "media/" + (name.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? name)
        }
    }

    /// The address to link a remote image's alt text to, or nil when `source` is not remote.
    func remoteLink(for source: String, in notebook: Notebook, at location: SourceLocation) -> String? {
        if case .remote(let url) = sources.image(source, in: notebook, at: location) { return url }
        return nil
    }

    /// Copies another page's files too (pages render each with their own `MediaFiles`).
    func adopt(_ files: [String: String]) {
        for (path, name) in files { copies[URL(fileURLWithPath: path)] = name }
    }

    private func report(_ diagnostic: Diagnostic) {
        if reported.insert(diagnostic).inserted { diagnostics.append(diagnostic) }
    }

    /// Copies the files the pages show into the site's `media/`, each under its name there.
    func copy(into site: SiteFolder) throws {
        for (file, name) in copies { try site.copy(file, to: "media/" + name) }
    }
}
