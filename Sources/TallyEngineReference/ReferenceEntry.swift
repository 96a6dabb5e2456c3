/// One public symbol as the reference shows it, with the members declared beside it.
public struct ReferenceEntry: Sendable {
    /// The mangled name, unique across overloads.
    public var id: String
    /// Qualified as it is written in code: `gelu(_:approximate:)`, `Tensor.matmul(_:)`.
    public var title: String
    /// The last part of the title: `matmul(_:)`, as a member is listed under its type.
    public var name: String
    /// "Function", "Structure", "Instance Method", …
    public var kind: String
    public var kindIdentifier: String
    public var declaration: [SymbolGraph.Symbol.Fragment]
    /// The doc comment's lines (Markdown), or nil when the symbol has none.
    public var doc: [String]?
    /// Set when the comment is inherited from a protocol requirement in another module.
    public var docModule: String?
    /// The source file relative to the engine's sources (`Activations/GELU.swift`) and its 1-based line.
    public var file: String
    public var line: Int
    /// The class it inherits from and the protocols it conforms to: (mangled name, name).
    public var superclass: [(id: String, name: String)] = []
    public var conformances: [(id: String, name: String)] = []
    /// Members declared in the same topic, in kind order then source order.
    public var members: [ReferenceEntry] = []
    /// The anchor on its topic's page, and that page's file name.
    public var anchor = ""
    public var page = ""

    public var isDocumented: Bool { !(doc ?? []).allSatisfy { $0.trimmingCharacters(in: .whitespaces).isEmpty } }
    public var source: String { "\(file):\(line)" }

    /// The doc comment's first sentence, for the table of contents.
    public var summary: String {
        let paragraph = (doc ?? []).prefix { !$0.trimmingCharacters(in: .whitespaces).isEmpty }.joined(separator: " ")
        guard let end = paragraph.range(of: ". ") else { return paragraph }
        return String(paragraph[..<end.lowerBound]) + "."
    }
}
