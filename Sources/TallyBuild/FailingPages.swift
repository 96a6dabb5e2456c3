import TallyDocument

extension BuildPipeline {
    /// The notebooks that get a page under `tally serve` (`showFailingNotebooks`): every notebook read, in the order
    /// read, whatever its errors (the site lists them on its page), then a page with no content for each file that
    /// could not be read at all (unreadable, not UTF-8), so that its page shows why instead of going missing.
    public static func pageNotebooks(_ sources: SourceSet) -> [Notebook] {
        let read = Set(sources.notebooks.map(\.path))
        var unread: [String] = []
        for diagnostic in sources.diagnostics where [.unreadableFile, .invalidUTF8].contains(diagnostic.rule) {
            let path = diagnostic.location.file
            if !read.contains(path), !unread.contains(path) { unread.append(path) }
        }
        return sources.notebooks + unread.map { Notebook(path: $0, format: .notebook, frontMatter: FrontMatter(), blocks: []) }
    }
}
