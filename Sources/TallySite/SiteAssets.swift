import Foundation
import TallyDocument

/// Files the pages load: the theme, and KaTeX copied from Debian's `libjs-katex` so the site works offline.
enum SiteAssets {
    static let katexFolder = URL(fileURLWithPath: "/usr/share/javascript/katex")
    static let katexFiles = ["katex.min.js", "katex.min.css", "fonts"]

    /// Writes `assets/` into `site`. Returns a warning when KaTeX is missing (math then shows as TeX).
    static func write(into site: URL, templates: TemplateSet) throws -> [Diagnostic] {
        let fm = FileManager.default
        let assets = site.appendingPathComponent("assets")
        let katex = assets.appendingPathComponent("katex")
        try fm.createDirectory(at: katex, withIntermediateDirectories: true)
        try DefaultTheme.css().write(to: assets.appendingPathComponent("tally.css"), atomically: false, encoding: .utf8)
        try DefaultTheme.script().write(to: assets.appendingPathComponent("tally.js"), atomically: false, encoding: .utf8)
        var diagnostics: [Diagnostic] = []
        for name in katexFiles {
            let source = katexFolder.appendingPathComponent(name)
            guard fm.fileExists(atPath: source.path) else {
                diagnostics.append(.warning("KaTeX not found at \(source.path) (install Debian's libjs-katex): math shows as TeX",
                                            at: SourceLocation(file: katexFolder.path, line: 1), rule: .katexMissing))
                break
            }
            // Copy the real files, not the symlinks Debian uses, so the site can be moved anywhere.
            try copyResolvingLinks(source, to: katex.appendingPathComponent(name))
        }
        // A project's templates/assets/ (e.g. its own tally.css) override the built-in files.
        if let custom = templates.folder?.appendingPathComponent("assets"), fm.fileExists(atPath: custom.path) {
            for name in try fm.contentsOfDirectory(atPath: custom.path) {
                let target = assets.appendingPathComponent(name)
                try? fm.removeItem(at: target)
                try copyResolvingLinks(custom.appendingPathComponent(name), to: target)
            }
        }
        return diagnostics
    }

    static func copyResolvingLinks(_ source: URL, to target: URL) throws {
        let fm = FileManager.default
        let real = source.resolvingSymlinksInPath()
        var isDirectory: ObjCBool = false
        _ = fm.fileExists(atPath: real.path, isDirectory: &isDirectory)
        if isDirectory.boolValue {
            try fm.createDirectory(at: target, withIntermediateDirectories: true)
            for name in try fm.contentsOfDirectory(atPath: real.path) {
                try copyResolvingLinks(real.appendingPathComponent(name), to: target.appendingPathComponent(name))
            }
        } else {
            try fm.copyItem(at: real, to: target)
        }
    }
}
