import Foundation
#if canImport(Glibc)
import Glibc
#endif
import TallyDocument
import TallyHashing

/// Files the pages load: the theme, and KaTeX copied from Debian's `libjs-katex` so the site works offline
/// (its script, its stylesheet with the fonts cut to WOFF2 by `woff2Only`, and those fonts).
enum SiteAssets {
    static let katexFolder = URL(fileURLWithPath: "/usr/share/javascript/katex")
    static let katexFiles = ["katex.min.js", "katex.min.css", "fonts"]

    /// Writes `assets/` into `site`. Returns a warning when KaTeX is missing (math then shows as TeX).
    /// With `kept` (a folder of the build cache), the files are made once, in a subfolder named by what
    /// they are made from (the theme, KaTeX's files, the project's `templates/assets/`), and hard-linked
    /// into each new site, as pages are: a rebuild copies none of KaTeX's fonts again.
    static func write(into site: SiteFolder, templates: TemplateSet, kept: URL? = nil) throws -> [Diagnostic] {
        guard let kept else { return try make(site.root.appendingPathComponent("assets"), templates: templates) }
        let fm = FileManager.default
        let stamp = try self.stamp(templates)
        let made = kept.appendingPathComponent(stamp)
        if !fm.fileExists(atPath: made.path) {
            let staging = kept.appendingPathComponent(".\(stamp).tmp-\(getpid())")
            try? fm.removeItem(at: staging)
            try fm.createDirectory(at: staging, withIntermediateDirectories: true)
            _ = try make(staging, templates: templates)
            // Another build may have made the same files meanwhile: either copy will do.
            if (try? fm.moveItem(at: staging, to: made)) == nil { try? fm.removeItem(at: staging) }
            for name in (try? fm.contentsOfDirectory(atPath: kept.path)) ?? [] where name != stamp && !name.hasPrefix(".") {
                try? fm.removeItem(at: kept.appendingPathComponent(name))
            }
        }
        try linkTree(made, into: site, at: "assets")
        return missingKaTeX()
    }

    /// The assets made afresh into `assets`.
    private static func make(_ assets: URL, templates: TemplateSet) throws -> [Diagnostic] {
        let fm = FileManager.default
        let katex = assets.appendingPathComponent("katex")
        try fm.createDirectory(at: katex, withIntermediateDirectories: true)
        try FileWriter.write(try DefaultTheme.css(), to: assets.appendingPathComponent("tally.css"), atomically: false)
        try FileWriter.write(try DefaultTheme.script(), to: assets.appendingPathComponent("tally.js"), atomically: false)
        let diagnostics = missingKaTeX()
        if diagnostics.isEmpty {
            // Copy the real files, not the symlinks Debian uses, so the site can be moved anywhere.
            try copyResolvingLinks(katexFolder.appendingPathComponent("katex.min.js"), to: katex.appendingPathComponent("katex.min.js"))
            let css = woff2Only(try String(contentsOf: katexFolder.appendingPathComponent("katex.min.css"), encoding: .utf8))
            try FileWriter.write(css, to: katex.appendingPathComponent("katex.min.css"), atomically: false)
            for font in fontFiles(css) {
                let target = katex.appendingPathComponent(font)
                try fm.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
                try copyResolvingLinks(katexFolder.appendingPathComponent(font), to: target)
            }
        }
        // A project's templates/assets/ (e.g. its own tally.css) override the built-in files.
        if let custom = customAssets(templates) {
            for name in try fm.contentsOfDirectory(atPath: custom.path) {
                let target = assets.appendingPathComponent(name)
                try? fm.removeItem(at: target)
                try copyResolvingLinks(custom.appendingPathComponent(name), to: target)
            }
        }
        return diagnostics
    }

    /// KaTeX's stylesheet with each `@font-face`'s `src` list cut to its WOFF2 source (a list without
    /// one is left whole): every browser the site supports loads WOFF2 (CSS Fonts 4, `format("woff2")`),
    /// so the site ships 20 fonts rather than each in WOFF2, WOFF and TrueType, and no URL names a file
    /// it lacks.
    static func woff2Only(_ css: String) -> String {
        var out = ""
        var rest = css[...]
        while let src = rest.range(of: "src:") {
            out += rest[..<src.upperBound]
            rest = rest[src.upperBound...]
            let end = rest.firstIndex { $0 == ";" || $0 == "}" } ?? rest.endIndex
            let sources = rest[..<end].split(separator: ",", omittingEmptySubsequences: false)
            let woff2 = sources.filter { $0.contains("format('woff2')") || $0.contains("format(\"woff2\")") }
            out += (woff2.isEmpty ? sources : woff2).joined(separator: ",")
            rest = rest[end...]
        }
        return out + rest
    }

    /// The files `css` loads from its folder (`url(fonts/NAME)`), each once, in order.
    static func fontFiles(_ css: String) -> [String] {
        var files: [String] = []
        var rest = css[...]
        while let url = rest.range(of: "url(") {
            rest = rest[url.upperBound...]
            guard let end = rest.firstIndex(of: ")") else { break }
            let file = rest[..<end].trimmingCharacters(in: CharacterSet(charactersIn: "'\" "))
            if file.hasPrefix("fonts/"), !file.contains(".."), !files.contains(file) { files.append(file) }
            rest = rest[end...]
        }
        return files
    }

    private static func missingKaTeX() -> [Diagnostic] {
        for name in katexFiles where !FileManager.default.fileExists(atPath: katexFolder.appendingPathComponent(name).path) {
            let source = katexFolder.appendingPathComponent(name)
            return [.warning("KaTeX not found at \(source.path) (install Debian's libjs-katex): math shows as TeX",
                             at: SourceLocation(file: katexFolder.path, line: 1), rule: .katexMissing)]
        }
        return []
    }

    private static func customAssets(_ templates: TemplateSet) -> URL? {
        guard let custom = templates.folder?.appendingPathComponent("assets"),
              FileManager.default.fileExists(atPath: custom.path) else { return nil }
        return custom
    }

    /// What the assets are made from: the theme's text, and each KaTeX and project asset file's path, size and time.
    private static func stamp(_ templates: TemplateSet) throws -> String {
        var key = ContentKey()
        key.add(["tally-assets-2", try DefaultTheme.css(), try DefaultTheme.script()])
        for folder in [katexFolder] + [customAssets(templates)].compactMap({ $0 }) {
            let walker = FileManager.default.enumerator(at: folder.resolvingSymlinksInPath(), includingPropertiesForKeys: nil)
            var files: [String] = []
            while let url = walker?.nextObject() as? URL { files.append(url.path + "=" + FileStamp.of(url.path)) }
            key.add(files.sorted())
        }
        return key.hex
    }

    /// `source`'s files linked into `site` under `relative` (`SiteFolder.link`: hard links where the file system allows).
    private static func linkTree(_ source: URL, into site: SiteFolder, at relative: String) throws {
        let folder = SiteFolder.KeptFolder(source)
        for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) {
            var isDirectory: ObjCBool = false
            _ = FileManager.default.fileExists(atPath: folder.path + "/" + name, isDirectory: &isDirectory)
            if isDirectory.boolValue {
                try linkTree(source.appendingPathComponent(name, isDirectory: true), into: site, at: relative + "/" + name)
            } else {
                try site.link(name, in: folder, to: relative + "/" + name)
            }
        }
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
