import TallyDocument
import TallyHTML

/// A card on a page: the front, the back below a divider, and its id (the Anki note's identity).
enum CardHTML {
    static func render(_ card: Card, with renderer: HTMLRenderer) -> String {
        var r = renderer
        let front = r.render(card.front)
        let back = r.render(card.back)
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
