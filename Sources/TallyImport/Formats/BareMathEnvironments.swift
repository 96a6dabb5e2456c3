import Foundation

/// Exported notebooks (Jupyter) write display math as a bare `\begin{align*} … \end{align*}`, which
/// MathJax renders there but Tally reads as Markdown text. Such a block is put between `$$` lines,
/// its TeX unchanged. Blocks already inside `$$` or in fenced code are left alone.
enum BareMathEnvironments {
    static func delimited(_ lines: [String]) -> [String] {
        var out: [String] = []
        var inDisplayMath = false
        var fence: String?
        var i = 0
        while i < lines.count {
            let line = lines[i]
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if let f = fence {
                if trimmed.hasPrefix(f), trimmed.allSatisfy({ $0 == f.first }) { fence = nil }
            } else if trimmed.hasPrefix("```") || trimmed.hasPrefix("~~~") {
                fence = String(trimmed.prefix { $0 == trimmed.first })
            } else if !inDisplayMath, let name = environment(opening: trimmed),
                      let end = lines[i...].firstIndex(where: { $0.contains("\\end{\(name)}") }) {
                out += ["$$"] + lines[i...end] + ["$$"]
                i = end + 1
                continue
            } else if line.components(separatedBy: "$$").count % 2 == 0 {
                inDisplayMath.toggle()  // an odd number of `$$` opens or closes a display block
            }
            out.append(line)
            i += 1
        }
        return out
    }

    /// `align*` for a line that starts with `\begin{align*}`.
    private static func environment(opening line: String) -> String? {
        guard let r = line.range(of: #"^\\begin\{[A-Za-z*]+\}"#, options: .regularExpression) else { return nil }
        return String(line[r].dropFirst("\\begin{".count).dropLast())
    }
}
