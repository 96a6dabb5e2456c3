import Foundation
import Mustache
import TallyDocument
import TallyHashing

/// The page templates of a build: the project's `templates/*.mustache` where present, the built-in
/// defaults otherwise. Templates are Mustache, so a user's template can't run code.
public struct TemplateSet {
    private var library = MustacheLibrary()
    /// The folder the templates came from, if any (its `assets/` override the built-in ones).
    public let folder: URL?
    /// A key of the templates' sources (what cached pages were rendered with).
    public private(set) var digest = ""
    /// The templates that are the built-in ones (the project has no file of its own for them).
    private var builtIn: Set<String> = []

    public init(folder: URL?) throws {
        self.folder = folder
        var key = ContentKey()
        defer { digest = key.hex }
        for name in DefaultTemplates.names {
            let builtInSource = try DefaultTemplates.text(name)
            var source = builtInSource
            let file = folder?.appendingPathComponent("\(name).mustache")
            if let file, let data = FileManager.default.contents(atPath: file.path), let custom = String(data: data, encoding: .utf8) {
                source = custom
            }
            key.add([name, source])
            if source == builtInSource { builtIn.insert(name) }
            do {
                try library.register(source, named: name)
            } catch {
                let shown = file.flatMap { FileManager.default.fileExists(atPath: $0.path) ? Self.shownPath($0) : nil }
                    ?? "built-in \(name).mustache"
                throw TemplateError.diagnostic(error, source: source, file: shown)
            }
        }
    }

    /// A template's path as diagnostics show it: relative to the working directory when inside it.
    private static func shownPath(_ file: URL) -> String {
        let full = file.standardizedFileURL.path
        let base = URL(fileURLWithPath: FileManager.default.currentDirectoryPath).standardizedFileURL.path
        return full.hasPrefix(base + "/") ? String(full.dropFirst(base.count + 1)) : full
    }

    /// Renders `name` with `context`, then wraps it in the layout (its `content`). A built-in template's
    /// slot (`TemplateSlot`: the notebook page's `body`, the layout's `content`) is filled after rendering,
    /// with the bytes Mustache would write, so a page's HTML is copied once rather than through each template.
    func page(_ name: String, _ context: [String: Any], layout: [String: Any]) -> String {
        var context = context
        var body: [String]?
        if builtIn.contains(name), let slot = TemplateSlot.builtIn[name], let value = context[slot] as? String {
            body = [value]
            context[slot] = nil
        }
        let content = rendered(name, context, slot: body) ?? [""]
        return (rendered("layout", layout, slot: content) ?? content).joined()
    }

    /// `name` rendered with `context` and `value` (pieces of text) as its slot's value (`TemplateSlot.builtIn`),
    /// in pieces to join. Nil: no such template.
    private func rendered(_ name: String, _ context: [String: Any], slot value: [String]?) -> [String]? {
        guard let value, let key = TemplateSlot.builtIn[name] else { return library.render(context, withTemplate: name).map { [$0] } }
        var context = context
        if builtIn.contains(name) {
            context[key] = TemplateSlot.marker
            if let text = library.render(context, withTemplate: name), let (before, after) = TemplateSlot.split(text) {
                return [before] + value + [after]
            }
        }
        context[key] = value.joined()
        return library.render(context, withTemplate: name).map { [$0] }
    }

    /// Writes the built-in templates (`NAME.mustache`) and `README.md` (the values each template receives)
    /// into `folder` for editing. Files that already exist are kept. Returns the paths written, sorted.
    /// Throws when the folder can't be written or the built-in files are missing.
    public static func writeDefaults(to folder: URL) throws -> [String] {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        var files = try DefaultTemplates.names.map { ("\($0).mustache", try DefaultTemplates.text($0)) }
        files.append(("README.md", try DefaultTemplates.readme()))
        var written: [String] = []
        for (name, text) in files.sorted(by: { $0.0 < $1.0 }) {
            let file = folder.appendingPathComponent(name)
            guard !FileManager.default.fileExists(atPath: file.path) else { continue }
            try text.write(to: file, atomically: true, encoding: .utf8)
            written.append(file.path)
        }
        return written
    }
}
