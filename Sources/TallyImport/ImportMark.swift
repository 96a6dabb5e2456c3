import TallyHashing

/// The two front-matter lines `tally import` writes, and what they tell on the next import:
/// `imported-from:` marks a notebook as the importer's, and `import-hash:` is the SHA-256 of
/// everything it wrote except that line, so an edit by the user (in the body or the front matter)
/// is seen and never overwritten.
enum ImportMark {
    static let fromKey = "imported-from"
    static let hashKey = "import-hash"

    /// `markdown` (which must carry a `import-hash: ""` placeholder line) with the hash filled in.
    static func sealed(_ markdown: String) -> String {
        markdown.replacingOccurrences(of: "\n\(hashKey): \"\"\n", with: "\n\(hashKey): \"\(hash(ofUnsealed: markdown))\"\n")
    }

    /// What `text`'s marks say about it.
    enum State: Equatable {
        /// No `imported-from:`: the user's own notebook.
        case foreign
        /// Imported, and unchanged since (its hash holds).
        case asImported
        /// Imported, then edited (or written by a Tally that kept no hash).
        case edited
    }

    static func state(of text: String) -> State {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard lines.first == "---" else { return .foreign }
        let front = lines.dropFirst().prefix { $0 != "---" }
        guard front.contains(where: { $0.hasPrefix("\(fromKey):") }) else { return .foreign }
        guard let hashLine = front.first(where: { $0.hasPrefix("\(hashKey):") }) else { return .edited }
        let unsealed = text.replacingOccurrences(of: "\n\(hashLine)\n", with: "\n\(hashKey): \"\"\n")
        return hashLine == "\(hashKey): \"\(hash(ofUnsealed: unsealed))\"" ? .asImported : .edited
    }

    private static func hash(ofUnsealed markdown: String) -> String {
        String(SHA256.hex(Array(markdown.utf8)).prefix(16))
    }
}
