import Foundation

/// Turns one math-guarded Markdown segment into Tally's blocks, putting math and inline
/// expressions back where the guard left placeholders. Line numbers come out as in the file.
struct MarkdownConverter {
    /// The segment's start: its file, looked up once (`SourceLocation.moved` keeps it).
    let start: SourceLocation
    /// The file line of the segment's first line, minus one.
    let lineOffset: Int
    /// The segment's original text; its lines (for code fences and positions of cell options) are split
    /// only when a code block asks.
    let source: String
    private lazy var sourceLines: [Substring] = source.lines()
    let guarded: MathGuard
    private(set) var diagnostics: [Diagnostic] = []

    /// Deeper nesting (quotes, lists, emphasis, links) is an error and left out: converting and
    /// rendering recurse once per level, and 10,000 `>` overflowed the stack.
    static let maxDepth = 64
    private var depth = 0
    /// Footnote definitions so far: cmark-gfm puts them in the order of their numbers.
    private var footnotes = 0
    private var reportedDepth = false

    init(start: SourceLocation, source: String, guarded: MathGuard) {
        self.start = start
        self.lineOffset = start.line - 1
        self.source = source
        self.guarded = guarded
    }

    /// Parses `source` (which starts at `start`) into blocks, with diagnostics from the guard and the conversion.
    static func blocks(from source: String, start: SourceLocation) -> (blocks: [Block], diagnostics: [Diagnostic]) {
        var guardian = MathGuard(text: source, start: start)
        let protected = guardian.run()
        var converter = MarkdownConverter(start: start, source: source, guarded: guardian)
        let blocks = CmarkParser.withDocument(protected) { converter.convertChildren(of: CmarkNode(pointer: $0)) }
        return (blocks, guardian.diagnostics + converter.diagnostics)
    }

    private func location(_ node: CmarkNode) -> SourceLocation {
        let line = lineOffset + max(node.startLine, 1)
        return start.moved(toLine: line, column: guarded.sourceColumn(line: line, column: max(node.startColumn, 1)))
    }

    // MARK: Blocks

    mutating func convertChildren(of node: CmarkNode) -> [Block] {
        guard enterNested(at: location(node)) else { return [] }
        defer { depth -= 1 }
        return node.children.compactMap { convertBlock($0) }
    }

    /// Counts one level in; false (with one error per segment) past `maxDepth`.
    private mutating func enterNested(at: SourceLocation) -> Bool {
        guard depth < Self.maxDepth else {
            if !reportedDepth {
                reportedDepth = true
                diagnostics.append(.error("nested more than \(Self.maxDepth) levels deep (quotes, lists, emphasis or links): the deeper part is left out", at: at, rule: .nestingDepth))
            }
            return false
        }
        depth += 1
        return true
    }

    private mutating func convertBlock(_ node: CmarkNode) -> Block? {
        let at = location(node)
        switch node.kind {
        case .paragraph:
            return Block(.paragraph(convertInlines(of: node, at: at)), at: at)
        case .heading:
            return Block(.heading(level: node.headingLevel, convertInlines(of: node, at: at)), at: at)
        case .blockQuote:
            let blocks = convertChildren(of: node)
            return Block(CalloutSyntax.callout(in: blocks).map(Block.Kind.callout) ?? .blockQuote(blocks), at: at)
        case .list:
            let items = node.children.map { item in
                List.Item(checked: item.kind == .other("tasklist") ? item.isTaskChecked : nil, blocks: convertChildren(of: item))
            }
            return Block(.list(List(ordered: node.isOrderedList, start: node.listStart, tight: node.listIsTight,
                                    items: items)), at: at)
        case .codeBlock:
            return convertCodeBlock(node, at: at)
        case .htmlBlock:
            return Block(.html(restoreOriginals(node.literal)), at: at)
        case .thematicBreak:
            return Block(.thematicBreak, at: at)
        case .other("table"):
            return Block(.table(convertTable(node, at: at)), at: at)
        case _ where node.isFootnoteDefinition:
            footnotes += 1
            return Block(.footnoteDefinition(number: footnotes, convertChildren(of: node)), at: at)
        default:
            // Extension blocks we do not enable: keep their content.
            let inner = convertChildren(of: node)
            return inner.isEmpty ? nil : Block(.blockQuote(inner), at: at)
        }
    }

