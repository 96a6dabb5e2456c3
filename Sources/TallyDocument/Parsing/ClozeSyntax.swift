/// Finds Anki cloze deletions, `{{cN::answer}}` and `{{cN::answer::hint}}` with N ≥ 1, in converted inlines and in
/// TeX. One rule serves both: the answer runs to the first `}}` outside every `{…}` group it opens, so
/// `{{c1::\frac{a}{b}}}` keeps its `\frac` whole and a hint may hold braces (`{{c1::x::the {estimate}}}`); the
/// hint starts at the first `::` outside groups. A deletion may hold another (Anki nests them). An opening without
/// its `}}` is left as text, as Anki does.
enum ClozeSyntax {
    /// A character of text (with the location of its text node), or an inline that is not text.
    private enum Unit {
        case character(Character, SourceLocation)
        case node(Inline)

        var character: Character? {
            if case .character(let c, _) = self { return c } else { return nil }
        }
    }

    private struct Match {
        var number: Int
        var content: Range<Int>
        var hint: Range<Int>?
        /// Just past the closing `}}`.
        var end: Int
    }

    /// `inlines` with each deletion written in its text nodes turned into a `.cloze` node. Emphasis, links and
    /// the like were parsed on their own (their children are grouped when converted), so a deletion lies within
    /// one list of siblings.
    static func group(_ inlines: [Inline]) -> [Inline] {
        guard inlines.contains(where: { if case .text(let s) = $0.kind { return s.containsBytes("{{c") } else { return false } })
        else { return inlines }
        var units: [Unit] = []
        for inline in inlines {
            if case .text(let s) = inline.kind {
                units += s.map { .character($0, inline.location) }
            } else {
                units.append(.node(inline))
            }
        }
        var scanner = Scanner(units: units, texEscapes: false)
        return build(units, 0..<units.count, &scanner)
    }

    /// `tex` cut at its deletions. A backslash escapes the next character (`\}` is no group's end); a deletion
    /// nested in another stays TeX inside the outer one.
    static func pieces(ofTeX tex: String) -> [Math.Piece] {
        guard tex.containsBytes("{{c") else { return [.tex(tex)] }
        let units = tex.map { Unit.character($0, SourceLocation(file: "", line: 0, column: 0)) }
        var scanner = Scanner(units: units, texEscapes: true)
        var pieces: [Math.Piece] = []
        var run = ""
        var i = 0
        while i < units.count {
            if let m = scanner.match(at: i) {
                if !run.isEmpty { pieces.append(.tex(run)); run = "" }
                pieces.append(.cloze(number: m.number, tex: text(units, m.content),
                                     hint: m.hint.map { text(units, $0) }))
                i = m.end
            } else {
                run.append(units[i].character!)
                i += 1
            }
        }
        if !run.isEmpty { pieces.append(.tex(run)) }
        return pieces
    }

    private static func build(_ units: [Unit], _ range: Range<Int>, _ scanner: inout Scanner) -> [Inline] {
        var result: [Inline] = []
        var pending = ""
        var pendingLocation: SourceLocation?
        func flush() {
            if let location = pendingLocation, !pending.isEmpty { result.append(Inline(.text(pending), at: location)) }
            pending = ""
            pendingLocation = nil
        }
        var i = range.lowerBound
        while i < range.upperBound {
            if let m = scanner.match(at: i), m.end <= range.upperBound {
                flush()
                guard case .character(_, let location) = units[i] else { preconditionFailure("a match starts at text") }
                let cloze = Cloze(number: m.number, content: build(units, m.content, &scanner), hint: m.hint.map { text(units, $0) })
                result.append(Inline(.cloze(cloze), at: location))
                i = m.end
                continue
            }
            switch units[i] {
            case .character(let c, let location):
                if pendingLocation == nil { pendingLocation = location }
                pending.append(c)
            case .node(let inline):
                flush()
                result.append(inline)
            }
            i += 1
        }
        flush()
        return result
    }

    /// Finds deletions in a run of units, remembering each answer so every opening is scanned once. Nested
    /// openings past `maxNesting` are text (10,000 unclosed `{{c1::` must neither recurse that deep nor rescan).
    private struct Scanner {
        let units: [Unit]
        let texEscapes: Bool
        private var memo: [Int: Match?] = [:]
        static let maxNesting = 16

        init(units: [Unit], texEscapes: Bool) {
            self.units = units
            self.texEscapes = texEscapes
        }

        private func char(_ k: Int) -> Character? { k < units.count ? units[k].character : nil }

        /// The deletion that opens at `i`, if it is closed.
        mutating func match(at i: Int, nesting: Int = 0) -> Match? {
            guard char(i) == "{", char(i + 1) == "{", char(i + 2) == "c", nesting < Self.maxNesting else { return nil }
            if let known = memo[i] { return known }
            let found = scan(from: i, nesting: nesting)
            memo[i] = found
            return found
        }

        private mutating func scan(from i: Int, nesting: Int) -> Match? {
            var j = i + 3
            var digits = ""
            while let c = char(j), c.isASCII, c.isNumber { digits.append(c); j += 1 }
            guard let number = Int(digits), number > 0, char(j) == ":", char(j + 1) == ":" else { return nil }
            let start = j + 2
            var depth = 0
            var contentEnd: Int?
            j = start
            while j < units.count {
                guard let c = char(j) else { j += 1; continue }
                if texEscapes && c == "\\" { j += 2; continue }
                if c == "{", char(j + 1) == "{", char(j + 2) == "c", !digitsAfter(j + 3).isEmpty {
                    // An inner deletion that never closes (or nests too deep) leaves this one unclosed too: from
                    // there on this one sees at least the inner one's depth.
                    guard nesting + 1 < Self.maxNesting, let nested = match(at: j, nesting: nesting + 1) else { return nil }
                    j = nested.end
                    continue
                }
                switch c {
                case "{":
                    depth += 1
                case "}" where depth > 0:
                    depth -= 1
                case "}" where char(j + 1) == "}":
                    let content = start..<(contentEnd ?? j)
                    return Match(number: number, content: content, hint: contentEnd.map { ($0 + 2)..<j }, end: j + 2)
                case ":" where depth == 0 && contentEnd == nil && char(j + 1) == ":":
                    contentEnd = j
                    j += 2
                    continue
                default:
                    break
                }
                j += 1
            }
            return nil
        }

        private func digitsAfter(_ k: Int) -> String {
            var out = ""
            var j = k
            while let c = char(j), c.isASCII, c.isNumber { out.append(c); j += 1 }
            return char(j) == ":" && char(j + 1) == ":" ? out : ""
        }
    }

    private static func text(_ units: [Unit], _ range: Range<Int>) -> String {
        var out = ""
        for unit in units[range] {
            switch unit {
            case .character(let c, _): out.append(c)
            case .node(let inline): out += inline.plainText
            }
        }
        return out
    }
}
