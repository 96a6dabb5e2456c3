import Foundation

/// A value that a note states, to be checked against a computation: a number (or vector, or matrix)
/// `0.739`, `0.739 ± 0.001`, `[0.1, 0.2]`, `[[0.1, 0.2], [0.3, 0.4]]`, `12.5 ± 1%`; a percentage
/// `12.5%` (states 0.125); a number with thousands separators `1,234,567` (outside lists, where the
/// comma separates elements); or an exact value `true`, `false`, `"adam"` (compared exactly).
public struct StatedValue: Hashable, Sendable, Codable {
    /// One written number, with where it stands so that `--fix` can rewrite exactly it.
    public struct Number: Hashable, Sendable, Codable {
        /// The number as written, without a percent sign (`12.5` of `12.5%`, `1,234,567`).
        public var text: String
        /// What it states: `12.5%` states 0.125.
        public var value: Double
        public var location: SourceLocation
        /// Written as a percentage (`12.5%`): `value` is `text`'s number divided by 100.
        public var isPercentage = false

        public init(text: String, value: Double, location: SourceLocation, isPercentage: Bool = false) {
            self.text = text
            self.value = value
            self.location = location
            self.isPercentage = isPercentage
        }

        /// Half a unit of the last written digit, in the unit of `value`: `0.739` → 0.0005, `12` → 0.5,
        /// `1.5e-3` → 0.00005, `12.5%` → 0.0005.
        public var halfUnitOfLastDigit: Double {
            let lower = text.lowercased().replacingOccurrences(of: "−", with: "-").replacingOccurrences(of: ",", with: "")
            let parts = lower.split(separator: "e", maxSplits: 1)
            let mantissa = parts[0]
            let exponent = parts.count > 1 ? Int(parts[1]) ?? 0 : 0
            let decimals = mantissa.split(separator: ".", omittingEmptySubsequences: false).dropFirst().first?.count ?? 0
            return 0.5 * pow(10, Double(exponent - decimals)) * (isPercentage ? 0.01 : 1)
        }
    }

    /// A value compared exactly, not within a tolerance.
    public enum Exact: Hashable, Sendable, Codable {
        case boolean(Bool)
        case string(String)
    }

    public enum Tolerance: Hashable, Sendable, Codable {
        /// Half a unit of the last written digit of each number.
        case lastDigit
        case absolute(Double)
        /// A fraction of each stated number (`± 1%` is 0.01).
        case relative(Double)
    }

    /// The numbers in row-major order (none for an exact value).
    public var numbers: [Number]
    /// `true`, `false` or a string literal, compared exactly; nil for numbers.
    public var exact: Exact? = nil
    /// `[]` for a scalar, `[n]` for a vector, `[rows, columns]` for a matrix.
    public var shape: [Int]
    public var tolerance: Tolerance
    /// The whole statement as written, e.g. `0.739 ± 0.001`.
    public var text: String
    /// The value as written, without its tolerance (`0.739`): what prose shows.
    public var valueText: String
    public var location: SourceLocation

    /// The allowed distance from the `i`th number.
    public func allowedError(at i: Int) -> Double {
        switch tolerance {
        case .lastDigit: return numbers[i].halfUnitOfLastDigit
        case .absolute(let t): return t
        case .relative(let r): return abs(numbers[i].value) * r
        }
    }

    public var shapeDescription: String {
        shape.isEmpty ? "scalar" : shape.map(String.init).joined(separator: "×")
    }
}

extension StatedValue {
    public struct ParseError: Error, Hashable, Sendable {
        public var message: String
        public var location: SourceLocation
    }

    /// Parses `text`, which starts at `location` and lies on one line.
    public static func parse(_ text: String, at location: SourceLocation) -> Result<StatedValue, ParseError> {
        var parser = StatedValueParser(text: text, start: location)
        return parser.parse()
    }
}

/// A small recursive-descent parser over the statement's bytes (columns are byte offsets).
private struct StatedValueParser {
    let bytes: [UInt8]
    let text: String
    let start: SourceLocation
    var i = 0

    init(text: String, start: SourceLocation) {
        self.text = text
        self.bytes = Array(text.utf8)
        self.start = start
    }

    func here() -> SourceLocation { SourceLocation(file: start.file, line: start.line, column: start.column + i) }

    func fail(_ message: String) -> Result<StatedValue, StatedValue.ParseError> {
        .failure(.init(message: message, location: here()))
    }

    mutating func skipSpaces() { while i < bytes.count, bytes[i] == 0x20 || bytes[i] == 0x09 { i += 1 } }

    mutating func parse() -> Result<StatedValue, StatedValue.ParseError> {
        skipSpaces()
        if let exact = parseExact() { return exact }
        var numbers: [StatedValue.Number] = []
        var shape: [Int] = []
        if i < bytes.count, bytes[i] == UInt8(ascii: "[") {
            guard let s = parseList(into: &numbers) else { return fail("expected a number or a list like [0.1, 0.2]") }
            shape = s
        } else {
            guard var n = parseNumber(allowingSeparators: true) else { return fail("expected a number after '=>'") }
            if i < bytes.count, bytes[i] == UInt8(ascii: "%") {
                i += 1
                n.isPercentage = true
                n.value /= 100
            }
            numbers.append(n)
        }
        let valueEnd = i
        skipSpaces()
        var tolerance = StatedValue.Tolerance.lastDigit
        if i < bytes.count {
            guard consumeTolerancePrefix() else { return fail("unexpected text after the stated value (write a tolerance as '± 0.001')") }
            skipSpaces()
            guard let t = parseNumber() else { return fail("expected a tolerance after '±'") }
            skipSpaces()
            if i < bytes.count, bytes[i] == UInt8(ascii: "%") {
                i += 1
                tolerance = .relative(abs(t.value) / 100)
            } else {
                tolerance = .absolute(abs(t.value))
            }
            skipSpaces()
            if i < bytes.count { return fail("unexpected text after the tolerance") }
        }
        let trimmed = text.trimmingWhitespace()
        let value = String(decoding: bytes[..<valueEnd], as: UTF8.self).trimmingWhitespace()
        return .success(StatedValue(numbers: numbers, shape: shape, tolerance: tolerance, text: trimmed,
                                    valueText: value, location: start))
    }

