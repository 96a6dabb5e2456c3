import Foundation

/// What a built site keeps in its per-notebook data scripts — each notebook's cards (`cards/PAGE.js`)
/// and search entries (`search/PAGE.js`), each `(window.NAME = window.NAME || {})["PAGE"] = JSON;` —
/// decoded, for tests that look at the cards or entries as the pages receive them.
public enum SiteParts {
    /// The HTML of every card on the site (the strings of every `cards/**/*.js`, files in path order),
    /// joined. Throws when a file is not such a script.
    public static func cardsHTML(in site: URL) throws -> String {
        try scripts(in: site.appendingPathComponent("cards")).map { try value(of: $0) as? [String] ?? [] }
            .joined().joined()
    }

    /// Every search entry of the site (`search/**/*.js`, files in path order) as JSON objects.
    public static func searchEntries(in site: URL) throws -> [[String: String]] {
        try scripts(in: site.appendingPathComponent("search")).flatMap { try value(of: $0) as? [[String: String]] ?? [] }
    }

    /// The text of every search part (`search/**/*.js`, files in path order), joined: the entries as JSON.
    public static func searchScripts(in site: URL) throws -> String {
        try scripts(in: site.appendingPathComponent("search")).joined()
    }

    /// The JSON value a part's script assigns. Throws when `script` has no `] = ` or its JSON is invalid.
    public static func value(of script: String) throws -> Any {
        guard let start = script.range(of: "] = ")?.upperBound, script.hasSuffix(";\n") else {
            throw CocoaError(.fileReadCorruptFile)
        }
        return try JSONSerialization.jsonObject(with: Data(script[start...].dropLast(2).utf8))
    }

    /// The `.js` files under `folder` (recursively), by path; none when there is no folder.
    private static func scripts(in folder: URL) throws -> [String] {
        let paths = (FileManager.default.enumerator(atPath: folder.path)?.allObjects as? [String] ?? [])
            .filter { $0.hasSuffix(".js") }.sorted()
        return try paths.map { try String(contentsOf: folder.appendingPathComponent($0), encoding: .utf8) }
    }
}
