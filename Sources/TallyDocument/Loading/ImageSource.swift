import Foundation

/// Where an image a note links to comes from, after the project's rules are applied: a local file
/// inside the project, a web address, or refused with a diagnostic. The site and the Anki export
/// decide what to do with each; neither resolves paths on its own.
public enum ImageSource: Equatable {
    case local(URL)
    case remote(String)
    case refused(Diagnostic)
}

extension SourceSet {
    /// The folder a notebook's images must stay inside: the working directory (the project) for a
    /// notebook inside it, else the notebook's own folder — never a parent shared with unrelated inputs.
    public func projectRoot(for notebook: Notebook) -> URL {
        let file = url(of: notebook).resolvingSymlinksInPath()
        let project = workingDirectory.standardizedFileURL.resolvingSymlinksInPath()
        return file.path.hasPrefix(project.path + "/") ? project : file.deletingLastPathComponent()
    }

    /// Resolves `source` as written in `notebook` at `location`.
    public func image(_ source: String, in notebook: Notebook, at location: SourceLocation) -> ImageSource {
        let lower = source.lowercased()
        if lower.hasPrefix("http://") || lower.hasPrefix("https://") || lower.hasPrefix("//") { return .remote(source) }
        guard !source.contains(":") else {
            return .refused(.warning("image source '\(source)' is not a file path: not shown", at: location, rule: .image))
        }
        let root = projectRoot(for: notebook)
        let folder = url(of: notebook).deletingLastPathComponent()
        let file = URL(fileURLWithPath: source.removingPercentEncoding ?? source, relativeTo: folder)
            .standardizedFileURL.resolvingSymlinksInPath()
        guard file.path.hasPrefix(root.path + "/") else {
            return .refused(.error("image '\(source)' is outside the project (\(root.path)): not used", at: location, rule: .image))
        }
        guard FileManager.default.isReadableFile(atPath: file.path) else {
            return .refused(.error("image '\(source)' not found", at: location, rule: .image))
        }
        return .local(file)
    }
}
