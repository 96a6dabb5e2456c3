/// Rule `duplicate-card-id`: a card id is the Anki note's identity, so it must be unique across everything
/// built together. Each later use is an error at its card naming the first. Judged from the notebooks'
/// summaries (every card the document walk meets), in the order they are built.
public enum DuplicateCardIDChecker {
    public static func check(_ summaries: [NotebookSummary]) -> [Diagnostic] {
        var problems: [Diagnostic] = []
        var first: [String: SourceLocation] = [:]
        first.reserveCapacity(summaries.reduce(0) { $0 + $1.cards.count })
        for card in summaries.lazy.flatMap(\.cards) {
            if let earlier = first[card.id] {
                problems.append(.error("duplicate card id '\(card.id)' (first used at \(earlier))", at: card.location, rule: .duplicateCardID))
            } else {
                first[card.id] = card.location
            }
        }
        return problems
    }
}
