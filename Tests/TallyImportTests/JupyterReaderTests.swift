import Foundation
import TallyDocument
import TallyImport
import XCTest

/// A small nbformat-4 notebook written for these tests: a lecture on pendulums.
enum LectureNotebook {
    /// A 1×1 PNG.
    static let pixel = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=="

    static let json = """
    {"nbformat": 4, "nbformat_minor": 5,
     "metadata": {"kernelspec": {"name": "python3", "language": "python", "display_name": "Python 3"}},
     "cells": [
      {"cell_type": "markdown", "metadata": {}, "source": ["# Pendulums\\n", "\\n", "A pendulum's period is $T = 2\\\\pi\\\\sqrt{L/g}$."]},
      {"cell_type": "code", "execution_count": 1, "metadata": {},
       "source": ["import math\\n", "print(round(2 * math.pi * math.sqrt(1 / 9.81), 3))"],
       "outputs": [{"output_type": "stream", "name": "stdout", "text": ["2.006\\n"]},
                   {"output_type": "display_data", "metadata": {}, "data": {"image/png": "\(pixel)", "text/plain": ["<Figure>"]}}]},
      {"cell_type": "markdown", "metadata": {}, "source": "**Q:** What sets a pendulum's period?\\n**A:** Its length and gravity, not its mass."},
      {"cell_type": "code", "execution_count": 2, "metadata": {}, "source": ["1 / 0"],
       "outputs": [{"output_type": "error", "ename": "ZeroDivisionError", "evalue": "division by zero",
                    "traceback": ["\\u001b[0;31mZeroDivisionError\\u001b[0m: division by zero"]}]}
     ]}
    """
}

final class JupyterReaderTests: XCTestCase {
    func testCellsBecomeMarkdownCodeOutputsAndCards() throws {
        let c = convert(LectureNotebook.json, name: "lecture.ipynb")
        XCTAssertEqual(c.format, .jupyter)
        XCTAssertEqual(c.notebook.title, "Pendulums")
        XCTAssertEqual(c.notebook.cards.map(\.front), ["What sets a pendulum's period?"])
        XCTAssertEqual(c.notebook.cards.map(\.back), ["Its length and gravity, not its mass."])
        XCTAssertTrue(c.markdown.contains("$T = 2\\pi\\sqrt{L/g}$"), "math intact:\n\(c.markdown)")
        XCTAssertTrue(c.markdown.contains("```python\nimport math\n"), c.markdown)
        XCTAssertTrue(c.markdown.contains("```text\n2.006\n```"), c.markdown)
        XCTAssertTrue(c.markdown.contains("```text\nZeroDivisionError: division by zero\n```"), "colour codes removed:\n\(c.markdown)")
        XCTAssertEqual(c.notebook.media.map(\.path), ["lecture-media/cell2-output2.png"])
        XCTAssertEqual(c.notebook.media.first?.data, Data(base64Encoded: LectureNotebook.pixel))
        XCTAssertTrue(c.markdown.contains("![Output 2 of cell 2](lecture-media/cell2-output2.png)"), c.markdown)
        XCTAssertEqual(c.markdown.components(separatedBy: "# Pendulums").count, 2, "the title heading once")
        assertParsesCleanly(c)
    }

    /// A Swift kernel's cells are shown like any other: importing never makes code run.
    func testSwiftKernelCellsAreNeverRun() {
        let json = #"{"nbformat": 4, "metadata": {"kernelspec": {"language": "swift"}}, "cells": [{"cell_type": "code", "source": "print(1)", "outputs": []}]}"#
        let c = convert(json, name: "s.ipynb")
        XCTAssertTrue(c.markdown.contains("```swift no-run\nprint(1)\n```"), c.markdown)
        let cells = NotebookParser.parse(c.markdown, path: "s.md").notebook.cells
        XCTAssertEqual(cells.map(\.options.noRun), [true])
    }

    func testNotANotebookIsAWarningNotACrash() {
        let c = convert("{\"not\": \"a notebook\"}", name: "x.ipynb")
        XCTAssertEqual(c.notebook.warnings.map(\.rule), [.importWarning])
        assertParsesCleanly(c)
    }
}
