/// The site's own stylesheet and script (`Resources/assets/`), written into `assets/` unless
/// `templates/assets/` overrides them. Light and dark follow the system setting; below 760px the
/// sidebar folds into a menu; print shows every card with its back.
enum DefaultTheme {
    /// `tally.css`.
    static func css() throws -> String {
        try BuiltInFiles.text("assets/tally.css")
    }

    /// The parts of `tally.js`, in order: `helpers` (shared by the keyboard handlers) comes first,
    /// then math typesetting (when not done at build time), the sidebar's list of notebooks (from `nav.js`),
    /// navigation, scrollable blocks, search, the cards page and review.
    static let scriptParts = ["helpers", "math", "sidebar", "navigation", "scrollable", "search", "cards", "review"]

    /// `tally.js`: every part in one file, inside one function so no name leaks into the page.
    static func script() throws -> String {
        let parts = try scriptParts.map { try BuiltInFiles.text("assets/scripts/\($0).js") }
        return "\"use strict\";\n(function () {\n" + parts.joined(separator: "\n") + "}());\n"
    }
}
