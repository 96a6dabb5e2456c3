import TallyHashing
/// A note's GUID, derived from its card's id alone, so that every rebuild (on any machine) names the same note.
///
/// Definition: the first 8 bytes of SHA-256 of the UTF-8 of `"tally-card:" + cardID`, as 16 lowercase hex digits.
/// The prefix keeps our GUIDs apart from those of other tools that hash the same strings.
public enum AnkiGUID {
    public static func forCard(id cardID: String) -> String {
        String(SHA256.hex(Array("tally-card:\(cardID)".utf8)).prefix(16))
    }
}
