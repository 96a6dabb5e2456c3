import Foundation

/// The names a notebook's Swift code declares, for `FormulaSnippet`'s `identifiers` (which decide
/// between spellings such as `η` and `eta`).
public enum FormulaIdentifiers {
    /// Names after `let`, `var` and `func`, including each name of `let (a, b) = …`, in `code`
    /// (the cells above a formula). Line comments are skipped; names declared inside function
    /// bodies are included too, which at worst makes a spelling look declared that is not in scope
    /// (the compiler then says so at the formula).
    public static func declared(in code: String) -> Set<String> {
        var names: Set<String> = []
        for line in code.split(separator: "\n", omittingEmptySubsequences: true) {
            let text = String(line.split(separator: "//", maxSplits: 1, omittingEmptySubsequences: false).first ?? "")
            let range = NSRange(text.startIndex..., in: text)
            for match in declaration.matches(in: text, range: range) {
                for group in 1...2 {
                    guard let r = Range(match.range(at: group), in: text) else { continue }
                    for name in text[r].split(separator: ",") {
                        let trimmed = name.trimmingCharacters(in: .whitespaces)
                        if trimmed.range(of: #"^[\p{L}_][\p{L}\p{N}_]*$"#, options: .regularExpression) != nil { names.insert(trimmed) }
                    }
                }
            }
        }
        return names
    }

    /// `let x`, `var x`, `func f`, or `let (a, b)`: group 1 a single name, group 2 a tuple's names.
    private static let declaration = try! NSRegularExpression(
        pattern: #"\b(?:let|var|func)\s+(?:([\p{L}_][\p{L}\p{N}_]*)|\(([^)]*)\))"#)
}
