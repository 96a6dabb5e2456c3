import Foundation
import Mustache
import TallyDocument

/// The page templates of a build: the project's `templates/*.mustache` where present, the built-in
/// defaults otherwise. Templates are Mustache, so a user's template can't run code.
public struct TemplateSet {
    private var library = MustacheLibrary()
    /// The folder the templates came from, if any (its `assets/` override the built-in ones).
    public let folder: URL?

    public init(folder: URL?) throws {
        self.folder = folder
        for (name, text) in DefaultTemplates.all {
            var source = text
            let file = folder?.appendingPathComponent("\(name).mustache")
            if let file, let data = FileManager.default.contents(atPath: file.path), let custom = String(data: data, encoding: .utf8) {
                source = custom
            }
            do {
                try library.register(source, named: name)
            } catch {
                let where_ = file.map { FileManager.default.fileExists(atPath: $0.path) ? $0.path : "built-in '\(name)'" } ?? "built-in '\(name)'"
                throw Diagnostic.error("template does not parse: \(error)", at: SourceLocation(file: where_, line: 1), rule: .template)
            }
        }
    }

    /// Renders `name` with `context`, then wraps it in the layout.
    func page(_ name: String, _ context: [String: Any], layout: [String: Any]) -> String {
        let content = library.render(context, withTemplate: name) ?? ""
        var outer = layout
        outer["content"] = content
        return library.render(outer, withTemplate: "layout") ?? content
    }

    /// Writes the built-in templates into `folder` for editing (existing files are kept).
    public static func writeDefaults(to folder: URL) throws -> [String] {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        var written: [String] = []
        for (name, text) in DefaultTemplates.all.sorted(by: { $0.key < $1.key }) {
            let file = folder.appendingPathComponent("\(name).mustache")
            guard !FileManager.default.fileExists(atPath: file.path) else { continue }
            try text.write(to: file, atomically: true, encoding: .utf8)
            written.append(file.path)
        }
        return written
    }
}
