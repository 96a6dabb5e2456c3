import Foundation
import TallyDocument
import TallyImport
import XCTest

/// Converts `text` as if read from a file called `name`, without touching the disk.
func convert(_ text: String, name: String = "notes.txt", format: ImportFormat? = nil) -> Importer.Conversion {
    Importer(format: format, outputFolder: URL(fileURLWithPath: "/nonexistent")).convert(ImportSource(path: name, text: text))
}

/// The imported notebook must read back with no errors (and no warnings from the parser either:
/// the writer owns every line of it), with the cards the importer reported.
func assertParsesCleanly(_ conversion: Importer.Conversion, file: StaticString = #filePath, line: UInt = #line) {
    let (notebook, diagnostics) = NotebookParser.parse(conversion.markdown, path: "out.md")
    XCTAssertEqual(diagnostics.map(\.description), [], file: file, line: line)
    XCTAssertEqual(notebook.cards.map(\.id), conversion.notebook.cards.map(\.id), file: file, line: line)
    XCTAssertEqual(notebook.title, conversion.notebook.title, file: file, line: line)
}

/// The input lines that warnings point at, in order.
func warningLines(_ conversion: Importer.Conversion) -> [Int] {
    conversion.notebook.warnings.map(\.location.line)
}
