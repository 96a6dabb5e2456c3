import Foundation
import TallyDocument

/// Converts input files into notebooks, one per file, written atomically into `outputFolder` as
/// `<input name>.md`. A file there that `tally import` did not write is left alone unless `force`.
public struct Importer: Sendable {
    /// nil: detect each file's format.
    public var format: ImportFormat?
    public var outputFolder: URL
    public var force: Bool

    public init(format: ImportFormat?, outputFolder: URL, force: Bool = false) {
        self.format = format
        self.outputFolder = outputFolder
        self.force = force
    }

    /// What converting one source gives, before anything is written.
    public struct Conversion: Sendable {
        public var format: ImportFormat
        /// Why `auto` picked the format; nil when it was given.
        public var detection: String?
        public var notebook: ImportedNotebook
        public var markdown: String
    }

    public func convert(_ source: ImportSource) -> Conversion {
        let (chosen, reason) = format.map { ($0, nil) } ?? FormatDetector.detect(source)
        var notebook = chosen.read(source)
        notebook.warnings.sort { $0.location < $1.location }
        return Conversion(format: chosen, detection: reason, notebook: notebook, markdown: NotebookWriter.markdown(notebook))
    }

    public func run(paths: [String]) -> [ImportResult] {
        var claimed: [String: String] = [:]  // output path → the input that claimed it in this run
        return paths.flatMap { path -> [ImportResult] in
            if AnkiDeckReader.handles(path) { return importPackage(path, claimed: &claimed) }
            let output = outputFolder.appendingPathComponent(ImportSource(path: path, text: "").stem + ".md")
            var result = ImportResult(input: path, output: output.path)
            if let other = claimed[output.path] {
                result.fail("\(other) is imported to the same file; rename one of them")
                return [result]
            }
            claimed[output.path] = path
            importFile(path, to: output, into: &result)
            return [result]
        }
    }

    /// An Anki package becomes one notebook per deck, each written as `importFile` writes a notebook.
    private func importPackage(_ path: String, claimed: inout [String: String]) -> [ImportResult] {
        var failed = ImportResult(input: path, output: outputFolder.path)
        guard FileManager.default.fileExists(atPath: path) else {
            failed.fail("no such file", rule: .noSuchFile)
            return [failed]
        }
        let package: AnkiPackage
        do { package = try AnkiPackage.read(URL(fileURLWithPath: path)) } catch {
            failed.fail("cannot read the Anki package: \(error)")
            return [failed]
        }
        let source = ImportSource(path: path, text: "")
        return AnkiDeckReader.notebooks(from: package, source: source).map { relative, notebook in
            let output = outputFolder.appendingPathComponent(relative)
            var result = ImportResult(input: path, output: output.path)
            if let other = claimed[output.path] {
                result.fail("\(other) is imported to the same file as deck '\(notebook.deck ?? "")'")
                return result
            }
            claimed[output.path] = path
            let conversion = Conversion(format: .anki, detection: package.format, notebook: notebook,
                                        markdown: NotebookWriter.markdown(notebook))
            write(conversion, to: output, into: &result)
            return result
        }
    }

    private func importFile(_ path: String, to output: URL, into result: inout ImportResult) {
        let fm = FileManager.default
        guard fm.fileExists(atPath: path) else { return result.fail("no such file", rule: .noSuchFile) }
        guard let data = fm.contents(atPath: path) else { return result.fail("cannot read the file") }
        guard let text = String(data: data, encoding: .utf8) else { return result.fail("the file is not valid UTF-8") }
        write(convert(ImportSource(path: path, text: text)), to: output, into: &result)
    }

    /// Writes a converted notebook to `output`, never losing an edit the user made since the last import.
    private func write(_ conversion: Conversion, to output: URL, into result: inout ImportResult) {
        let fm = FileManager.default
        result.conversion = conversion
        result.diagnostics += conversion.notebook.warnings
        // A notebook that does not parse cleanly is a bug in the import: never write it.
        let problems = NotebookParser.parse(conversion.markdown, path: output.path).diagnostics.filter { $0.severity == .error }
        guard problems.isEmpty else {
            return result.fail("the imported notebook would not parse (not written): " + problems.map(\.description).joined(separator: "; "))
        }
        let new = conversion.markdown
        let base = baseCopy(of: output)
        guard let existing = fm.contents(atPath: output.path).map({ String(decoding: $0, as: UTF8.self) }) else {
            return write(new, to: output, base: base, outcome: .written, into: &result)
        }
        if existing == new {
            result.outcome = .unchanged
            if fm.contents(atPath: base.path) == nil { try? save(new, to: base) }
            return
        }
        switch ImportMark.state(of: existing) {
        case _ where force:
            write(new, to: output, base: base, outcome: .written, into: &result)
        case .foreign:
            result.fail("\(output.path) exists and was not written by tally import: use --force to overwrite it")
        case .asImported:
            write(new, to: output, base: base, outcome: .written, into: &result)
        case .edited:
            keepEdits(existing, new: new, output: output, base: base, into: &result)
        }
    }

