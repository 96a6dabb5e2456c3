/// A count with its noun in the right number, for messages and pages: `counted(1, "card")` is "1 card",
/// `counted(0, "card")` and `counted(2, "card")` are "0 cards" and "2 cards" (English: the plural is
/// `plural`, by default the noun with an "s").
public func counted(_ count: Int, _ noun: String, plural: String? = nil) -> String {
    "\(count) \(count == 1 ? noun : plural ?? noun + "s")"
}

/// "3 of 4 stated values hold", "1 of 1 stated value holds": how many stated numbers held, as the
/// build and check summaries and each notebook page say it.
public func statedValuesHold(_ passed: Int, of total: Int) -> String {
    "\(passed) of \(counted(total, "stated value")) \(total == 1 ? "holds" : "hold")"
}
