import Foundation

/// Keeps TeX and inline Swift expressions away from the Markdown parser.
///
/// Before cmark-gfm sees a segment, every math span (`$…$`, `$$…$$`, `\(…\)`, `\[…\]`) and every
/// `` `{swift} …` `` code span is replaced by a placeholder made of private-use characters, which
/// Markdown leaves alone; the converter swaps the placeholders back for `Math` and `InlineExpression`
/// nodes. A newline inside a span becomes a newline plus the line's quote/indent prefix and a
/// continuation mark, so line numbers (and list or quote membership) stay exactly as written.
/// Code spans and fenced code blocks are skipped: `$` there is never math.
struct MathGuard {
    enum Protected: Hashable {
        case math(Math, location: SourceLocation)
        case expression(InlineExpression)
    }

    static let open: Character = "\u{E000}"
    static let close: Character = "\u{E001}"
    static let continuation: Character = "\u{E002}"

    private(set) var protected: [Protected] = []
    private(set) var diagnostics: [Diagnostic] = []
    /// The original source of each placeholder: what a code block or code span shows instead.
    private(set) var originals: [String] = []
    /// Per file line, where the output's columns meet the source's again after a placeholder
    /// (placeholders are not as long as what they replace): `(output column, source column)`.
    private(set) var anchors: [Int: [(output: Int, source: Int)]] = [:]

    private let bytes: [UInt8]
    private let start: SourceLocation
    private var out: [UInt8] = []
    private var i = 0
    private var line: Int
    private var lineStart = 0
    private var outLineStart = 0
    /// Per closing delimiter, the last search that found none: from where, up to where it looked.
    private var failedSearches: [[UInt8]: (from: Int, stop: Int)] = [:]
    /// Per backtick run length, where the last search for a closing run that found none stopped: a later
    /// opener of that length before there fails too (without this, `\``\``…` took quadratic time).
    private var failedCodeSpans: [Int: Int] = [:]

    /// Protects `text`, whose first line is `start.line` of `start.file`.
    init(text: String, start: SourceLocation) {
        self.bytes = Array(text.utf8)
        self.start = start
        self.line = start.line
        out.reserveCapacity(bytes.count)
    }

