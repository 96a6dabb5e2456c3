import Foundation
import TallyDocument

/// The site's built-in files, kept as real files under `Sources/TallySite/Resources/` and shipped as a
/// SwiftPM resource bundle (`templates/*.mustache`, `templates/README.md`, `assets/tally.css`,
/// `assets/scripts/*.js`).
///
/// Where the bundle is: after `make install` it sits in `PREFIX/lib/tally/` (beside the engine, see
/// `scripts/install`); in the build tree SwiftPM puts it beside the executable (found without making
/// `Bundle.main`, see `RunningExecutable`), and `Bundle.module` finds it from a test runner.
enum BuiltInFiles {
    /// The bundle's folder name as SwiftPM writes it on Linux (`<package>_<target>.resources`).
    static let bundleName = "Tally_TallySite.resources"

    /// The folder holding `templates/` and `assets/`.
    static let folder: URL = {
        let fm = FileManager.default
        if let bin = RunningExecutable.folder {
            let installed = bin.deletingLastPathComponent().appendingPathComponent("lib/tally/\(bundleName)")
            if fm.fileExists(atPath: installed.path) { return installed }
            let beside = bin.appendingPathComponent(bundleName)
            if fm.fileExists(atPath: beside.path) { return beside }
        }
        return Bundle.module.resourceURL ?? Bundle.module.bundleURL
    }()

    /// The UTF-8 text of `path` (relative to the bundle, e.g. `templates/layout.mustache`).
    /// Throws a `template` diagnostic naming the file when the bundle lacks it (a broken install).
    static func text(_ path: String) throws -> String {
        let file = folder.appendingPathComponent(path)
        guard let data = FileManager.default.contents(atPath: file.path), let text = String(data: data, encoding: .utf8) else {
            throw Diagnostic.error("built-in file \(path) is missing from \(folder.path) (reinstall tally)",
                                   at: SourceLocation(file: file.path, line: 1), rule: .template)
        }
        return text
    }
}
