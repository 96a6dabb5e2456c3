import Foundation
import TallyDocument

/// The images that cards show (local files and computed charts), packed under content-derived names.
/// Web images stay links; a path that leaves the project or does not exist is a diagnostic and is dropped.
final class CardMedia {
    private let root: URL
    private(set) var files: [AnkiMedia] = []
    private(set) var diagnostics: [Diagnostic] = []
    private var names: [URL: String] = [:]

    init(root: URL) {
        self.root = root.standardizedFileURL.resolvingSymlinksInPath()
    }

    /// The `src` to write for `source` as written in the notebook at `notebookURL`, or nil to drop the image.
    func source(for source: String, notebookURL: URL, at location: SourceLocation) -> String? {
        if source.hasPrefix("http://") || source.hasPrefix("https://") { return source }
        guard !source.contains(":") else {
            diagnostics.append(.error("image source '\(source)' is not a file path", at: location))
            return nil
        }
        let folder = notebookURL.deletingLastPathComponent()
        let file = URL(fileURLWithPath: source.removingPercentEncoding ?? source, relativeTo: folder)
            .standardizedFileURL.resolvingSymlinksInPath()
        if let name = names[file] { return name }
        guard file.path.hasPrefix(root.path + "/") else {
            diagnostics.append(.error("image '\(source)' is outside the project (\(root.path)): not packed", at: location))
            return nil
        }
        guard let data = FileManager.default.contents(atPath: file.path) else {
            diagnostics.append(.error("image '\(source)' not found", at: location))
            return nil
        }
        let name = add(AnkiMedia(data: Array(data), fileExtension: file.pathExtension))
        names[file] = name
        return name
    }

    /// Adds generated media (a chart); the same content is stored once. Returns its name.
    func add(_ media: AnkiMedia) -> String {
        if !files.contains(where: { $0.name == media.name }) { files.append(media) }
        return media.name
    }
}
