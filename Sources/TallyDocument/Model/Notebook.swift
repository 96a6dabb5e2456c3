/// One source file, parsed once: a notebook (Markdown with cells and cards) or a deck file (card blocks).
public struct Notebook: Hashable, Sendable {
    public enum Format: String, Hashable, Sendable { case notebook, deckFile }

    /// The path as the user gave it (relative to the working directory when possible): it names the file in diagnostics.
    public var path: String
    public var format: Format
    public var frontMatter: FrontMatter
    public var blocks: [Block]
    /// The display formulas marked `{check …}`, in reading order (prose and cards).
    public var formulaChecks: [FormulaCheck] = []
    /// SHA-256 (hex) of the file's bytes as read, set by `SourceLoader` ("" for a notebook made in
    /// memory): what a build keys the notebook's cached page on.
    public var sourceDigest = ""

    public init(path: String, format: Format, frontMatter: FrontMatter, blocks: [Block]) {
        self.path = path
        self.format = format
        self.frontMatter = frontMatter
        self.blocks = blocks
    }

    /// The front matter's title, else the first heading, else the file name.
    public var title: String {
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
}
