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

    /// Renders `name` with `context`, then wraps it in the layout.
    func page(_ name: String, _ context: [String: Any], layout: [String: Any]) -> String {
        let content = library.render(context, withTemplate: name) ?? ""
        var outer = layout
        outer["content"] = content
        return library.render(outer, withTemplate: "layout") ?? content
    }

    /// The page `page(_:_:layout:)` makes of `name` and the layout, as the text before and after the value of
    /// `name`'s slot (`TemplateSlot`), so a caller writes that value, a page's body, straight between them. Nil
    /// when either template is the project's own, or the marker does not split it: give the value to `page` then.
    func frame(_ name: String, _ context: [String: Any], layout: [String: Any]) -> (before: String, after: String)? {
        guard builtIn.contains(name), builtIn.contains("layout"), let slot = TemplateSlot.builtIn[name],
              let contentSlot = TemplateSlot.builtIn["layout"] else { return nil }
        var inner = context
        inner[slot] = TemplateSlot.marker
        var outer = layout
        outer[contentSlot] = TemplateSlot.marker
        guard let content = library.render(inner, withTemplate: name).flatMap(TemplateSlot.split),
              let page = library.render(outer, withTemplate: "layout").flatMap(TemplateSlot.split) else { return nil }
        return (page.0 + content.0, content.1 + page.1)
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
