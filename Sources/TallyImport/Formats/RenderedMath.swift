import Foundation

/// Text copied from a page that rendered math (KaTeX, MathJax): the TeX is gone and what is left runs
/// symbols together, e.g. `σ(a)=1+e−a1` for σ(a) = 1/(1+e^{-a}), or leaves `amp;` where a matrix had `&`.
/// Such text cannot be turned back into TeX reliably; it is found here so that the user rewrites it.
enum RenderedMath {
    /// A line that is nothing but such a formula.
    static func isGarbledLine(_ line: String) -> Bool {
        if line.contains("amp;") { return true }
        return !garbledFragments(in: line).isEmpty && proseWordCount(line) < 3
    }

    /// Words of a line that are pieces of such a formula: an `=` run together with symbols outside
    /// ASCII (a formula typed by hand has spaces around its `=`), or `amp;`.
    static func garbledFragments(in line: String) -> [String] {
        line.split(whereSeparator: \.isWhitespace).map(String.init).filter { word in
            word.contains("amp;") || (word.contains("=") && word.unicodeScalars.contains { !$0.isASCII })
        }
    }

    /// A line of TeX source copied without its delimiters, e.g. `g(z) = \max(0, z)`: kept as display math.
    static func isBareTeX(_ line: String) -> Bool {
        !line.contains("$") && line.range(of: #"\\[A-Za-z]+"#, options: .regularExpression) != nil
            && line.unicodeScalars.allSatisfy(\.isASCII) && proseWordCount(line) < 3
    }

    /// Words of three or more ASCII letters (with trailing punctuation): what tells prose from a formula.
    static func proseWordCount(_ line: String) -> Int {
        line.split(whereSeparator: \.isWhitespace).filter {
            $0.range(of: #"^[A-Za-z]{3,}[.,;:!?]?$"#, options: .regularExpression) != nil
        }.count
    }
}
