import TallyDocument
import TallyHTML

/// A card on a page: the front, the back below a divider, and its id (the Anki note's identity).
enum CardHTML {
    static func render(_ card: Card, with renderer: HTMLRenderer) -> String {
        var r = renderer
        r.outline = card.outline
        var front = r.render(card.front)
        var back = r.render(card.back)
        if card.isCloze {
            back = ClozeHTML.revealed(front) + back
            front = ClozeHTML.blanked(front)
        }
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
