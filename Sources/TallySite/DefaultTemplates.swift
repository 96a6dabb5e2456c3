/// The built-in page templates (Mustache, in `Resources/templates/`), used for every template a project's
/// `templates/` folder does not provide. `Resources/templates/README.md` lists the values each receives;
/// `tally templates --write templates/` copies the templates and that README out for editing.
enum DefaultTemplates {
    /// Every page template, by name (the file is `NAME.mustache`).
    static let names = ["layout", "index", "notebook", "cards", "review"]

    /// The built-in text of template `name`.
    static func text(_ name: String) throws -> String {
        try BuiltInFiles.text("templates/\(name).mustache")
    }

    /// The README written beside the templates: the values each template receives.
    static func readme() throws -> String {
        try BuiltInFiles.text("templates/README.md")
    }
}
