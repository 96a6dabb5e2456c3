import Foundation

/// A data file the pages load with `<script src>`: a script that sets one global to a JSON value.
/// The site's data (`nav.js`, `search-index.js`, each notebook's `cards/PAGE.js` and `search/PAGE.js`) is written this way rather than as JSON files
/// because browsers refuse to `fetch` a local file from `file://`, and readers open the site from disk.
enum GlobalScript {
    /// `window.NAME = JSON;` plus a newline, with keys sorted (the same input gives the same bytes) and
    /// slashes unescaped. `name` is written as is: pass a JavaScript identifier. Throws only if
    /// `JSONEncoder` refuses `value` (it does not for strings, numbers and arrays of them).
    static func assigning<Value: Encodable>(_ name: String, to value: Value) throws -> String {
        assigning(name, json: try json(value))
    }

    /// `(window.NAME = window.NAME || {})["KEY"] = JSON;` plus a newline: one part of a table many
    /// scripts fill (a notebook's cards or search entries, under its page's address), so each part is a
    /// file of its own that a page loads only when it needs it. `json` is the value as JSON text
    /// (`JSONText`), written as is.
    static func adding(_ name: String, key: String, json: String) -> String {
        // Joined (the standard library reserves the total length) rather than interpolated: `json` is a page's cards.
        ["(window.", name, " = window.", name, " || {})[", JSONText.quoted(key), "] = ", json, ";\n"].joined()
    }

    /// `value` as compact JSON, keys sorted, slashes unescaped.
    static func json<Value: Encodable>(_ value: Value) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    private static func assigning(_ name: String, json: String) -> String {
        "window.\(name) = \(json);\n"
    }
}