    private mutating func convertCodeBlock(_ node: CmarkNode, at: SourceLocation) -> Block {
        let code = restoreOriginals(node.literal)
        if let fence = node.fence, !isClosingFence(line: node.endLine, fence) {
            diagnostics.append(.error("unterminated code fence: no closing \(String(repeating: Character(Unicode.Scalar(fence.char)), count: fence.length)) line", at: at, rule: .unterminatedCodeFence))
        }
        let words = node.fenceInfo.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
        if node.isFenced, words.first == "math" {
            // GitHub's ```math fence: display math (the TeX without the fence's final newline).
            let tex = code.hasSuffix("\n") ? String(code.dropLast()) : code
            return Block(.paragraph([Inline(.math(Math(tex: tex, display: true)), at: at)]), at: at)
        }
        guard node.isFenced, words.first == "swift" else {
            return Block(.code(language: words.first ?? "", code: code), at: at)
        }
        var options = Cell.Options()
        var optionWords: [Cell.OptionWord] = []
        for word in words.dropFirst() {
            optionWords.append(Cell.OptionWord(word, at: optionLocation(word, fence: at)))
            switch word {
            case "hide": options.hide = true
            case "no-run": options.noRun = true
            case "expect-error": options.expectError = true
            default: break  // reported by UnknownCellOptionChecker
            }
        }
        let cell = Cell(index: -1, code: code, options: options, optionWords: optionWords, location: at,
                        codeLocation: at.moved(toLine: at.line + 1))
        return Block(.cell(cell), at: at)
    }

    /// Whether the segment's `line` (1-based) closes a fence: at least as many fence characters, then only blanks.
    /// cmark ends a closed fenced block on its closing line, an unclosed one wherever its container ended.
    private mutating func isClosingFence(line: Int, _ fence: (char: UInt8, length: Int)) -> Bool {
        guard sourceLines.indices.contains(line - 1) else { return false }
        let bytes = Array(sourceLines[line - 1].utf8).drop { $0 == 0x20 || $0 == 0x09 || $0 == UInt8(ascii: ">") }
        let run = bytes.prefix { $0 == fence.char }.count
        return run >= fence.length && bytes.dropFirst(run).allSatisfy { $0 == 0x20 || $0 == 0x09 }
    }

    /// Where `word` stands among the option words of the info string (after the fence and the language),
    /// so that `swift hide hid` points at `hid`, not at the `hid` inside `hide`.
    private mutating func optionLocation(_ word: String, fence: SourceLocation) -> SourceLocation {
        let index = fence.line - lineOffset - 1
        guard sourceLines.indices.contains(index) else { return fence }
        let bytes = Array(sourceLines[index].utf8)
        var j = fence.column - 1
        guard bytes.indices.contains(j) else { return fence }
        let marker = bytes[j]
        while j < bytes.count, bytes[j] == marker { j += 1 }
        func isBlank(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 }
        var isLanguage = true
        while j < bytes.count {
            while j < bytes.count, isBlank(bytes[j]) { j += 1 }
            let start = j
            while j < bytes.count, !isBlank(bytes[j]) { j += 1 }
            guard start < j else { break }
            if !isLanguage, String(decoding: bytes[start..<j], as: UTF8.self) == word {
                return self.start.moved(toLine: fence.line, column: start + 1)
            }
            isLanguage = false
        }
        return fence
    }

    private mutating func convertTable(_ node: CmarkNode, at: SourceLocation) -> Table {
        var header: [[Inline]] = []
        var rows: [[[Inline]]] = []
        for (index, row) in node.children.enumerated() {
            // GFM removes the backslash of `\|` in a cell before reading its inlines: inside math too.
            let cells = row.children.map { convertInlines(of: $0, at: location($0)).map(Self.unescapingPipes) }
            if index == 0 { header = cells } else { rows.append(cells) }
        }
        return Table(alignments: node.tableAlignments, header: header, rows: rows)
    }

