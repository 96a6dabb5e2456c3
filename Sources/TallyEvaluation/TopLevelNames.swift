import Foundation
import TallyDocument

/// The names a cell declares at its top level (`let x`, `var y`, `func f`, `struct S`, …), and the
/// names a snippet of code refers to. Used to catch prose that states a value before the cell that
/// computes it: in `main.swift` Swift lets a closure read a global declared further down and reads
/// it as zero, so without this check the prose would silently show 0.
enum TopLevelNames {
    private static let declaration = try! NSRegularExpression(
        pattern: #"^(?:(?:public|private|fileprivate|internal|final|lazy)\s+)*(?:let|var|func|struct|class|enum|actor|typealias)\s+(`[^`]+`|"#
            + CellCheckScanner.identifierPattern + ")")
    private static let reference = try! NSRegularExpression(pattern: #"(?<![.\p{L}\p{N}_`])"# + CellCheckScanner.identifierPattern)

    /// Names declared on the cell's unindented lines (nested declarations are not top level).
    static func declared(by cell: Cell) -> Set<String> {
        var names: Set<String> = []
        for line in CellCheckScanner.codeLines(of: cell) where !(line.first?.isWhitespace ?? true) {
            let range = NSRange(line.startIndex..., in: line)
            if let match = declaration.firstMatch(in: line, range: range), let name = Range(match.range(at: 1), in: line) {
                names.insert(String(line[name]).trimmingCharacters(in: CharacterSet(charactersIn: "`")))
            }
        }
        return names
    }

    /// Identifiers `code` mentions, member names after a `.` excepted.
    static func referenced(in code: String) -> Set<String> {
        Set(reference.matches(in: code, range: NSRange(code.startIndex..., in: code)).compactMap {
            Range($0.range, in: code).map { String(code[$0]) }
        })
    }
}
