/// Anchors for headings, made as GitHub makes them (github-slugger), so links written for GitHub keep
/// working: lower-case the text, drop everything but letters, digits, marks, `-`, `_` and spaces, turn each
/// space into `-`; a repeated anchor gets `-1`, `-2`, … (the second `Example` is `example-1`). A heading
/// with no such character (only math symbols, say) is `section`, then `section-1`, ….
public struct SlugMaker {
    private var used: Set<String> = []
    private var occurrences: [String: Int] = [:]

    public init() {}

    /// The anchor for a heading whose plain text is `text`, unique among those this maker gave out.
    public mutating func slug(for text: String) -> String {
        var base = ""
        for scalar in text.lowercased().unicodeScalars {
            if scalar == " " {
                base.append("-")
            } else if scalar == "-" || scalar == "_" || scalar.properties.isAlphabetic || scalar.properties.numericType != nil
                        || scalar.properties.generalCategory == .nonspacingMark || scalar.properties.generalCategory == .spacingMark {
                base.unicodeScalars.append(scalar)
            }
        }
        if base.isEmpty { base = "section" }
        var slug = base
        while used.contains(slug) {
            let n = occurrences[base, default: 0] + 1
            occurrences[base] = n
            slug = "\(base)-\(n)"
        }
        used.insert(slug)
        return slug
    }
}