    /// `true`, `false`, or a string literal `"adam"` (with `\"` and `\\` escapes), alone on the line.
    mutating func parseExact() -> Result<StatedValue, StatedValue.ParseError>? {
        let rest = String(decoding: bytes[i...], as: UTF8.self).trimmingWhitespace()
        let exact: StatedValue.Exact
        if rest == "true" || rest == "false" {
            exact = .boolean(rest == "true")
        } else if rest.hasPrefix("\""), rest.count >= 2, rest.hasSuffix("\""), let literal = Self.stringLiteral(rest) {
            exact = .string(literal)
        } else {
            return nil
        }
        return .success(StatedValue(numbers: [], exact: exact, shape: [], tolerance: .lastDigit, text: rest, valueText: rest, location: start))
    }

    /// The contents of `"…"`, or nil when a quote inside is not escaped.
    static func stringLiteral(_ text: String) -> String? {
        var result = ""
        var escaped = false
        for character in text.dropFirst().dropLast() {
            if escaped {
                switch character {
                case "n": result.append("\n")
                case "t": result.append("\t")
                default: result.append(character)
                }
                escaped = false
            } else if character == "\\" {
                escaped = true
            } else if character == "\"" {
                return nil
            } else {
                result.append(character)
            }
        }
        return escaped ? nil : result
    }

    mutating func consumeTolerancePrefix() -> Bool {
        for prefix in ["±", "+/-", "+-"] {
            let p = Array(prefix.utf8)
            if bytes.count - i >= p.count, Array(bytes[i..<i + p.count]) == p {
                i += p.count
                return true
            }
        }
        return false
    }

    /// Parses `[a, b]` or `[[a, b], [c, d]]`; returns the shape, or nil when malformed or ragged.
    mutating func parseList(into numbers: inout [StatedValue.Number]) -> [Int]? {
        guard bytes[i] == UInt8(ascii: "[") else { return nil }
        i += 1
        skipSpaces()
        var rows: [[Int]] = []
        var count = 0
        while true {
            skipSpaces()
            if i < bytes.count, bytes[i] == UInt8(ascii: "]"), count == 0 { i += 1; break }
            if i < bytes.count, bytes[i] == UInt8(ascii: "[") {
                guard let inner = parseList(into: &numbers), inner.count == 1 else { return nil }
                rows.append(inner)
            } else {
                guard let n = parseNumber() else { return nil }
                numbers.append(n)
            }
            count += 1
            skipSpaces()
            guard i < bytes.count else { return nil }
            if bytes[i] == UInt8(ascii: ",") { i += 1; continue }
            if bytes[i] == UInt8(ascii: "]") { i += 1; break }
            return nil
        }
        if rows.isEmpty { return [count] }
        guard rows.count == count, Set(rows).count == 1 else { return nil }
        return [count] + rows[0]
    }

    /// A number; with `allowingSeparators`, its integer part may be grouped by thousands (`1,234,567`:
    /// groups of exactly three digits after the first).
    mutating func parseNumber(allowingSeparators: Bool = false) -> StatedValue.Number? {
        let begin = i
        let minus = Array("−".utf8)
        if i < bytes.count, bytes[i] == UInt8(ascii: "-") || bytes[i] == UInt8(ascii: "+") {
            i += 1
        } else if bytes.count - i >= minus.count, Array(bytes[i..<i + minus.count]) == minus {
            i += minus.count
        }
        let digitsStart = i
        while i < bytes.count, isDigit(bytes[i]) { i += 1 }
        if allowingSeparators, (1...3).contains(i - digitsStart) {
            while bytes.count - i >= 4, bytes[i] == UInt8(ascii: ","), bytes[i + 1 ..< i + 4].allSatisfy(isDigit),
                  i + 4 == bytes.count || !isDigit(bytes[i + 4]) {
                i += 4
            }
        }
        if i < bytes.count, bytes[i] == UInt8(ascii: ".") {
            i += 1
            while i < bytes.count, isDigit(bytes[i]) { i += 1 }
        }
        guard i > digitsStart, bytes[digitsStart..<i].contains(where: isDigit) else { i = begin; return nil }
        if i < bytes.count, bytes[i] == UInt8(ascii: "e") || bytes[i] == UInt8(ascii: "E") {
            var j = i + 1
            if j < bytes.count, bytes[j] == UInt8(ascii: "-") || bytes[j] == UInt8(ascii: "+") { j += 1 }
            if j < bytes.count, isDigit(bytes[j]) {
                while j < bytes.count, isDigit(bytes[j]) { j += 1 }
                i = j
            }
        }
        let written = String(decoding: bytes[begin..<i], as: UTF8.self)
        guard let value = Double(written.replacingOccurrences(of: "−", with: "-").replacingOccurrences(of: ",", with: "")) else { i = begin; return nil }
        let at = SourceLocation(file: start.file, line: start.line, column: start.column + begin)
        return StatedValue.Number(text: written, value: value, location: at)
    }

    func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }
}
