/// Whether a checked formula holds, from the `formula` events its snippet sent.
public struct FormulaVerdict: Hashable, Sendable {
    public var holds: Bool
    /// Why not, for a diagnostic at the formula's line (rule `formula`):
    /// `formula does not hold: left θ_{t+1} = 1.8, right θ_t + η g_t = 2.2 (θ_t = 2, η = 0.25, g_t = 0.8)`
    /// or, for an identity, `formula does not hold: at x = -6: left 0.00247, right 0.00248`.
    /// A reading note (`z^2 is read as a power …`) and a suggestion (`it holds with - instead of +: …`)
    /// are appended as sentences when there are any. nil when it holds.
    public var message: String?
    /// The first candidate that holds at every point, as a suggestion, if candidates were evaluated.
    public var suggestion: String?
    /// How many points were compared (all of them when it holds).
    public var pointsTried: Int
    /// For the site's tooltip: the values and bindings (`θ_{t+1} = 1.8; θ_t = 2, η = 0.25`), or for an
    /// identity the points tried (`13 points of x in [-6, 6]`).
    public var detail: String

    /// Compares the sides at each point in order: numbers and tensors elementwise with the
    /// snippet's relative tolerance (`|a − b| ≤ tol · max(|a|, |b|) + tol · 1e-3`, so values that
    /// should be 0 may differ by rounding), shapes compared with dimensions of size 1 dropped (a
    /// 1×1 matrix equals a number, an n×1 column a vector of n), nan equal to nan and infinities
    /// to themselves. The first failing point decides; a program that stopped before every point
    /// was reported does not hold.
    public static func judge(_ snippet: FormulaSnippet, observations: [FormulaObservation]) -> FormulaVerdict {
        let own = observations.filter { $0.id == snippet.id }
        let main = own.filter { $0.candidate == nil }
        var verdict = FormulaVerdict(holds: true, message: nil, suggestion: nil, pointsTried: main.count, detail: "")
        for observation in main {
            if let failure = firstDisagreement(observation, snippet) {
                verdict.holds = false
                verdict.message = "formula does not hold: " + describe(failure, observation, snippet)
                break
            }
        }
        if verdict.holds, main.count < snippet.points.count {
            verdict.holds = false
            let at = snippet.variables.isEmpty ? "" : " at " + pointText(snippet.points[main.count], snippet)
            verdict.message = "formula was not evaluated\(at): the program stopped first"
        }
        verdict.detail = detail(main.first, snippet)
        guard !verdict.holds else { return verdict }
        for (k, suggestion) in snippet.candidates.enumerated() {
            let tries = own.filter { $0.candidate == k }
            if tries.count == snippet.points.count, tries.allSatisfy({ firstDisagreement($0, snippet) == nil }) {
                verdict.suggestion = suggestion
                break
            }
        }
        let extras = snippet.notes + [verdict.suggestion].compactMap { $0 }
        if !extras.isEmpty { verdict.message! += "; " + extras.joined(separator: "; ") }
        return verdict
    }

    private struct Disagreement {
        var left: Int
        var right: Int
        var shapes: Bool
    }

    private static func firstDisagreement(_ o: FormulaObservation, _ snippet: FormulaSnippet) -> Disagreement? {
        guard let first = o.sides.first else { return nil }
        for k in o.sides.indices.dropFirst() {
            switch compare(first, o.sides[k], tolerance: snippet.tolerance) {
            case .equal: continue
            case .shapes: return Disagreement(left: 0, right: k, shapes: true)
            case .values: return Disagreement(left: 0, right: k, shapes: false)
            }
        }
        return nil
    }

    enum Comparison { case equal, shapes, values }

    static func compare(_ a: FormulaObservation.Value, _ b: FormulaObservation.Value, tolerance: Double) -> Comparison {
        guard let x = a.values, let y = b.values else { return .values }
        let squeeze = { (shape: [Int]?) in (shape ?? []).filter { $0 != 1 } }
        guard squeeze(a.shape) == squeeze(b.shape), x.count == y.count else { return .shapes }
        for (p, q) in zip(x, y) {
            if p.isNaN && q.isNaN { continue }
            if p.isInfinite || q.isInfinite { if p == q { continue } else { return .values } }
            if abs(p - q) > tolerance * max(abs(p), abs(q)) + tolerance * 1e-3 { return .values }
        }
        return .equal
    }

    private static func describe(_ d: Disagreement, _ o: FormulaObservation, _ snippet: FormulaSnippet) -> String {
        let names = snippet.sides.count == 2 ? ["left", "right"] : snippet.sides.indices.map { "side \($0 + 1)" }
        let (l, r) = (o.sides[d.left], o.sides[d.right])
        let identity = !snippet.variables.isEmpty
        let at = identity ? "at " + pointText(o.coordinates, snippet) + ": " : ""
        let show = { (k: Int) in identity ? names[k] : "\(names[k]) \(snippet.sides[k])" }
        var text: String
        if d.shapes {
            text = at + "\(show(d.left)) has shape \(l.shape ?? []), \(show(d.right)) has shape \(r.shape ?? [])"
        } else {
            let (a, b) = FormulaNumberText.contrasting(l, r)
            text = at + "\(show(d.left)) \(identity ? "" : "= ")\(a), \(show(d.right)) \(identity ? "" : "= ")\(b)"
        }
        let bindings = bindingsText(o, snippet)
        if !bindings.isEmpty { text += " (\(bindings))" }
        return text
    }

    /// `θ_t = 2, η = 0.25, g_t = 0.8`: the reported values that are numbers, leaving out names that
    /// are a whole side (shown already) and functions.
    private static func bindingsText(_ o: FormulaObservation, _ snippet: FormulaSnippet) -> String {
        zip(snippet.bindingNames, o.bindings).compactMap { name, value in
            guard value.values != nil, !snippet.sides.contains(name) else { return nil }
            return "\(name) = \(FormulaNumberText.value(value))"
        }.joined(separator: ", ")
    }

    private static func pointText(_ coordinates: [Double], _ snippet: FormulaSnippet) -> String {
        zip(snippet.variables, coordinates).map { "\($0) = \(FormulaNumberText.text($1))" }.joined(separator: ", ")
    }

    private static func detail(_ first: FormulaObservation?, _ snippet: FormulaSnippet) -> String {
        if !snippet.variables.isEmpty {
            let ranges = snippet.variables.enumerated().map { k, name in
                let values = snippet.points.map { $0[k] }
                return "\(name) in [\(FormulaNumberText.text(values.min() ?? 0)), \(FormulaNumberText.text(values.max() ?? 0))]"
            }
            return "\(snippet.points.count) points of \(ranges.joined(separator: ", "))"
        }
        guard let first else { return "" }
        let value = first.sides.first.map { FormulaNumberText.value($0) } ?? ""
        let bindings = bindingsText(first, snippet)
        return "\(snippet.sides.first ?? "") = \(value)" + (bindings.isEmpty ? "" : "; " + bindings)
    }
}
