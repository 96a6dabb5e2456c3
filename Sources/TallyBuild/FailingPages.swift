import TallyDocument
import TallyResults

/// What the site is built from under `tally serve` (`BuildPipeline.showFailingNotebooks`): every notebook gets its
/// page whatever its errors, and a file that could not be read at all (unreadable, not UTF-8) gets one with no
/// content, so that a page that was there shows why instead of going missing.
///
/// A page lists its notebook's errors where `--allow-failures` lists a failing check (the notebook template's
/// `failures`, taken from the evaluation's errors): the errors found reading the notebooks (parse, front matter,
/// card ids, links) are put before what running it found. Being part of the evaluation, they are also part of
/// what a page's content depends on, so a page whose errors change is rendered again.
struct FailingPages {
    /// The notebooks to give a page, in the order read, the unreadable files last.
    var notebooks: [Notebook]
    /// By notebook path: each evaluation with its notebook's reading errors first; an unreadable file's holds them alone.
    var evaluations: [String: NotebookEvaluation]
    /// The paths of the files that could not be read (their page is empty on purpose: no empty-notebook warning).
    var unread: Set<String>

    init(_ sources: SourceSet, evaluations: [String: NotebookEvaluation]) {
        var errors: [String: [Diagnostic]] = [:]
        for diagnostic in sources.diagnostics where diagnostic.severity == .error {
            errors[diagnostic.location.file, default: []].append(diagnostic)
        }
        let read = Set(sources.notebooks.map(\.path))
        var unreadPaths: [String] = []
        for diagnostic in sources.diagnostics where [.unreadableFile, .invalidUTF8].contains(diagnostic.rule) {
            let path = diagnostic.location.file
            if !read.contains(path), !unreadPaths.contains(path) { unreadPaths.append(path) }
        }
        notebooks = sources.notebooks
            + unreadPaths.map { Notebook(path: $0, format: .notebook, frontMatter: FrontMatter(), blocks: []) }
        unread = Set(unreadPaths)
        self.evaluations = evaluations
        for notebook in notebooks {
            guard let own = errors[notebook.path] else { continue }
            var evaluation = evaluations[notebook.path]
                ?? NotebookEvaluation(path: notebook.path, cells: [], expressions: [:], checks: [], diagnostics: [], compiledPrograms: 0)
            evaluation.diagnostics = own + evaluation.diagnostics
            self.evaluations[notebook.path] = evaluation
        }
    }
}