    private static func unescapingPipes(_ inline: Inline) -> Inline {
        guard case .math(var math) = inline.kind, math.tex.containsBytes("\\|") else { return inline }
        math.tex = math.tex.replacingOccurrences(of: "\\|", with: "|")
        return Inline(.math(math), at: inline.location)
    }

    // MARK: Inlines

    private mutating func convertInlines(of node: CmarkNode, at parent: SourceLocation) -> [Inline] {
        guard enterNested(at: parent) else { return [] }
        defer { depth -= 1 }
        var result: [Inline] = []
        // cmark splits text at some punctuation: adjacent text nodes are gathered here and become one
        // inline (at the first one's place), appended to once instead of concatenated pairwise.
        var text: (String, SourceLocation)?
        // What the runs hold, noted as each is made, so that the passes below are skipped (most runs hold
        // none of it) without reading every inline again.
        var hasPlaceholder = false, hasWikiLink = false, hasCloze = false
        func flushText() {
            guard let (string, at) = text else { return }
            hasPlaceholder = hasPlaceholder || string.containsByte(0xEE)
            hasWikiLink = hasWikiLink || string.containsBytes("[[")
            hasCloze = hasCloze || string.containsBytes("{{c")
            result.append(Inline(.text(string), at: at))
            text = nil
        }
        for child in node.children {
            let childKind = child.kind
            if case .text = childKind {
                if text == nil { text = (child.literal, child.startLine > 0 ? location(child) : parent) } else { text!.0 += child.literal }
                continue
            }
            let at = child.startLine > 0 ? location(child) : parent
            let kind: Inline.Kind
            switch childKind {
            case .softBreak: kind = .softBreak
            case .lineBreak: kind = .lineBreak
            case .code: kind = .code(restoreOriginals(child.literal))
            case .htmlInline: kind = .html(restoreOriginals(child.literal))
            case _ where child.isFootnoteReference: kind = .footnoteReference(number: Int(child.literal) ?? 0)
            case .emphasis: kind = .emphasis(convertInlines(of: child, at: at))
            case .strong: kind = .strong(convertInlines(of: child, at: at))
            case .other("strikethrough"): kind = .strikethrough(convertInlines(of: child, at: at))
            case .link:
                // A destination or title never holds math: what the guard replaced there is put back as written.
                let url = restoreOriginals(child.url, unescaping: true)
                if let text = autolinkText(child, url: url) {
                    kind = .link(destination: url, title: "", [Inline(.text(text), at: at)])
                } else {
                    kind = .link(destination: url, title: restoreOriginals(child.title, unescaping: true), convertInlines(of: child, at: at))
                }
            case .image:
                kind = .image(source: restoreOriginals(child.url, unescaping: true), title: restoreOriginals(child.title, unescaping: true),
                              alt: convertInlines(of: child, at: at))
            default:
                if text == nil { text = (child.literal, at) } else { text!.0 += child.literal }
                continue
            }
            flushText()
            result.append(Inline(kind, at: at))
        }
        flushText()
        // Putting math back and splitting out wikilinks cut text runs, never join them: a run without the
        // guard's characters, `[[` or `{{c` has none after either.
        let restored = hasPlaceholder ? restorePlaceholders(result) : result
        let linked = !hasWikiLink ? restored : restored.flatMap { inline -> [Inline] in
            guard case .text(let text) = inline.kind, let parts = WikiLinkSyntax.split(text) else { return [inline] }
            return parts.map { Inline($0, at: inline.location) }
        }
        return hasCloze ? ClozeSyntax.group(linked) : linked
    }

    /// CommonMark's backslash escapes: a backslash before ASCII punctuation is removed.
    private static func backslashUnescaped(_ text: String) -> String {
        var out = ""
        var escaped = false
        for c in text {
            if escaped {
                if !(c.isASCII && c.isPunctuation || c.isASCII && c.isSymbol) { out.append("\\") }
                out.append(c)
                escaped = false
            } else if c == "\\" {
                escaped = true
            } else {
                out.append(c)
            }
        }
        return escaped ? out + "\\" : out
    }

