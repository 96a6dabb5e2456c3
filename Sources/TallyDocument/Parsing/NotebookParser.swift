import Foundation

/// Parses one file into a `Notebook`: front matter, Markdown (with math guarded), cells and cards,
/// every node carrying its position. Deck files (card blocks with `card_id:`) are recognised and read as-is.
public enum NotebookParser {
    public static func parse(_ text: String, path: String) -> (notebook: Notebook, diagnostics: [Diagnostic]) {
        let normalized = normalize(text)
        let lines = normalized.lines()
        if DeckFileParser.looksLikeDeckFile(lines) {
            return DeckFileParser.parse(lines: lines, path: path)
        }
        var diagnostics: [Diagnostic] = []
        var (frontMatter, frontMatterLines, frontMatterDiagnostics) = FrontMatterParser.parse(lines: lines, file: path)
        diagnostics += frontMatterDiagnostics

        var body = Array(lines[frontMatterLines...])
        let firstLine = frontMatterLines + 1
        let formulaScan = FormulaCheckScanner.scan(&body, firstLine: firstLine, file: path)
        var formulaChecks = formulaScan.checks
        diagnostics += formulaScan.diagnostics
        let scanner = CardScanner(lines: body, firstLine: firstLine, file: path)
        diagnostics += scanner.diagnostics

        // Every location below is this one moved: the path is looked up once per file (`SourceLocation`).
        let origin = SourceLocation(file: path, line: 1)
        var blocks: [Block] = []
        var segmentStart = 0
        func addMarkdown(upTo end: Int) {
            guard end > segmentStart else { return }
            // Blank lines between two cards hold no block: no parser is started for them.
            if body[segmentStart..<end].allSatisfy({ $0.utf8.allSatisfy { $0 == 0x20 || $0 == 0x09 } }) { return }
            let source = body[segmentStart..<end].joinedLines()
            let result = MarkdownConverter.blocks(from: source, start: origin.moved(toLine: firstLine + segmentStart))
            blocks += result.blocks
            diagnostics += result.diagnostics
        }
        // Cards in Obsidian's syntax, in notes that opt in as Obsidian's plugin wants (`#flashcards`).
        let obsidianTags = ObsidianTags.find(in: body)
        frontMatter.tags += obsidianTags.filter { !frontMatter.tags.contains($0) }
        let inline = InlineFlashcards.isEnabled(tags: frontMatter.tags)
            ? InlineFlashcards.scan(body, excluded: scanner.cards.map { $0.openLine...($0.closeLine ?? $0.openLine) }) : []
        // Both kinds of card in the order they stand, each closing the Markdown before it.
        let spans: [(start: Int, end: Int, build: () -> (Card?, [Diagnostic]))] =
            (scanner.cards.map { fence in (fence.openLine, fence.closeLine ?? fence.openLine,
                                           { buildCard(fence, lines: body, firstLine: firstLine, origin: origin) }) }
             + inline.map { card in (card.lines.lowerBound, card.lines.upperBound,
                                     { buildCard(card, lines: body, firstLine: firstLine, origin: origin) }) })
            .sorted { $0.start < $1.start }
        for span in spans {
            addMarkdown(upTo: span.start)
            let (card, cardDiagnostics) = span.build()
            diagnostics += cardDiagnostics
            if let card {
                blocks.append(Block(.card(card), at: card.location))
                let lines = (firstLine + span.start)...(firstLine + span.end)
                for k in formulaChecks.indices where lines.contains(formulaChecks[k].location.line) { formulaChecks[k].cardID = card.id }
            }
            segmentStart = span.end + 1
        }
        addMarkdown(upTo: body.count)

        var cellIndex = 0
        for i in blocks.indices {
            if case .cell(var cell) = blocks[i].kind {
                cell.index = cellIndex
                cellIndex += 1
                blocks[i].kind = .cell(cell)
            }
        }
        var notebook = Notebook(path: path, format: .notebook, frontMatter: frontMatter, blocks: blocks)
        notebook.formulaChecks = formulaChecks
        return (notebook, diagnostics + NotebookChecks.run(notebook))
    }

    private static func buildCard(_ inline: InlineFlashcard, lines: [Substring], firstLine: Int,
                                  origin: SourceLocation) -> (Card?, [Diagnostic]) {
        let at = origin.moved(toLine: firstLine + inline.lines.lowerBound)
        let front = MarkdownConverter.blocks(from: inline.front, start: origin.moved(toLine: firstLine + inline.frontLine))
        let back = MarkdownConverter.blocks(from: inline.back, start: origin.moved(toLine: firstLine + inline.backLine))
        let card = Card(id: CardIdentity.assignedID(front: inline.front), identity: .assigned,
                        front: front.blocks, back: back.blocks, frontSource: inline.front, backSource: inline.back,
                        classes: ["inline"] + (inline.reversed ? ["reversed"] : []), location: at, headerLocation: at)
        return (card, front.diagnostics + back.diagnostics)
    }

    private static func buildCard(_ fence: CardFence, lines: [Substring], firstLine: Int,
                                  origin: SourceLocation) -> (Card?, [Diagnostic]) {
        let openAt = origin.moved(toLine: firstLine + fence.openLine)
        var diagnostics = fence.attributeProblems.map {
            Diagnostic.error($0.0, at: origin.moved(toLine: openAt.line, column: $0.1), rule: .cardAttribute)
        }
        guard let close = fence.closeLine else { return (nil, diagnostics) }
        guard let separator = fence.separatorLine else {
            diagnostics.append(.error("card has no '---' line between its front and its back", at: openAt, rule: .cardSyntax))
            return (nil, diagnostics)
        }
        let side = CardSide.self
        let front = side.parse(lines: lines, range: (fence.openLine + 1)..<separator, firstLine: firstLine, origin: origin)
        let back = side.parse(lines: lines, range: (separator + 1)..<close, firstLine: firstLine, origin: origin)
        diagnostics += front.diagnostics + back.diagnostics
        let headerEnd = origin.moved(toLine: openAt.line, column: lines[fence.openLine].utf8.count + 1)
        var card = Card(id: fence.id ?? CardIdentity.assignedID(front: front.source),
                        identity: fence.id == nil ? .assigned : .written,
                        front: front.blocks, back: back.blocks, frontSource: front.source, backSource: back.source,
                        classes: fence.classes, location: openAt, headerLocation: headerEnd)
        card.attributes = fence.attributes
        return (card, diagnostics)
    }

    /// One BOM and CR line endings would otherwise shift every column and line.
    static func normalize(_ text: String) -> String {
        var t = text
        if t.utf8.starts(with: [0xEF, 0xBB, 0xBF]) { t.removeFirst() }
        // Bytes, not `contains("\r")`: Foundation's search bridged the whole file to UTF-16 (a tenth of a load).
        if t.containsByte(UInt8(ascii: "\r")) {
            t = t.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
        }
        return t
    }
}

/// The front or the back of a card: its own Markdown segment, parsed at its own lines.
enum CardSide {
    static func parse(lines: [Substring], range: Range<Int>, firstLine: Int,
                      origin: SourceLocation) -> (blocks: [Block], source: String, diagnostics: [Diagnostic]) {
        let source = lines[range].joinedLines()
        let result = MarkdownConverter.blocks(from: source, start: origin.moved(toLine: firstLine + range.lowerBound))
        return (result.blocks, source.trimmingWhitespaceAndNewlines(), result.diagnostics)
    }
}
