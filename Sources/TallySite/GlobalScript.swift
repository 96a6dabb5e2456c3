import Foundation

/// A data file the pages load with `<script src>`: a script that sets one global to a JSON value.
/// The site's shared data (`search-index.js`, `nav.js`) is written this way rather than as JSON files
/// because browsers refuse to `fetch` a local file from `file://`, and readers open the site from disk.
enum GlobalScript {
    /// `window.NAME = JSON;` plus a newline, with keys sorted (the same input gives the same bytes) and
    /// slashes unescaped. `name` is written as is: pass a JavaScript identifier. Throws only if
    /// `JSONEncoder` refuses `value` (it does not for strings, numbers and arrays of them).
    static func assigning<Value: Encodable>(_ name: String, to value: Value) throws -> String {
        assigning(name, json: try json(value))
    }

    /// `window.NAME = [A, B, …];` from JSON arrays encoded apart (`json(_:)`): the same bytes as
    /// encoding their elements as one array, without encoding them again.
    static func assigning(_ name: String, concatenating arrays: [String]) -> String {
        assigning(name, json: "[" + arrays.map { $0.dropFirst().dropLast() }.filter { !$0.isEmpty }.joined(separator: ",") + "]")
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