    /// The text of an autolink (`<https://…>`, or a bare `www.…`/`https://…` of GFM's extension), as written:
    /// its text is its address, so it holds no math either. Nil for other links.
    private func autolinkText(_ link: CmarkNode, url: String) -> String? {
        let children = Array(link.children)
        guard children.count == 1, children[0].kind == .text else { return nil }
        let text = restoreOriginals(children[0].literal)
        guard text != children[0].literal || url != link.url else { return nil }  // nothing was guarded
        for prefix in ["", "mailto:", "http://"] where prefix + text == url { return text }
        return nil
    }

    /// Replaces placeholder runs in text with math and expression nodes, and drops continuation marks
    /// together with the soft break before them.
    private func restorePlaceholders(_ inlines: [Inline]) -> [Inline] {
        guard inlines.contains(where: { if case .text(let s) = $0.kind { return s.containsByte(0xEE) } else { return false } }) else {
            return inlines  // no placeholder anywhere: the same array, not a copy
        }
        var result: [Inline] = []
        for inline in inlines {
            // The guard's characters are U+E000–U+E002, whose UTF-8 starts with 0xEE: most text has none.
            guard case .text(let text) = inline.kind, text.containsByte(0xEE) else {
                result.append(inline)
                continue
            }
            // Jumps from one 0xEE byte to the next; the text between is kept as one slice. Each candidate
            // is compared as the Character that starts there, as a walk over Characters would see it.
            var pendingStart = text.startIndex
            func flush(upTo end: String.Index) {
                if pendingStart < end { result.append(Inline(.text(String(text[pendingStart..<end])), at: inline.location)) }
            }
            var index = text.startIndex
            while let candidate = text.utf8[index...].firstIndex(of: 0xEE) {
                let c = text[candidate]
                let after = text.index(after: candidate)
                if c == MathGuard.continuation {
                    flush(upTo: candidate)
                    if case .softBreak? = result.last?.kind { result.removeLast() }
                    pendingStart = after
                    index = after
                } else if c == MathGuard.open, let close = text[candidate...].firstIndex(of: MathGuard.close),
                          let number = Int(text[after..<close]), guarded.protected.indices.contains(number) {
                    flush(upTo: candidate)
                    switch guarded.protected[number] {
                    case .math(let math, let location): result.append(Inline(.math(math), at: location))
                    case .expression(let e): result.append(Inline(.expression(e), at: e.location))
                    }
                    pendingStart = text.index(after: close)
                    index = pendingStart
                } else {
                    index = text.utf8.index(after: candidate)
                }
            }
            flush(upTo: text.endIndex)
        }
        return result
    }

    /// Code, HTML and other literal text shows what was written, placeholders undone. In a link's destination
    /// or title (`unescaping`), cmark would have removed the backslash of an escaped punctuation character in
    /// what the guard took: `[link](\\(foo\\))` goes to `(foo)`.
    private func restoreOriginals(_ literal: String, unescaping: Bool = false) -> String {
        guard literal.containsByte(0xEE),  // the guard's characters' first byte: most literals have none
              literal.contains(MathGuard.open) || literal.contains(MathGuard.continuation) else { return literal }
        var out = ""
        var rest = Substring(literal)
        while let c = rest.first {
            if c == MathGuard.open, let close = rest.firstIndex(of: MathGuard.close),
               let index = Int(rest[rest.index(after: rest.startIndex)..<close]), guarded.originals.indices.contains(index) {
                out += unescaping ? Self.backslashUnescaped(guarded.originals[index]) : guarded.originals[index]
                rest = rest[rest.index(after: close)...]
            } else if c == "\n", let mark = rest.dropFirst().firstIndex(where: { $0 != " " && $0 != "\t" && $0 != ">" }),
                      rest[mark] == MathGuard.continuation {
                rest = rest[rest.index(after: mark)...]  // the newline is already inside the original
            } else {
                out.append(c)
                rest = rest.dropFirst()
            }
        }
        return out
    }
}
