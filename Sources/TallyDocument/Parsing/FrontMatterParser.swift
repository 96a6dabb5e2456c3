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
