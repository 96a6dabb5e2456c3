import TallyDocument

/// The generated `main.swift` of a notebook, and how its lines map back to the notebook.
///
/// Each cell's code is copied line for line after `#sourceLocation(file: <notebook>, line: <first
/// code line>)`, so that compiler diagnostics, `#line` and runtime backtraces (built with line tables)
/// name the notebook's own lines. A checked line keeps its place: `let x = e // => v` gains
/// `; NotebookRuntime.check(id, x)` before the comment; an expression line `e // => v` becomes
/// `NotebookRuntime.check(id, e) // => v` (columns after the inserted call are shifted back when
/// mapping). Between cells, `#sourceLocation()` returns to `main.swift` for the glue lines that
/// mark where each cell starts. Snippets (inline expressions) stand where they are in the document,
/// between the cells around them, each in a closure of its own, alone on its line and indented to
/// its own column, so that places in it need no mapping.
struct ProgramSource {
    /// Code of the notebook evaluated at a place in the document: after the cells above it, before
    /// the cells below. Today an inline expression of the prose (`{swift} expr`); any later kind of
    /// embedded code (a checked formula) is placed the same way.
    struct Snippet {
        /// Its number among the notebook's snippets (what its value is recorded under).
        var number: Int
        var code: String
        /// Where `code` starts in the notebook.
        var location: SourceLocation
    }

    /// What the program runs, in document order.
    enum Item {
        case cell(Cell)
        case snippet(Snippet)
        /// A checked formula's snippet (`FormulaSnippet.source`), whose lines all name the formula's line.
        case formula(number: Int, source: String, location: SourceLocation)
    }

    struct Included {
        var items: [Item]
        /// The checks to record, by check number; only in the included cells.
        var checks: [Int: CellCheck]
    }

    private(set) var text = ""
    let notebookPath: String
    let mainPath: String
    /// Glue lines of `main.swift` (1-based) from which problems belong to an anchor, in order.
    private var regions: [(line: Int, anchor: Anchor)] = []
    /// Notebook line → the cell line it is, and the columns shifted by an inserted call.
    private var cellLines: [Int: (cell: Int, offset: Int, shiftFrom: Int, shift: Int)] = [:]
    private var snippetLines: [Int: [(number: Int, column: Int, length: Int)]] = [:]
    /// Notebook line → the checked formula that stands there.
    private var formulaLines: [Int: Int] = [:]
    private var lineCount = 0

    init(notebookPath: String, mainPath: String, including included: Included) {
        self.notebookPath = notebookPath
        self.mainPath = mainPath
        emit("import Foundation")
        emit("import TallyEngine")
        emit("NotebookRuntime.start()")
        let checksByLine = Dictionary(uniqueKeysWithValues: included.checks.map {
            (LinePosition(cell: $0.value.cellIndex, offset: $0.value.lineOffset), (number: $0.key, check: $0.value))
        })
        for item in included.items {
            switch item {
            case .cell(let cell): emit(cell, checksByLine)
            case .snippet(let snippet): emit(snippet)
            case .formula(let number, let source, let location):
                regions.append((lineCount + 1, .formula(index: number)))
                formulaLines[location.line] = number
                for line in source.split(separator: "\n", omittingEmptySubsequences: false) { emit(line) }
            }
        }
        regions.append((lineCount + 1, .notebook))
        emit("NotebookRuntime.finish()")
    }

    private mutating func emit(_ cell: Cell, _ checksByLine: [LinePosition: (number: Int, check: CellCheck)]) {
        regions.append((lineCount + 1, .cell(index: cell.index, line: 0, column: 1)))
        emit("NotebookRuntime.beginCell(\(cell.index))")
        emit("#sourceLocation(file: \(Self.literal(notebookPath)), line: \(cell.codeLocation.line))")
        for (offset, line) in CellCheckScanner.codeLines(of: cell).enumerated() {
            let notebookLine = cell.codeLocation.line + offset
            guard let (number, check) = checksByLine[LinePosition(cell: cell.index, offset: offset)] else {
                cellLines[notebookLine] = (cell.index, offset, .max, 0)
                emit(line)
                continue
            }
            let rest = line.dropFirst(check.code.count)
            switch check.subject {
            case .binding(let name):
                cellLines[notebookLine] = (cell.index, offset, .max, 0)
                emit(check.code + "; " + Self.checkCall(number) + name + ")" + rest)
            case .expression:
                let indent = check.code.prefix { $0 == " " || $0 == "\t" }
                let call = Self.checkCall(number)
                cellLines[notebookLine] = (cell.index, offset, indent.utf8.count + call.utf8.count + 1, call.utf8.count)
                emit(indent + call + check.code.dropFirst(indent.count) + ")" + rest)
            }
        }
        emit("#sourceLocation()")
    }

    private mutating func emit(_ snippet: Snippet) {
        regions.append((lineCount + 1, .expression(index: snippet.number, offset: 0)))
        emit("NotebookRuntime.beginSnippet(\(snippet.number))")
        emit("NotebookRuntime.snippet(\(snippet.number)) {")
        let at = snippet.location
        emit("#sourceLocation(file: \(Self.literal(notebookPath)), line: \(at.line))")
        snippetLines[at.line, default: []].append((snippet.number, at.column, snippet.code.utf8.count))
        emit(String(repeating: " ", count: max(0, at.column - 1)) + snippet.code)
        emit("#sourceLocation()")
        emit("}")
    }

    /// Where a compiler or backtrace location (`file:line:column` as reported) belongs.
    func anchor(file: String, line: Int, column: Int) -> Anchor {
        if file == notebookPath {
            if let cellLine = cellLines[line] {
                let shifted = column >= cellLine.shiftFrom ? column - cellLine.shift : column
                return .cell(index: cellLine.cell, line: cellLine.offset, column: shifted)
            }
            if let number = formulaLines[line] { return .formula(index: number) }
            if let candidates = snippetLines[line] {
                let match = candidates.first { ($0.column...$0.column + $0.length).contains(column) } ?? candidates[0]
                return .expression(index: match.number, offset: max(0, min(column - match.column, match.length)))
            }
        } else if file == mainPath, let region = regions.last(where: { $0.line <= line }) {
            return region.anchor
        }
        return .notebook
    }

    /// The runtime call that opens a checked value; the id has a fixed width so that every
    /// such line shifts columns by the same amount.
    private static func checkCall(_ number: Int) -> String {
        "NotebookRuntime.check(" + String(number).leftPadded(to: 6) + ", "
    }

    private static func literal(_ path: String) -> String {
        "\"" + path.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }

    private mutating func emit<S: StringProtocol>(_ line: S) {
        text += line
        text += "\n"
        lineCount += 1
    }

    private struct LinePosition: Hashable {
        var cell: Int
        var offset: Int
    }
}
