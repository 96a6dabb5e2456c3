/// Anchors for headings: lower-case words joined by `-`, made unique within a page.
public struct SlugMaker {
    private var used: [String: Int] = [:]

    public init() {}

    public mutating func slug(for text: String) -> String {
        var base = ""
        var pendingDash = false
        for c in text.lowercased() {
            if c.isLetter || c.isNumber {
                if pendingDash && !base.isEmpty { base.append("-") }
                base.append(c)
                pendingDash = false
            } else {
                pendingDash = true
            }
        }
        if base.isEmpty { base = "section" }
        let n = used[base, default: 0]
        used[base] = n + 1
        return n == 0 ? base : "\(base)-\(n + 1)"
    }
}
