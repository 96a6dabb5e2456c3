import Foundation

/// Reads the inside of a `` `{swift …} expr [=> stated]` `` code span.
enum InlineExpressionSyntax {
    /// printf-style formats that make sense for a number.
    static let formatPattern = #"^%[-+ 0#]*[0-9]*(\.[0-9]+)?[fFeEgGd]$"#

    static func parse(_ body: String, spanLocation: SourceLocation,
                      bodyLocation: SourceLocation) -> Result<InlineExpression, Diagnostic> {
        guard body.hasPrefix("{swift"), let closeBrace = body.firstIndex(of: "}") else {
            return .failure(.error("inline expression must start with '{swift}' or '{swift FORMAT}'", at: spanLocation, rule: .inlineExpressionSyntax))
        }
        let header = body[body.index(body.startIndex, offsetBy: 6)..<closeBrace].trimmingWhitespace()
        var format: String?
        if !header.isEmpty {
            guard header.range(of: formatPattern, options: .regularExpression) != nil else {
                return .failure(.error("'\(header)' is not a printf-style number format such as %.3f", at: spanLocation, rule: .inlineExpressionSyntax))
            }
            format = header
        }
        let afterBrace = body[body.index(after: closeBrace)...]
        let rest = String(afterBrace)
        let restOffset = body.utf8.distance(from: body.startIndex, to: body.index(after: closeBrace))
        func column(_ utf8Offset: Int) -> SourceLocation {
            bodyLocation.moved(toLine: bodyLocation.line, column: bodyLocation.column + restOffset + utf8Offset)
        }
        var expressionText = rest
        var stated: StatedValue?
        if let arrow = rest.range(of: "=>") {
            expressionText = String(rest[..<arrow.lowerBound])
            let statedText = String(rest[arrow.upperBound...])
            let statedOffset = rest.utf8.distance(from: rest.startIndex, to: arrow.upperBound)
            switch StatedValue.parse(statedText, at: column(statedOffset)) {
            case .success(let value): stated = value
            case .failure(let e): return .failure(.error(e.message, at: e.location, rule: .inlineExpressionSyntax))
            }
        }
        let leading = expressionText.prefix { $0 == " " }.utf8.count
        let expression = expressionText.trimmingWhitespace()
        guard !expression.isEmpty else {
            return .failure(.error("inline expression has no Swift expression", at: spanLocation, rule: .inlineExpressionSyntax))
        }
        return .success(InlineExpression(expression: expression, format: format, stated: stated,
                                         location: spanLocation, expressionLocation: column(leading)))
    }
}