    mutating func run() -> String {
        let stops = Self.stops  // read once: a static's every access goes through swift_once
        var fence: (char: UInt8, length: Int)?
        while i < bytes.count {
            if i == lineStart {
                if let f = fence {
                    if let g = fenceAt(i), g.char == f.char, g.length >= f.length, g.rest.allSatisfy(isSpace) { fence = nil }
                    copyLine()
                    continue
                }
                if let g = fenceAt(i) {
                    fence = (g.char, g.length)
                    copyLine()
                    continue
                }
                if defuseOversizedTable() { continue }
            }
            let c = bytes[i]
            switch c {
            case UInt8(ascii: "\n"):
                copy(1)
            case UInt8(ascii: "\\"):
                // `\[` opens display math only where a display can start (at the start of a line); in
                // running text (`median\[IQR\]`, a link text `[\[4\]]`) it is Markdown's escaped bracket.
                let opener: UInt8? = i + 1 < bytes.count ? bytes[i + 1] : nil
                if opener == UInt8(ascii: "(") || opener == UInt8(ascii: "[") && atLineStart(i) {
                    let closer: [UInt8] = opener == UInt8(ascii: "(") ? [0x5C, 0x29] : [0x5C, 0x5D]
                    if let end = find(closer, from: i + 2), end > i + 2 {  // `\(\)` is two escaped parentheses
                        protectMath(texFrom: i + 2, to: end, spanEnd: end + 2, display: closer[1] == 0x5D)
                        continue
                    }
                }
                if atLineStart(i), protectBareEnvironment() { continue }
                copy(min(2, bytes.count - i))
            case UInt8(ascii: "`"):
                protectCodeSpan()
            case UInt8(ascii: "$"):
                if !protectDollarMath() { copy(1) }
            case UInt8(ascii: "<"), UInt8(ascii: "]"), UInt8(ascii: "h"), UInt8(ascii: "w"), UInt8(ascii: "["):
                copy(max(1, addressLength(at: i)))
            default:
                copyPlainRun(stops)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Copies bytes up to the next one the loop above must look at: a newline, `\`, a backtick, `$`, an
    /// address's first byte (`<`, `[`, `]`, or an `h`/`w` where a bare address may start). All of a line's
    /// other bytes go out in one append instead of one by one.
    private mutating func copyPlainRun(_ stops: [UInt8]) {
        let bytes = self.bytes, start = i
        // Buffers, not arrays: no bounds check per byte, and the run goes out without a slice of `bytes`.
        let j = bytes.withUnsafeBufferPointer { b -> Int in
            stops.withUnsafeBufferPointer { stops -> Int in
                var j = start + 1
                while j < b.count {
                    let stop = stops[Int(b[j])]
                    if stop == 1 || stop == 2 && mayStartBareAddress(at: j) { break }
                    j += 1
                }
                return j
            }
        }
        bytes.withUnsafeBufferPointer { out.append(contentsOf: UnsafeBufferPointer(rebasing: $0[start..<j])) }
        i = j
    }

    /// Per byte: 1 where `copyPlainRun` always stops, 2 for `h` and `w` (it stops where an address may start).
    private static let stops: [UInt8] = (0...255).map { b -> UInt8 in
        if "\n\\`$<][".utf8.contains(UInt8(b)) { return 1 }
        return b == Int(UInt8(ascii: "h")) || b == Int(UInt8(ascii: "w")) ? 2 : 0
    }

    /// Whether a bare `http://`, `https://` or `www.` address may start at `p`, judged by the byte before.
    private func mayStartBareAddress(at p: Int) -> Bool {
        p == 0 || isSpace(bytes[p - 1]) || bytes[p - 1] == UInt8(ascii: "\n") || "(*_~".utf8.contains(bytes[p - 1])
    }

    // MARK: Spans

    private mutating func protectDollarMath() -> Bool {
        if i + 1 < bytes.count, bytes[i + 1] == UInt8(ascii: "$") {
            guard let end = find([0x24, 0x24], from: i + 2), end > i + 2 else { return false }
            protectMath(texFrom: i + 2, to: end, spanEnd: end + 2, display: true)
            return true
        }
        // Pandoc's rule: the opening `$` has a non-space right after it, the closing one a non-space
        // right before it and no digit right after it — so "costs $5 and $10" is not math.
        guard i + 1 < bytes.count, !isSpace(bytes[i + 1]), bytes[i + 1] != UInt8(ascii: "\n") else { return false }
        var j = i + 1
        while j < bytes.count {
            let c = bytes[j]
            if c == UInt8(ascii: "\\") { j += 2; continue }
            if c == UInt8(ascii: "\n"), blankLineFollows(j) { return false }
            // A backtick starts a code span, whose `$` is never math: "costs $5 and `$HOME`" has no math.
            if c == UInt8(ascii: "`") { return false }
            if c == UInt8(ascii: "$") {
                let before = bytes[j - 1]
                let after: UInt8? = j + 1 < bytes.count ? bytes[j + 1] : nil
                if isSpace(before) || before == UInt8(ascii: "\n") { return false }
                if let a = after, a >= 0x30 && a <= 0x39 { return false }
                protectMath(texFrom: i + 1, to: j, spanEnd: j + 1, display: false)
                return true
            }
            j += 1
        }
        return false
    }

    /// The LaTeX environments that are display math on their own, as Jupyter (MathJax) shows them.
    static let displayEnvironments: Set<String> = ["equation", "align", "gather", "multline", "alignat", "flalign",
                                                   "equation*", "align*", "gather*", "multline*", "alignat*", "flalign*"]

    /// `\begin{align}…\end{align}` (or another of `displayEnvironments`) at the start of a line: display
    /// math whose TeX is the whole environment.
    private mutating func protectBareEnvironment() -> Bool {
        let begin = Array("\\begin{".utf8)
        guard bytes[i...].starts(with: begin) else { return false }
        let nameStart = i + begin.count
        guard let close = bytes[nameStart...].prefix(16).firstIndex(of: UInt8(ascii: "}")) else { return false }
        let name = String(decoding: bytes[nameStart..<close], as: UTF8.self)
        guard Self.displayEnvironments.contains(name), let end = find(Array("\\end{\(name)}".utf8), from: close + 1) else { return false }
        let spanEnd = end + "\\end{\(name)}".utf8.count
        protectMath(texFrom: i, to: spanEnd, spanEnd: spanEnd, display: true)
        return true
    }

    /// Whether only blanks and block-quote markers stand before `p` on its line.
    private func atLineStart(_ p: Int) -> Bool {
        var j = p - 1
        while j >= lineStart, isSpace(bytes[j]) || bytes[j] == UInt8(ascii: ">") { j -= 1 }
        return j < lineStart
    }

    private mutating func protectCodeSpan() {
        var run = 0
        while i + run < bytes.count, bytes[i + run] == UInt8(ascii: "`") { run += 1 }
        if let stop = failedCodeSpans[run], i < stop { return copy(run) }
        var j = i + run
        while j < bytes.count {
            if bytes[j] == UInt8(ascii: "\n"), blankLineFollows(j) { break }
            if bytes[j] == UInt8(ascii: "`") {
                var k = 0
                while j + k < bytes.count, bytes[j + k] == UInt8(ascii: "`") { k += 1 }
                if k == run {
                    let content = String(decoding: bytes[(i + run)..<j], as: UTF8.self)
                    if content.trimmingWhitespace().hasPrefix("{swift") {
                        protectExpression(content: content, contentStart: i + run, spanEnd: j + k)
                    } else {
                        copy(j + k - i)
                    }
                    return
                }
                j += k
                continue
            }
            j += 1
        }
        failedCodeSpans[run] = j
        copy(run)  // no closing run: the backticks are literal
    }

    // MARK: Addresses

    /// The length of an address starting at `p`, which is copied as written: `$` or `\(` in a URL or a
    /// link title is never math. Addresses are an autolink `<scheme:…>`, a link's `](destination "title")`,
    /// a reference definition's line `[label]: destination "title"`, and a bare `http://`, `https://` or
    /// `www.` address (GFM's autolink extension) up to the next blank or `<`. 0 when there is none.
    private func addressLength(at p: Int) -> Int {
        func byte(_ k: Int) -> UInt8? { k < bytes.count ? bytes[k] : nil }
        func isBlankOrEnd(_ b: UInt8?) -> Bool { b == nil || isSpace(b!) || b == UInt8(ascii: "\n") }
        switch bytes[p] {
        case UInt8(ascii: "<"):
            var k = p + 1
            while let b = byte(k), b.isASCIILetterOrDigit || b == UInt8(ascii: "+") || b == UInt8(ascii: "-") || b == UInt8(ascii: ".") { k += 1 }
            guard k - p - 1 >= 2, byte(k) == UInt8(ascii: ":") else { return 0 }
            while let b = byte(k), b != UInt8(ascii: ">"), b != UInt8(ascii: "<"), !isBlankOrEnd(b) { k += 1 }
            return byte(k) == UInt8(ascii: ">") ? k + 1 - p : 0
        case UInt8(ascii: "]"):
            guard byte(p + 1) == UInt8(ascii: "(") else { return 0 }
            var k = p + 2, depth = 1
            var quote: UInt8?
            // A destination and title longer than this are not an address (and the scan stays linear on `](](…`).
            while let b = byte(k), k - p < 4096 {
                if b == UInt8(ascii: "\\") { k += 2; continue }
                if b == UInt8(ascii: "\n"), blankLineFollows(k) { return 0 }
                // Another link's `](` ends the search: the scan stays linear on `](](](…`.
                if b == UInt8(ascii: "]"), byte(k + 1) == UInt8(ascii: "(") { return 0 }
                if let q = quote {
                    if b == q { quote = nil }
                } else if (b == UInt8(ascii: "\"") || b == UInt8(ascii: "'")) && isBlankOrEnd(byte(k - 1)) {
                    quote = b
                } else if b == UInt8(ascii: "(") {
                    depth += 1
                } else if b == UInt8(ascii: ")") {
                    depth -= 1
                    if depth == 0 { return k + 1 - p }
                }
                k += 1
            }
            return 0
        case UInt8(ascii: "["):
            // (`[^label]:` starts a footnote, whose text is prose, not an address.)
            guard atLineStart(p), byte(p + 1) != UInt8(ascii: "^") else { return 0 }
            var k = p + 1
            while let b = byte(k), b != UInt8(ascii: "]"), b != UInt8(ascii: "\n") { k += b == UInt8(ascii: "\\") ? 2 : 1 }
            guard byte(k) == UInt8(ascii: "]"), byte(k + 1) == UInt8(ascii: ":") else { return 0 }
            while let b = byte(k), b != UInt8(ascii: "\n") { k += 1 }
            return k - p
        default:
            // The byte before first: it rules out nearly every `h` and `w` of running text at once.
            guard mayStartBareAddress(at: p),
                  Self.bareAddressStarts.contains(where: { bytes[p...].starts(with: $0) }) else { return 0 }
            var k = p
            while let b = byte(k), b != UInt8(ascii: "<"), !isBlankOrEnd(b) { k += 1 }
            return k - p
        }
    }

    /// How GFM's bare autolinks start (its autolink extension).
    private static let bareAddressStarts = ["https://", "http://", "www."].map { Array($0.utf8) }

    // MARK: Tables

    /// GFM pads every row of a table to its header's width, and Debian's libcmark-gfm does it without a
    /// bound: 300 header cells over 300 one-cell rows (2 KB) became 90,000 cells. A table whose padded size
    /// is far beyond its source (over 50,000 cells and over 8 per source byte) is reported, and its
    /// delimiter row's first `-` is escaped so that cmark reads the lines as a paragraph, without padding.
    /// Returns whether it copied the delimiter row so.
    private mutating func defuseOversizedTable() -> Bool {
        var j = i
        while j < bytes.count, isSpace(bytes[j]) || bytes[j] == UInt8(ascii: ">") { j += 1 }
        let rowStart = j
        var columns = 0, inDashes = false, pipes = 0
        while j < bytes.count, bytes[j] != UInt8(ascii: "\n") {
            switch bytes[j] {
            case UInt8(ascii: "-"): if !inDashes { columns += 1; inDashes = true }
            case UInt8(ascii: "|"): pipes += 1; inDashes = false
            case UInt8(ascii: ":"), 0x20, 0x09: break
            default: return false
            }
            j += 1
        }
        guard columns > 1 || pipes > 0, lineStart > 0 else { return false }
        var rows = 0, end = j
        while end < bytes.count, !blankLineFollows(end) {
            rows += 1
            end += 1
            while end < bytes.count, bytes[end] != UInt8(ascii: "\n") { end += 1 }
        }
        let cells = columns * rows
        let sourceBytes = end - lineStart
        guard cells > 50_000, cells > 8 * sourceBytes else { return false }
        diagnostics.append(.warning("a table of \(columns) columns and \(rows) rows would be padded to \(cells) cells: shown as text", at: location(of: rowStart), rule: .tableSize))
        guard let dash = bytes[rowStart..<j].firstIndex(of: UInt8(ascii: "-")) else { return false }
        copy(dash - i)
        out.append(UInt8(ascii: "\\"))
        copy(1)
        anchors[line, default: []].append((output: out.count - outLineStart + 1, source: i - lineStart + 1))
        return true
    }

    private mutating func protectMath(texFrom a: Int, to b: Int, spanEnd: Int, display: Bool) {
        let tex = String(decoding: withoutQuoteMarkers(a, b), as: UTF8.self)
        protected.append(.math(Math(tex: tex, display: display), location: location(of: i)))
        emitPlaceholder(spanEnd: spanEnd)
    }

    private mutating func protectExpression(content: String, contentStart: Int, spanEnd: Int) {
        let spanLocation = location(of: i)
        // CommonMark strips one leading space from a code span; columns count from the first kept byte.
        let leading = content.prefix { $0 == " " }.utf8.count
        let body = content.trimmingWhitespace()
        switch InlineExpressionSyntax.parse(body, spanLocation: spanLocation,
                                            bodyLocation: location(of: contentStart + leading)) {
        case .success(let expression):
            protected.append(.expression(expression))
            emitPlaceholder(spanEnd: spanEnd)
        case .failure(let diagnostic):
            diagnostics.append(diagnostic)
            copy(spanEnd - i)
        }
    }

    private mutating func emitPlaceholder(spanEnd: Int) {
        originals.append(String(decoding: bytes[i..<spanEnd], as: UTF8.self))
        // `open`, the number in decimal, `close`: written as bytes (U+E000 and U+E001 are EE 80 80 and EE 80 81).
        out.append(contentsOf: [0xEE, 0x80, 0x80])
        appendDecimal(protected.count - 1)
        out.append(contentsOf: [0xEE, 0x80, 0x81])
        var j = i
        while j < spanEnd {
            if bytes[j] == UInt8(ascii: "\n") {
                out.append(UInt8(ascii: "\n"))
                outLineStart = out.count
                line += 1
                lineStart = j + 1
                var k = j + 1
                while k < spanEnd, isSpace(bytes[k]) || bytes[k] == UInt8(ascii: ">") { out.append(bytes[k]); k += 1 }
                out.append(contentsOf: [0xEE, 0x80, 0x82])  // `continuation`, U+E002
            }
            j += 1
        }
        i = spanEnd
        anchors[line, default: []].append((output: out.count - outLineStart + 1, source: spanEnd - lineStart + 1))
    }

    private mutating func appendDecimal(_ number: Int) {
        var divisor = 1
        while divisor <= number / 10 { divisor *= 10 }
        var rest = number
        while divisor > 0 {
            out.append(UInt8(ascii: "0") + UInt8(rest / divisor))
            rest %= divisor
            divisor /= 10
        }
    }

    /// The source column of `column` (1-based, in the guarded text) on file line `line`.
    func sourceColumn(line: Int, column: Int) -> Int {
        // A line's anchors are in column order: binary search, as one line may hold thousands of spans.
        guard let list = anchors[line] else { return column }
        var low = 0, high = list.count
        while low < high {
            let mid = (low + high) / 2
            if list[mid].output <= column { low = mid + 1 } else { high = mid }
        }
        guard low > 0 else { return column }
        return list[low - 1].source + (column - list[low - 1].output)
    }

    /// The TeX between `a` and `b`, without the `>` markers that continue a block quote on its later lines:
    /// those are Markdown (the placeholder keeps them), not TeX.
    private func withoutQuoteMarkers(_ a: Int, _ b: Int) -> ArraySlice<UInt8> {
        // One line (nearly every formula): nothing to take out, no copy.
        if !bytes[a..<b].contains(UInt8(ascii: "\n")) { return bytes[a..<b] }
        var tex: [UInt8] = []
        var j = a
        while j < b {
            tex.append(bytes[j])
            j += 1
            guard bytes[j - 1] == UInt8(ascii: "\n") else { continue }
            var k = j
            while k < b, isSpace(bytes[k]) || bytes[k] == UInt8(ascii: ">") { k += 1 }
            if let lastMarker = bytes[j..<k].lastIndex(of: UInt8(ascii: ">")) {
                j = lastMarker + 1
                if j < b, bytes[j] == 0x20 { j += 1 }
            }
        }
        return tex[...]
    }

    // MARK: Lines and bytes

    private func fenceAt(_ p: Int) -> (char: UInt8, length: Int, rest: ArraySlice<UInt8>)? {
        var j = p
        while j < bytes.count, isSpace(bytes[j]) || bytes[j] == UInt8(ascii: ">") { j += 1 }
        guard j < bytes.count, bytes[j] == UInt8(ascii: "`") || bytes[j] == UInt8(ascii: "~") else { return nil }
        let c = bytes[j]
        var k = j
        while k < bytes.count, bytes[k] == c { k += 1 }
        guard k - j >= 3 else { return nil }
        var e = k
        while e < bytes.count, bytes[e] != UInt8(ascii: "\n") { e += 1 }
        return (c, k - j, bytes[k..<e])
    }

    private mutating func find(_ needle: [UInt8], from: Int) -> Int? {
        // A search that failed from an earlier place up to `stop` fails from here too: without
        // this, a paragraph of 10,000 unclosed `\(` took 10^8 steps.
        if let failed = failedSearches[needle], failed.from <= from, from < failed.stop { return nil }
        var j = from
        while j + needle.count <= bytes.count {
            // As for `$…$`: a backtick starts a code span, and math never runs into one.
            if bytes[j] == UInt8(ascii: "\n") && blankLineFollows(j) || bytes[j] == UInt8(ascii: "`") { break }
            if bytes[j] == needle[0], bytes[j..<j + needle.count].elementsEqual(needle) { return j }
            j += 1
        }
        failedSearches[needle] = (from, j)
        return nil
    }

    /// Whether the line after the newline at `p` is blank (math and code spans never cross a paragraph).
    private func blankLineFollows(_ p: Int) -> Bool {
        var j = p + 1
        while j < bytes.count, isSpace(bytes[j]) || bytes[j] == UInt8(ascii: ">") { j += 1 }
        return j >= bytes.count || bytes[j] == UInt8(ascii: "\n")
    }

    private mutating func copyLine() {
        var e = i
        while e < bytes.count, bytes[e] != UInt8(ascii: "\n") { e += 1 }
        copy(min(e + 1, bytes.count) - i)
    }

    /// Copies `n` bytes as they are (a code span, a fence's lines, an address) in one append, then moves the
    /// line count past the newlines among them.
    private mutating func copy(_ n: Int) {
        let start = i, end = i + n, outStart = out.count
        out.append(contentsOf: bytes[start..<end])
        var newlines = 0, lastNewline = -1
        bytes.withUnsafeBufferPointer { b in
            for j in start..<end where b[j] == UInt8(ascii: "\n") {
                newlines += 1
                lastNewline = j
            }
        }
        if newlines > 0 {
            line += newlines
            lineStart = lastNewline + 1
            outLineStart = outStart + (lastNewline + 1 - start)
        }
        i = end
    }

    private func location(of p: Int) -> SourceLocation {
        var l = line
        var ls = lineStart
        if p < lineStart {  // only when asked about an earlier byte of the current span
            l = start.line + bytes[0..<p].filter { $0 == UInt8(ascii: "\n") }.count
            ls = (bytes[0..<p].lastIndex(of: UInt8(ascii: "\n")) ?? -1) + 1
        } else {
            // bytes[lineStart..<i] hold no newline (copying moves lineStart past each), so the scan
            // starts at i: from lineStart it made a long line of spans quadratic.
            for j in max(lineStart, min(i, p))..<p where bytes[j] == UInt8(ascii: "\n") { l += 1; ls = j + 1 }
        }
        let column = (l == start.line ? start.column - 1 : 0) + (p - ls) + 1
        return start.moved(toLine: l, column: column)
    }

    private func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 }
}

private extension UInt8 {
    var isASCIILetterOrDigit: Bool {
        (self >= 0x30 && self <= 0x39) || (self >= 0x41 && self <= 0x5A) || (self >= 0x61 && self <= 0x7A)
    }
}
