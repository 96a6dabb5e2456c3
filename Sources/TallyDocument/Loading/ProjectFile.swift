import Foundation
import Yams

/// The project's settings file, `tally.yml`: the first one found in the notebooks' root folder or a folder above
/// it, so the settings belong to the notebooks (never to the folder `tally` was started from). Every key is
/// optional; without a file every setting has its default.
///
/// ```yaml
/// site-url: https://me.example/notes/   # where the study site is published (Anki's Source field links there)
/// anki-lock: notebooks/tally-anki.lock   # the Anki lock, relative to this file (default: in the notebooks' root)
/// ```
public struct ProjectFile: Equatable, Sendable {
    public static let fileName = "tally.yml"

    /// The file read, or nil when there was none.
    public var url: URL?
    /// Absolute URL prefix of the published site, ending in `/`; nil when the project does not say.
    public var siteURL: String?
    /// Where the Anki lock lives, resolved against the file's folder.
    public var ankiLock: URL?

    public init(url: URL? = nil, siteURL: String? = nil, ankiLock: URL? = nil) {
        self.url = url
        self.siteURL = siteURL
        self.ankiLock = ankiLock
    }

    /// The project file that governs notebooks under `root`. Throws a diagnostic (rule `project-file`, at the
    /// file's first line) for YAML that does not parse or an unknown key.
    public static func find(above root: URL) throws -> ProjectFile {
        var folder = root.standardizedFileURL
        while true {
            let candidate = folder.appendingPathComponent(fileName)
            if FileManager.default.fileExists(atPath: candidate.path) { return try read(candidate) }
            let parent = folder.deletingLastPathComponent()
            if parent.path == folder.path { return ProjectFile() }
            folder = parent
        }
    }

    static func read(_ url: URL) throws -> ProjectFile {
        let at = SourceLocation(file: url.path, line: 1, column: 1)
        func failure(_ message: String) -> Diagnostic { .error(message, at: at, rule: .projectFile) }
        guard let text = try? String(contentsOf: url, encoding: .utf8) else { throw failure("cannot read \(fileName)") }
        let loaded: Any?
        do { loaded = try Yams.load(yaml: text) } catch { throw failure("\(fileName) is not valid YAML: \(error)") }
        var project = ProjectFile(url: url)
        guard let settings = loaded as? [String: Any] else {
            if loaded == nil { return project }
            throw failure("\(fileName) must be a mapping of settings")
        }
        for (key, value) in settings.sorted(by: { $0.key < $1.key }) {
            switch key {
            case "site-url":
                guard var site = value as? String, !site.isEmpty else { throw failure("site-url must be a URL") }
                if !site.hasSuffix("/") { site += "/" }
                project.siteURL = site
            case "anki-lock":
                guard let path = value as? String, !path.isEmpty else { throw failure("anki-lock must be a path") }
                project.ankiLock = URL(fileURLWithPath: path, relativeTo: url.deletingLastPathComponent()).standardizedFileURL
            default:
                throw failure("unknown key '\(key)' in \(fileName) (known: anki-lock, site-url)")
            }
        }
        return project
    }
}
