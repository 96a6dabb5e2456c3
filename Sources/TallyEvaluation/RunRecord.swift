import TallyDocument
import TallyFormula
import TallyProtocol
import TallyResults

/// What compiling and running a notebook's programs produced, with every place given relative to
/// a cell or an inline expression (not as a line of the file), so that a cached record still
/// applies after prose above a cell gains or loses lines.
struct RunRecord: Codable, Hashable, Sendable {
    /// By cell index.
    var cells: [CellRecord]
    /// By check number (the checks of the runnable cells, in order): the passes the program sent.
    var checkValues: [Int: [CheckPass]] = [:]
    /// By inline expression number (reading order).
    var expressionValues: [Int: ProgramValue] = [:]
    /// Every evaluation of a checked formula, in the order the program sent them.
    var formulaObservations: [FormulaObservation] = []
    /// The formulas (by number) that failed and were run again with their one-edit variants
    /// (`NotebookPlan(_:candidatesFor:)`), whose observations include the variants'.
    var formulaCandidates: Set<Int> = []
    var problems: [Problem] = []
    /// The main program ran to its end, so a check with no value is one whose line never ran.
    var completed = false
    var compiledPrograms = 0
    /// The files the programs read in the notebook's folder (relative path → content hash): the record
    /// holds only while they are unchanged (see `ProgramInputs`).
    var inputs: [String: String] = [:]
    /// Hitting the time limit or the output cap depends on the machine: such records are not cached.
    var cacheable = true

    init(cellCount: Int) {
        cells = Array(repeating: CellRecord(), count: cellCount)
    }

    private enum CodingKeys: String, CodingKey {
        case cells, checkValues, expressionValues, formulaObservations, formulaCandidates, problems, completed, compiledPrograms, inputs
    }
}

struct CellRecord: Codable, Hashable, Sendable {
    var status = CellResult.Status.notReached
    var stdout = ""
    var stderr = ""
    var displays: [ProgramValue] = []
    /// Where each display was shown, in bytes of this cell's stdout.
    var displayOffsets: [Int] = []
}


/// A place in a notebook, relative to what it belongs to.
enum Anchor: Codable, Hashable, Sendable {
    /// `line` is 0-based within the cell's code; `column` is the column in the notebook's line.
    case cell(index: Int, line: Int, column: Int)
    /// `offset` is in bytes from the start of the expression's text.
    case expression(index: Int, offset: Int)
    /// The `index`th checked formula (all of it: its snippet stands on one line of the notebook).
    case formula(index: Int)
    /// Outside any cell or expression (a problem with the program as a whole): the notebook's first cell.
    case notebook

    var cellIndex: Int? {
        if case .cell(let index, _, _) = self { return index }
        return nil
    }
}

/// A compile error, a trap, a time limit… found while running, before locations are resolved.
struct Problem: Codable, Hashable, Sendable {
    var anchor: Anchor
    var message: String
    var rule: RuleID
    /// An `expect-error` cell's error: shown under the cell, not a failure.
    var expected = false
}

/// One run of a check's line: its 1-based pass number (a check in a loop runs once per iteration)
/// and the value it had.
struct CheckPass: Codable, Hashable, Sendable {
    var pass: Int
    var value: ProgramValue
}
