/// A notebook's cards for the cards and review pages, written as `cards/PAGE.js` (`SitePlan.Page.cardsScript`):
/// a script adding the cards' HTML (`CardHTML`, links relative to the site root, where those pages
/// are) under the page's address, `(window.tallyCards = window.tallyCards || {})["PAGE"] = ["<div class=\"card\" …", …]`.
/// It is kept and linked with the notebook's page, so the shared pages list the notebooks (title,
/// count, script) and never carry the cards; the built-in script loads the parts a page shows
/// (`<script src>`, so it works from `file://`).
enum CardsScript {
    /// The global the parts fill.
    static let global = "tallyCards"

    /// The file's contents for the page at `href` with its `cards` (HTML, in order).
    static func script(page href: String, cards: [String]) -> String {
        GlobalScript.adding(global, key: href, json: JSONText.array(cards))
    }
}
