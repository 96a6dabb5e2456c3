import Foundation
import TallyDocument
import TallyResults
import TallyHTML

/// How evaluated cells and inline values look on a page: code, then what the cell printed and
/// showed; values with a mark saying whether their stated number was checked and held. Values and
/// marks are focusable, so a tap or Tab shows their expression and tolerance (the stylesheet's tooltip).
struct EvaluatedHTML {
    let evaluation: NotebookEvaluation?

    // MARK: Cells

    func cell(_ cell: Cell) -> String {
        let result = evaluation?.cells.first { $0.index == cell.index }
        var out = "<div class=\"cell\(cell.options.expectError ? " expect-error" : "")\" id=\"cell-\(cell.index + 1)\">\n"
        if !cell.options.hide {
            out += "<pre><code class=\"language-swift\">\(markChecks(in: SwiftHighlighter.highlight(cell.code), cell: cell))</code></pre>\n"
        }
        guard let result else { return out + "</div>\n" }
        for output in result.outputs {
            switch output {
            case .text(let text): out += "<pre class=\"output stdout\">\(text.htmlEscaped)</pre>\n"
            case .display(let display): out += html(display, caption: nil)
            }
        }
        if !result.stderr.isEmpty { out += "<pre class=\"output stderr\">\(result.stderr.htmlEscaped)</pre>\n" }
        for d in result.diagnostics {
            let cls = d.severity == .error && result.status != .failedAsExpected ? "cell-error" : "cell-note"
            out += "<pre class=\"output \(cls)\">\(d.description.htmlEscaped)</pre>\n"
        }
        if result.status == .notReached {
            out += "<p class=\"output cell-note\">Not run: an earlier cell failed.</p>\n"
        }
        return out + "</div>\n"
    }

    /// Appends a ✓ or ✗ after each line of the cell that states a value (`// => …`).
    private func markChecks(in highlighted: String, cell: Cell) -> String {
        guard let evaluation else { return highlighted }
        let firstLine = cell.codeLocation.line
        let lineCount = cell.code.split(separator: "\n", omittingEmptySubsequences: false).count
        let outcomes = Dictionary(evaluation.checks.filter {
            $0.location.file == cell.location.file && (firstLine..<firstLine + lineCount).contains($0.location.line)
        }.map { ($0.location.line - firstLine, $0) }, uniquingKeysWith: { a, _ in a })
        guard !outcomes.isEmpty else { return highlighted }
        var lines = highlighted.components(separatedBy: "\n")
        for (offset, outcome) in outcomes where lines.indices.contains(offset) {
            lines[offset] += " " + mark(outcome)
        }
        return lines.joined(separator: "\n")
    }

    // MARK: Inline values

    func expression(_ expression: InlineExpression) -> String {
        guard let result = evaluation?.expression(expression) else {
            return "<code class=\"expression\">\(expression.expression.htmlEscaped)</code>"
        }
        guard let check = result.check else {
            if case .text = result.display {
                return "<span class=\"value\" tabindex=\"0\" title=\"\(expression.expression.htmlEscaped)\">\(result.text.htmlEscaped)</span>"
            }
            return html(result.display, caption: expression.expression)
        }
        let cls = check.passed ? "checked ok" : "checked failed"
        // The title shows on hover and focus; the hidden words are what a screen reader says after the number.
        return "<span class=\"\(cls)\" tabindex=\"0\" title=\"\(tooltip(check, expression: expression.expression).htmlEscaped)\">"
            + "\(result.text.htmlEscaped)<span class=\"visually-hidden\"> (\(spoken(check).htmlEscaped))</span></span>"
    }

    private func mark(_ outcome: CheckOutcome) -> String {
        let symbol = outcome.passed ? "✓" : "✗"
        let cls = outcome.passed ? "check-mark ok" : "check-mark failed"
        return "<span class=\"\(cls)\" tabindex=\"0\" role=\"img\" aria-label=\"\(spoken(outcome).htmlEscaped)\""
            + " title=\"\(tooltip(outcome, expression: nil).htmlEscaped)\">\(symbol)</span>"
    }

    private func tooltip(_ outcome: CheckOutcome, expression: String?) -> String {
        let subject = expression.map { "\($0) = " } ?? "computed "
        return "\(subject)\(computed(outcome)); stated \(outcome.stated.valueText) \(tolerance(outcome))"
            + (outcome.passed ? "" : " — does not hold")
    }

    /// What assistive technology says for a checked number: "checked: computed 0.7391, tolerance 0.00005",
    /// or "check failed: computed 0.7412, stated 0.739, tolerance 0.0005".
    private func spoken(_ outcome: CheckOutcome) -> String {
        let tolerance = tolerance(outcome).replacingOccurrences(of: "± ", with: "")
        return outcome.passed
            ? "checked: computed \(computed(outcome)), tolerance \(tolerance)"
            : "check failed: computed \(computed(outcome)), stated \(outcome.stated.valueText), tolerance \(tolerance)"
    }

    private func computed(_ outcome: CheckOutcome) -> String {
        outcome.value.map { $0.inlineText(format: nil) } ?? "not computed"
    }

    private func tolerance(_ outcome: CheckOutcome) -> String {
        switch outcome.stated.tolerance {
        case _ where outcome.stated.exact != nil: return "(exact)"
        case .lastDigit: return "± " + NumberFormatting.plain(outcome.stated.allowedError(at: 0)) + " (last digit)"
        case .absolute(let t): return "± " + NumberFormatting.plain(t)
        case .relative(let r): return "± " + NumberFormatting.plain(r * 100) + "%"
        }
    }

    // MARK: Checked formulas

    /// The ✓ or ✗ after a checked formula that starts on the line of `location`, with the bindings
    /// or the points tried (or why it fails) as its tooltip and what assistive technology reads; empty
    /// for any other formula.
    func formulaMark(at location: SourceLocation) -> String {
        guard let outcome = evaluation?.formulas.first(where: { $0.location.file == location.file && $0.location.line == location.line })
        else { return "" }
        let symbol = outcome.passed ? "✓" : "✗"
        let cls = outcome.passed ? "check-mark ok" : "check-mark failed"
        let title = (outcome.passed ? "formula holds: " : "") + outcome.detail
        let spoken = (outcome.passed ? "checked formula: " : "formula does not hold: ") + outcome.detail
        return " <span class=\"\(cls)\" tabindex=\"0\" aria-label=\"\(spoken.htmlEscaped)\" title=\"\(title.htmlEscaped)\">\(symbol)</span>"
    }

    // MARK: Displays

    private func html(_ display: Display, caption: String?) -> String {
        switch display {
        case .text(let text):
            return "<pre class=\"output display\">\(text.htmlEscaped)</pre>\n"
        case .table(let rows):
            let body = rows.map { "<tr>" + $0.map { "<td>\($0.htmlEscaped)</td>" }.joined() + "</tr>" }.joined(separator: "\n")
            return "<table class=\"output values\">\n\(body)\n</table>\n"
        case .svg(let svg):
            // As an <img>, an SVG can never run script, whatever a cell put into it. Its text alternative
            // names the chart's title and series (from the SVG the engine drew).
            let alt = ChartDescription.alt(svg: svg, caption: caption).htmlEscaped
            return "<img class=\"output chart\" alt=\"\(alt)\" src=\"data:image/svg+xml;base64,\(Data(svg.utf8).base64EncodedString())\">\n"
        }
    }
}
