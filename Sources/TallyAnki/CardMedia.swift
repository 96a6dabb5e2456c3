import Foundation
import TallyDocument

/// The images that cards show (local files and computed charts), packed under content-derived names.
/// Web images stay links; a path that leaves the project or does not exist is a diagnostic and is dropped.
final class CardMedia {
    private let sources: SourceSet
    private(set) var files: [AnkiMedia] = []
    private(set) var diagnostics: [Diagnostic] = []
    private var names: [URL: String] = [:]

    init(sources: SourceSet) {
        self.sources = sources
    }

    /// The `src` to write for `source` as written in `notebook`, or nil to drop the image.
    func source(for source: String, in notebook: Notebook, at location: SourceLocation) -> String? {
        switch sources.image(source, in: notebook, at: location) {
        case .remote:
            return source
        case .refused(let diagnostic):
            diagnostics.append(diagnostic)
            return nil
        case .local(let file):
            if let name = names[file] { return name }
            guard let data = FileManager.default.contents(atPath: file.path) else {
                diagnostics.append(.error("image '\(source)' cannot be read", at: location, rule: .image))
                return nil
            }
            let name = add(AnkiMedia(data: Array(data), fileExtension: file.pathExtension))
            names[file] = name
            return name
        }
    }

    /// Adds generated media (a chart); the same content is stored once. Returns its name.
    func add(_ media: AnkiMedia) -> String {
        if !files.contains(where: { $0.name == media.name }) { files.append(media) }
        return media.name
    }
}
