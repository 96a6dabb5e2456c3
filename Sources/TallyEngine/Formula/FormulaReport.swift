import Foundation

/// Sends what one evaluation of a checked formula gave to `tally`, on the events channel.
///
/// The generated snippet (TallyFormula's `FormulaSnippet`) calls this once per sample point: the
/// value of every side of the formula's `=` chain, the point's coordinates (in the order of the
/// check block's `for` variables, empty without one) and the values of the names the formula
/// uses (in the order of `FormulaSnippet.bindingNames`; functions arrive as text and are not shown).
/// `candidate` is nil for the formula as written, k for its k-th one-edit variant
/// (`FormulaSnippet.candidates`). The event is TallyProtocol's `ProgramEvent.formula`, its values
/// of the same kinds as checks' (`ProgramValue`). Nothing is sent when the program runs outside `tally`.
public func _formulaCheck(_ id: Int, candidate: Int? = nil, point: [Double], sides: [any CheckableValue], bindings: [Any]) {
    NotebookRuntime.formula(id, candidate: candidate, point: point, sides: sides, bindings: bindings)
}
