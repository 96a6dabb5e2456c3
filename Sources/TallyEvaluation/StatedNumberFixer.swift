import Foundation
import TallyDocument
import TallyResults

/// One stated number to rewrite: `original` at `location` becomes `replacement`.
public struct StatedNumberFix: Hashable, Sendable {
    public var location: SourceLocation
    public var original: String
    public var replacement: String
}

/// `tally check --fix`: rewrites wrong stated numbers to the computed ones, written with the same
/// number of decimals (and exponent notation if they used it), touching no other byte of the file.
public enum StatedNumberFixer {
    /// The rewrites that correct every wrong number of `evaluation`'s failed checks. Checks whose
    /// shape is wrong, or whose computed number is nan or infinite, cannot be fixed this way.
    public static func fixes(for evaluation: NotebookEvaluation) -> [StatedNumberFix] {
        evaluation.checks.flatMap(\.wrongNumbers).compactMap { wrong in
            guard let text = NumberFormatting.rewritten(wrong.computed, like: wrong.stated),
                  text != wrong.stated.text else { return nil }
            return StatedNumberFix(location: wrong.stated.location, original: wrong.stated.text, replacement: text)
        }
    }

    /// `data` with the fixes applied; a fix whose original text is not at its place (the file
    /// changed since it was read) is skipped and returned.
    public static func apply(_ fixes: [StatedNumberFix], to data: Data) -> (data: Data, skipped: [StatedNumberFix]) {
        let bytes = [UInt8](data)
        let lineStarts = self.lineStarts(bytes)
        var edits: [(range: Range<Int>, replacement: [UInt8])] = []
        var skipped: [StatedNumberFix] = []
        for fix in fixes {
            let original = Array(fix.original.utf8)
            guard lineStarts.indices.contains(fix.location.line - 1) else { skipped.append(fix); continue }
            let start = lineStarts[fix.location.line - 1] + fix.location.column - 1
            let range = start ..< start + original.count
            guard range.upperBound <= bytes.count, Array(bytes[range]) == original,
                  !edits.contains(where: { $0.range.overlaps(range) }) else { skipped.append(fix); continue }
            edits.append((range, Array(fix.replacement.utf8)))
        }
        var result = bytes
        for edit in edits.sorted(by: { $0.range.lowerBound > $1.range.lowerBound }) {
            result.replaceSubrange(edit.range, with: edit.replacement)
        }
        return (Data(result), skipped)
    }

    /// Applies the fixes to `file` and replaces it atomically (a temporary file renamed over it,
    /// keeping its permissions).
    public static func fix(file: URL, with fixes: [StatedNumberFix]) throws -> (applied: Int, skipped: [StatedNumberFix]) {
        let data = try Data(contentsOf: file)
        let (fixed, skipped) = apply(fixes, to: data)
        guard fixed != data else { return (0, skipped) }
        let temporary = file.deletingLastPathComponent().appendingPathComponent(".\(file.lastPathComponent).tally-fix")
        try fixed.write(to: temporary)
        if let permissions = try? FileManager.default.attributesOfItem(atPath: file.path)[.posixPermissions] {
            try? FileManager.default.setAttributes([.posixPermissions: permissions], ofItemAtPath: temporary.path)
        }
        guard rename(temporary.path, file.path) == 0 else {
            try? FileManager.default.removeItem(at: temporary)
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: file.path])
        }
        return (fixes.count - skipped.count, skipped)
    }

    /// Byte offsets where lines start, as the parser counts them: after `\n`, `\r\n` or a lone `\r`;
    /// a leading byte-order mark is not part of line 1's columns.
    private static func lineStarts(_ bytes: [UInt8]) -> [Int] {
        var starts = [bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0]
        var i = 0
        while i < bytes.count {
            if bytes[i] == 0x0A || (bytes[i] == 0x0D && (i + 1 == bytes.count || bytes[i + 1] != 0x0A)) {
                starts.append(i + 1)
            }
            i += 1
        }
        return starts
    }
}
