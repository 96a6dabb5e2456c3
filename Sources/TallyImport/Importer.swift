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
        return paths.map { path in
            let output = outputFolder.appendingPathComponent(ImportSource(path: path, text: "").stem + ".md")
            var result = ImportResult(input: path, output: output.path)
            if let other = claimed[output.path] {
                result.fail("\(other) is imported to the same file; rename one of them")
                return result
            }
            claimed[output.path] = path
            importFile(path, to: output, into: &result)
            return result
        }
    }

    private func importFile(_ path: String, to output: URL, into result: inout ImportResult) {
        guard let data = FileManager.default.contents(atPath: path) else { return result.fail("cannot read the file") }
        guard let text = String(data: data, encoding: .utf8) else { return result.fail("the file is not valid UTF-8") }
        let conversion = convert(ImportSource(path: path, text: text))
        result.conversion = conversion
        result.diagnostics += conversion.notebook.warnings
        // A notebook that does not parse cleanly is a bug in the import: never write it.
        let problems = NotebookParser.parse(conversion.markdown, path: output.path).diagnostics.filter { $0.severity == .error }
        guard problems.isEmpty else {
            return result.fail("the imported notebook would not parse (not written): " + problems.map(\.description).joined(separator: "; "))
        }
        let fm = FileManager.default
        if let existing = fm.contents(atPath: output.path) {
            if existing == Data(conversion.markdown.utf8) {
                result.outcome = .unchanged
                return
            }
            guard force || NotebookWriter.isImported(String(decoding: existing, as: UTF8.self)) else {
                return result.fail("\(output.path) exists and was not written by tally import: use --force to overwrite it")
            }
        }
        do {
            try fm.createDirectory(at: outputFolder, withIntermediateDirectories: true)
            try Data(conversion.markdown.utf8).write(to: output, options: .atomic)
            result.outcome = .written
        } catch {
            result.fail("cannot write \(output.path): \(error.localizedDescription)")
        }
    }
}

/// What happened to one input file.
public struct ImportResult: Sendable {
    public enum Outcome: String, Sendable { case written, unchanged, failed }

    public var input: String
    public var output: String
    public var conversion: Importer.Conversion?
    /// The reader's warnings (at input lines), and the error when the file failed.
    public var diagnostics: [Diagnostic] = []
    public var outcome = Outcome.failed

    init(input: String, output: String) {
        self.input = input
        self.output = output
    }

    mutating func fail(_ message: String) {
        diagnostics.append(.error(message, at: SourceLocation(file: input, line: 1), rule: .unreadableFile))
        outcome = .failed
    }

    /// One line for the run's summary, e.g.
    /// `notes.txt → notebooks/notes.md: qa (auto: …), 25 cards, 0 sections, 2 warnings, written`.
    public var summary: String {
        guard let c = conversion else { return "\(input): not imported" }
        let format = c.format.rawValue + (c.detection.map { " (auto: \($0))" } ?? "")
        let warnings = diagnostics.filter { $0.severity == .warning }.count
        return "\(input) → \(output): \(format), \(counted(c.notebook.cards.count, "card")), \(counted(c.notebook.sectionCount, "section")), "
            + "\(counted(warnings, "warning")), \(outcome == .failed ? "not written" : outcome.rawValue)"
    }
}
