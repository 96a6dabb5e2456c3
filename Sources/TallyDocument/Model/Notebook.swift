/// One source file, parsed once: a notebook (Markdown with cells and cards) or a deck file (card blocks).
///
/// A notebook loaded from its kept summary (`init(kept:text:path:sourceDigest:)`: its file unchanged since
/// an earlier run) has its blocks parsed from its text the first time they are read; until then a
/// build reads its `summary`. Either way, values are the same: equality and hashing see the blocks.
public struct Notebook: Hashable, Sendable {
    public enum Format: String, Hashable, Sendable, Codable { case notebook, deckFile }

    /// The path as the user gave it (relative to the working directory when possible): it names the file in diagnostics.
    public var path: String
    public var format: Format
    public var frontMatter: FrontMatter
    /// The notebook's blocks (for a kept notebook, parsed on first read; setting them drops the kept summary).
    public var blocks: [Block] {
        get { body.parsed.blocks }
        set {
            body = Body(blocks: newValue, formulaChecks: formulaChecks)
            kept = nil
        }
    }
    /// The display formulas marked `{check …}`, in reading order (prose and cards).
    public var formulaChecks: [FormulaCheck] {
        get { body.parsed.formulaChecks }
        set { body = Body(blocks: blocks, formulaChecks: newValue) }
    }
    /// SHA-256 (hex) of the file's bytes as read, set by `SourceLoader` ("" for a notebook made in
    /// memory): what a build keys the notebook's cached page on.
    public var sourceDigest = ""

    private var body: Body
    /// The summary made by the loader (kept from an earlier run, or made after parsing), while the
    /// blocks are those it was made from.
    var kept: NotebookSummary?

    public init(path: String, format: Format, frontMatter: FrontMatter, blocks: [Block]) {
        self.path = path
        self.format = format
        self.frontMatter = frontMatter
        self.body = Body(blocks: blocks, formulaChecks: [])
    }

    /// A notebook whose file is unchanged since `kept` was made from it: `parse` (the parser, given the
    /// file's `text`) runs only when the blocks are first read.
    public init(kept: NotebookSummary, path: String, sourceDigest: String,
                parse: @escaping @Sendable () -> (blocks: [Block], formulaChecks: [FormulaCheck])) {
        self.path = path
        self.format = kept.format
        self.frontMatter = kept.frontMatter
        self.sourceDigest = sourceDigest
        self.body = Body(parse: parse)
        self.kept = kept
    }

    /// Whether the blocks have not been parsed (a kept notebook nothing has read the blocks of yet).
    public var isUnparsed: Bool { kept != nil && !body.isParsed }

    /// Parses, on every core, the blocks of those of `notebooks` not parsed yet: for what reads every
    /// notebook's blocks (the deck), which would otherwise parse them one at a time as it reaches them.
    public static func parseBlocks(of notebooks: [Notebook]) {
        _ = notebooks.filter(\.isUnparsed).concurrentMap { $0.blocks.count }
    }

    /// What the rest of a build needs of the notebook (see `NotebookSummary`): the kept one, else made
    /// from the blocks (`diagnostics` then empty: the loader keeps what parsing reported).
    public var summary: NotebookSummary { kept ?? NotebookSummary(self, diagnostics: []) }

    /// The front matter's title, else the first heading, else the file name.
    public var title: String {
        if let kept { return kept.title }
        if let t = frontMatter.title, !t.isEmpty { return t }
        for block in blocks {
            if case .heading(_, let inlines) = block.kind { return inlines.plainText }
        }
        let name = path.split(separator: "/").last.map(String.init) ?? path
        return name.split(separator: ".").first.map(String.init) ?? name
    }

    public var cards: [Card] {
        blocks.compactMap { if case .card(let c) = $0.kind { return c } else { return nil } }
    }

    public var cells: [Cell] {
        blocks.compactMap { if case .cell(let c) = $0.kind { return c } else { return nil } }
    }

    public static func == (a: Notebook, b: Notebook) -> Bool {
        a.path == b.path && a.format == b.format && a.frontMatter == b.frontMatter && a.sourceDigest == b.sourceDigest
            && a.blocks == b.blocks && a.formulaChecks == b.formulaChecks
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(path)
        hasher.combine(sourceDigest)
        hasher.combine(blocks)
    }

    /// The blocks, given or parsed once on first use (from any thread).
    private final class Body: Sendable {
        typealias Parsed = (blocks: [Block], formulaChecks: [FormulaCheck])
        private let value: Locked<Parsed?>
        private let parse: (@Sendable () -> Parsed)?

        init(blocks: [Block], formulaChecks: [FormulaCheck]) {
            value = Locked((blocks, formulaChecks))
            parse = nil
        }

        init(parse: @escaping @Sendable () -> Parsed) {
            value = Locked(nil)
            self.parse = parse
        }

        var isParsed: Bool { value.withLock { $0 != nil } }

        var parsed: Parsed {
            value.withLock { kept in
                if let kept { return kept }
                let made = parse!()
                kept = made
                return made
            }
        }
    }
}
