/// A document check: a walker that collects problems as it goes, as swift-docc's `Checker` does. The
/// parser builds the model and reports only what it must (text it cannot read: an unterminated fence or
/// card, bad front matter); everything that judges a well-formed model is a checker, one rule each.
///
/// Run a checker with `visit(_:)` over the blocks (or `check(_:)` over notebooks), then read `problems`.
public protocol Checker: DocumentWalker {
    /// The diagnostics found so far, in the order they were found; each carries the checker's rule id.
    var problems: [Diagnostic] { get }
    /// Called by `check(_:)` before each notebook's blocks are visited (default: nothing).
    mutating func willVisit(_ notebook: Notebook)
    /// Walks every notebook in order and returns the problems found (default: one walk, notebook after
    /// notebook; a checker whose notebooks are judged independently may walk them in parallel, with the
    /// same result).
    mutating func check(_ notebooks: [Notebook]) -> [Diagnostic]
}

extension Checker {
    public mutating func willVisit(_ notebook: Notebook) {}

    /// Walks every notebook in order and returns the problems found.
    public mutating func check(_ notebooks: [Notebook]) -> [Diagnostic] {
        for notebook in notebooks {
            willVisit(notebook)
            visit(notebook.blocks)
        }
        return problems
    }
}

/// The checks that judge one notebook on its own, run by `NotebookParser.parse` after it built the model.
public enum NotebookChecks {
    /// The problems of `notebook` found by each single-notebook checker, checker by checker.
    public static func run(_ notebook: Notebook) -> [Diagnostic] {
        var unknownOptions = UnknownCellOptionChecker()
        return unknownOptions.check([notebook])
    }
}
