import Foundation
import Yams

/// Reads the YAML block between `---` lines at the top of a notebook.
enum FrontMatterParser {
    /// Splits off front matter. Returns the parsed value, the number of lines it occupied (0 if none)
    /// and diagnostics for bad YAML, unknown keys or a missing closing line.
    static func parse(lines: [Substring], file: String) -> (FrontMatter, lineCount: Int, [Diagnostic]) {
        guard lines.first == "---" else { return (FrontMatter(), 0, []) }
        guard let end = lines.dropFirst().firstIndex(where: { $0 == "---" || $0 == "..." }) else {
            // With no closing line, `---` opens front matter only if a `key:` follows; otherwise it is a thematic break.
            let looksLikeYAML = lines.dropFirst().first?.range(of: #"^[A-Za-z_][\w-]*:"#, options: .regularExpression) != nil
            return (FrontMatter(), 0, looksLikeYAML
                ? [.error("front matter opened with '---' is never closed", at: SourceLocation(file: file, line: 1), rule: .frontMatter)] : [])
        }
        if let matter = quotedTitles(lines[1..<end]) { return (matter, end + 1, []) }
        let yaml = lines[1..<end].joined(separator: "\n")
        var diagnostics: [Diagnostic] = []
        var matter = FrontMatter()
        do {
            let node = try Yams.compose(yaml: yaml)
            guard let mapping = node?.mapping else {
                if node != nil { diagnostics.append(.error("front matter must be a mapping of keys to values", at: SourceLocation(file: file, line: 2), rule: .frontMatter)) }
                return (matter, end + 1, diagnostics)
            }
            for (keyNode, value) in mapping {
                let key = keyNode.string ?? ""
                let at = SourceLocation(file: file, line: (keyNode.mark?.line ?? 0) + 1, column: keyNode.mark?.column ?? 1)
                switch key {
                case "title": matter.title = value.string
                case "deck": matter.deck = value.string
                case "tags":
                    if let seq = value.sequence {
                        matter.tags = seq.compactMap(\.string)
                    } else if let s = value.string {
                        matter.tags = s.split(whereSeparator: { $0 == "," || $0 == " " }).map(String.init)
                    }
                case "unsafe-html":
                    guard let b = value.bool else {
                        diagnostics.append(.error("'unsafe-html' must be true or false", at: at, rule: .frontMatter))
                        continue
                    }
                    matter.unsafeHTML = b
                case "macros":
                    guard let entries = value.mapping else {
                        diagnostics.append(.error("'macros' must map macro names to their TeX, e.g. 'RR: \\mathbb{R}'", at: at, rule: .frontMatter))
                        continue
                    }
                    for (name, expansion) in entries {
                        guard let name = name.string, !name.isEmpty, let tex = expansion.string else { continue }
                        matter.macros[name.hasPrefix("\\") ? name : "\\" + name] = tex
                    }
                case "imported-from", "import-hash": break  // the marks `tally import` writes; only the importer reads them
                default:
                    diagnostics.append(.warning("unknown front matter key '\(key)' (known: \(FrontMatter.keys.joined(separator: ", ")))", at: at, rule: .unknownFrontMatterKey))
                }
            }
        } catch let error as YamlError {
            diagnostics.append(.error("invalid YAML: \(describe(error))", at: location(of: error, file: file), rule: .frontMatter))
        } catch {
            diagnostics.append(.error("invalid YAML: \(error)", at: SourceLocation(file: file, line: 2), rule: .frontMatter))
        }
        return (matter, end + 1, diagnostics)
    }

    /// The keys `quotedTitles` reads itself.
    private static let quotedKeys: Set<Substring> = ["title", "deck", "imported-from", "import-hash"]

    /// Front matter made only of `key: "text"` lines with the keys `title`, `deck`, `imported-from` and
    /// `import-hash` (each once) and text of `isPlainQuoted` characters, as `tally import` writes it: read
    /// without Yams, whose setup cost as much as the rest of a small notebook. Such a line is a YAML
    /// double-quoted scalar without escapes, whose value is the text between the quotes. Nil for anything
    /// else, which Yams reads.
    private static func quotedTitles(_ lines: ArraySlice<Substring>) -> FrontMatter? {
        var matter = FrontMatter()
        var seen: Set<Substring> = []
        for line in lines {
            let bytes = line.utf8
            guard let colon = bytes.firstIndex(of: UInt8(ascii: ":")) else { return nil }
            let key = line[..<colon]
            guard quotedKeys.contains(key), seen.insert(key).inserted else { return nil }
            let rest = bytes[bytes.index(after: colon)...]
            guard rest.starts(with: " \"".utf8), rest.count >= 3, rest.last == UInt8(ascii: "\"") else { return nil }
            let text = Substring(rest.dropFirst(2).dropLast())
            guard text.unicodeScalars.allSatisfy(isPlainQuoted) else { return nil }
            let value = String(text)
            switch key {
            case "title": matter.title = value
            case "deck": matter.deck = value
            default: break
            }
        }
        return matter
    }

    /// Whether `scalar` stands for itself inside a YAML double-quoted scalar, as libyaml (Yams) reads one:
    /// printable ASCII but `"` and `\`, and the printable characters of the Basic Multilingual Plane
    /// (YAML 1.1's `c-printable` from U+00A0) but the line and paragraph separators, which YAML 1.1 reads
    /// as line breaks, and U+FEFF, which libyaml does not count as printable. Titles cut short with `…`
    /// are read here.
    private static func isPlainQuoted(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x20...0x7E: return scalar != "\"" && scalar != "\\"
        case 0xA0...0xD7FF: return scalar.value != 0x2028 && scalar.value != 0x2029
        case 0xE000...0xFFFD: return scalar.value != 0xFEFF
        default: return false
        }
    }

    /// Yams reports 1-based lines within the YAML text, which starts on the file's second line.
    private static func location(of error: YamlError, file: String) -> SourceLocation {
        switch error {
        case .scanner(_, _, let mark, _), .parser(_, _, let mark, _), .composer(_, _, let mark, _):
            return SourceLocation(file: file, line: mark.line + 1, column: mark.column)
        default:
            return SourceLocation(file: file, line: 2)
        }
    }

    private static func describe(_ error: YamlError) -> String {
        switch error {
        case .scanner(let context, let problem, _, _), .parser(let context, let problem, _, _),
             .composer(let context, let problem, _, _):
            return [context?.text, problem].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: ": ")
        default:
            return "\(error)"
        }
    }
}
