import TallyDocument
import TallyHTML

/// A card on a page: the front, the back below a divider, and its id (the Anki note's identity).
enum CardHTML {
    static func render(_ card: Card, with renderer: HTMLRenderer) -> String {
        // A cloze card, as Anki shows it: blanks on the front; the front again with the answers, then the back.
        var r = renderer
        r.outline = card.outline
        r.clozeStyle = .blank
        let front = r.render(card.front)
        r.clozeStyle = .revealed
        // The answers: the front again, revealed, with a renderer as fresh as the front's (`r` has rendered nothing
        // into itself: `render` walks a copy), so the outline is computed once.
        let back = (card.isCloze ? r.render(card.front) : "") + r.render(card.back)
        let id = card.id.htmlEscaped
        return """
        <div class="card" id="card-\(id)" data-card-id="\(id)">
        <div class="front">\(front)</div>
        <div class="back">\(back)</div>
        <div class="card-id">\(id)</div>
        </div>

        """
    }
}
