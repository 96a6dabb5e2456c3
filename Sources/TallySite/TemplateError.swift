import Foundation
import Mustache
import TallyDocument

/// A template that does not parse, said where and why in plain words
/// (`templates/notebook.mustache:3:14: error: section 'broken' is never closed [template]`) instead of
/// swift-mustache's internal error value.
enum TemplateError {
    /// The diagnostic for `error`, thrown by swift-mustache while parsing `source` (the text of `file`).
    static func diagnostic(_ error: Error, source: String, file: String) -> Diagnostic {
        let context = (error as? MustacheLibrary.ParserError)?.context ?? (error as? MustacheTemplate.ParserError)?.context
        let cause = (error as? MustacheLibrary.ParserError)?.error ?? (error as? MustacheTemplate.ParserError)?.error ?? error
        let at = context.map { SourceLocation(file: file, line: $0.lineNumber, column: max(1, $0.columnNumber)) }
            ?? SourceLocation(file: file, line: 1)
        let sections = SectionScan(source, file: file)
        switch cause as? MustacheTemplate.Error {
        case .unfinishedName?:
            // The tag runs from the last `{{` before the failing column to it.
            if let context {
                let before = String(context.line.prefix(max(0, context.columnNumber - 1)))
                if let open = before.range(of: "{{", options: .backwards) {
                    let tag = String(before[open.lowerBound...])
                    let column = before[..<open.lowerBound].utf8.count + 1
                    return .error("tag '\(tag)' is not finished: a tag ends with '}}'",
                                  at: SourceLocation(file: file, line: context.lineNumber, column: column), rule: .template)
                }
            }
            return .error("a tag is not finished: a tag ends with '}}'", at: at, rule: .template)
        case .expectedSectionEnd?:
            if let open = sections.unclosed {
                return .error("section '\(open.name)' is never closed (it needs '{{/\(open.name)}}')", at: open.location, rule: .template)
            }
            return .error("a section is never closed", at: at, rule: .template)
        case .sectionCloseNameIncorrect?:
            if let mismatch = sections.mismatch {
                return .error("'{{/\(mismatch.close.name)}}' does not close the open section '\(mismatch.open.name)' (line \(mismatch.open.location.line))",
                              at: mismatch.close.location, rule: .template)
            }
            return .error("a section is closed with the wrong name", at: at, rule: .template)
        default:
            return .error("template does not parse (\(cause))", at: at, rule: .template)
        }
    }

    /// The section tags of a template (`{{#name}}`, `{{^name}}`, `{{/name}}`), matched up in order.
    private struct SectionScan {
        struct Tag { var name: String; var location: SourceLocation }
        var unclosed: Tag?
        var mismatch: (open: Tag, close: Tag)?

        init(_ source: String, file: String) {
            var stack: [Tag] = []
            for (index, line) in source.components(separatedBy: "\n").enumerated() {
                var rest = Substring(line)
                while let open = rest.range(of: "{{") {
                    guard let close = rest[open.upperBound...].range(of: "}}") else { break }
                    let body = rest[open.upperBound..<close.lowerBound].trimmingWhitespace()
                    let column = line[..<open.lowerBound].utf8.count + 1
                    rest = rest[close.upperBound...]
                    guard let kind = body.first, "#^/".contains(kind) else { continue }
                    let tag = Tag(name: body.dropFirst().trimmingWhitespace(),
                                  location: SourceLocation(file: file, line: index + 1, column: column))
                    if kind == "/" {
                        guard let top = stack.popLast() else { continue }
                        if top.name != tag.name, mismatch == nil { mismatch = (top, tag) }
                    } else {
                        stack.append(tag)
                    }
                }
            }
            unclosed = stack.last
        }
    }
}