    /// The user edited the notebook since it was imported: merge the new import into it when the
    /// two changed different lines, else leave it alone and write the new import beside it.
    private func keepEdits(_ edited: String, new: String, output: URL, base: URL, into result: inout ImportResult) {
        var why = "no copy of the earlier import to merge with (\(base.path))"
        if let older = FileManager.default.contents(atPath: base.path).map({ String(decoding: $0, as: UTF8.self) }) {
            switch ThreeWayMerge.merge(mine: edited, base: older, theirs: new) {
            case .clean(let merged):
                if merged == edited {
                    result.outcome = .unchanged
                    try? save(new, to: base)
                    return
                }
                return write(merged, to: output, base: base, baseText: new, outcome: .merged, into: &result)
            case .conflicts:
                why = "the new import changes lines that were edited too"
            case .unavailable(let reason):
                why = reason
            }
        }
        let beside = output.deletingPathExtension().appendingPathExtension("imported.md")
        do {
            try save(new, to: beside)
            result.outputBeside = beside.path
            result.fail("\(output.path) was edited since it was imported, and \(why): it is left as it is, and the new "
                        + "import is in \(beside.path) (merge by hand, or use --force to overwrite)", rule: .importEdited)
        } catch {
            result.fail("cannot write \(beside.path): \(error.localizedDescription)")
        }
    }

    private func write(_ text: String, to output: URL, base: URL, baseText: String? = nil,
                       outcome: ImportResult.Outcome, into result: inout ImportResult) {
        do {
            for file in result.conversion?.notebook.media ?? [] {
                let url = outputFolder.appendingPathComponent(file.path)
                try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try file.data.write(to: url, options: .atomic)
            }
            try save(text, to: output)
            try save(baseText ?? text, to: base)
            result.outcome = outcome
        } catch {
            result.fail("cannot write \(output.path): \(error.localizedDescription)")
        }
    }

    private func save(_ text: String, to file: URL) throws {
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: file, options: .atomic)
    }

    /// Where the import a notebook was last written from is kept, for three-way merges: a hidden
    /// folder beside the notebooks (loading skips hidden folders); commit it with them.
    public static let baseFolderName = ".tally-import"

    private func baseCopy(of output: URL) -> URL {
        let root = outputFolder.standardizedFileURL.path + "/"
        let path = output.standardizedFileURL.path
        let relative = path.hasPrefix(root) ? String(path.dropFirst(root.count)) : output.lastPathComponent
        return outputFolder.appendingPathComponent(Self.baseFolderName).appendingPathComponent(relative)
    }
}

/// What happened to one input file.
public struct ImportResult: Sendable {
    public enum Outcome: String, Sendable {
        case written, unchanged, failed
        /// The user's edits kept, the new import's changes merged in.
        case merged = "merged with your edits"
    }

    public var input: String
    public var output: String
    public var conversion: Importer.Conversion?
    /// The reader's warnings (at input lines), and the error when the file failed.
    public var diagnostics: [Diagnostic] = []
    public var outcome = Outcome.failed
    /// Where the new import went when the notebook had been edited and could not be merged.
    public var outputBeside: String?

    init(input: String, output: String) {
        self.input = input
        self.output = output
    }

    mutating func fail(_ message: String, rule: RuleID = .unreadableFile) {
        diagnostics.append(.error(message, at: SourceLocation(file: input, line: 1), rule: rule))
        outcome = .failed
    }

    /// One line for the run's summary, e.g.
    /// `notes.txt → notebooks/notes.md: qa (auto: …), 25 cards, 0 sections, 2 warnings, written`.
    public var summary: String {
        guard let c = conversion else { return "\(input): not imported" }
        let format = c.format.rawValue + (c.detection.map { " (auto: \($0))" } ?? "")
        let warnings = diagnostics.filter { $0.severity == .warning }.count
        return "\(input) → \(output): \(format), \(counted(c.notebook.cards.count, "card")), \(counted(c.notebook.sectionCount, "section")), "
            + "\(counted(warnings, "warning")), "
            + (outputBeside.map { "edited since imported: new import written to \($0)" }
               ?? (outcome == .failed ? "not written" : outcome.rawValue))
    }
}
