/// The built-in page templates (Mustache), used for every template a project's `templates/` folder
/// does not provide. `tally templates --write templates/` copies them out for editing.
enum DefaultTemplates {
    static let all: [String: String] = [
        "layout": layout, "index": index, "notebook": notebook, "cards": cards, "review": review,
    ]

    /// Every page: `title`, `root` (relative path to the site root), `nav` (notebooks: `title`, `href`,
    /// `current`), `sections` and `hasSections` (the current notebook's sections: `text`, `anchor`),
    /// `onCards`, `onReview`, `content` (HTML), `engineReference` (the engine reference's index, when built).
    static let layout = """
    <!DOCTYPE html>
    <html lang="en">
    <head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <meta name="color-scheme" content="light dark">
    <title>{{title}} · Tally</title>
    <link rel="stylesheet" href="{{root}}assets/katex/katex.min.css">
    <link rel="stylesheet" href="{{root}}assets/tally.css">
    <script>document.documentElement.classList.add("js")</script>
    <script defer src="{{root}}assets/katex/katex.min.js"></script>
    <script defer src="{{root}}assets/tally.js"></script>
    </head>
    <body data-root="{{root}}">
    <a class="skip-link" href="#content">Skip to content</a>
    <nav class="sidebar">
    <div class="sidebar-head">
    <a class="brand" href="{{root}}index.html">Tally</a>
    <button type="button" class="menu-toggle" aria-expanded="false" aria-controls="site-nav">Menu</button>
    </div>
    <div class="search" role="search">
    <input type="search" class="search-input" placeholder="Search  /" aria-label="Search notebooks and cards"
     autocomplete="off" spellcheck="false" role="combobox" aria-expanded="false" aria-controls="search-results" aria-autocomplete="list">
    <ul class="search-results" id="search-results" role="listbox" aria-label="Search results" hidden></ul>
    </div>
    <div class="nav-scroll" id="site-nav">
    <ul class="nav-list">
    {{#nav}}<li{{#current}} class="current"{{/current}}><a href="{{root}}{{href}}"{{#current}} aria-current="page"{{/current}}>{{title}}</a>{{#current}}{{#hasSections}}
    <ul class="sections">{{#sections}}<li><a href="#{{anchor}}">{{text}}</a></li>{{/sections}}</ul>{{/hasSections}}{{/current}}</li>
    {{/nav}}</ul>
    <ul class="nav-list nav-cards">
    <li{{#onCards}} class="current"{{/onCards}}><a href="{{root}}cards.html">All cards</a></li>
    <li{{#onReview}} class="current"{{/onReview}}><a href="{{root}}review.html">Review</a></li>
    {{#engineReference}}<li><a href="{{engineReference}}">Engine reference</a></li>{{/engineReference}}
    </ul>
    </div>
    </nav>
    <main id="content">
    {{{content}}}
    </main>
    </body>
    </html>

    """

    /// The site's front page: `notebooks` with `title`, `href`, `cardCount`, `cellCount`; `notebookCount`, `totalCards`.
    static let index = """
    <h1>Study notebooks</h1>
    <p>{{notebookCount}} notebooks, {{totalCards}} cards. <a class="button" href="review.html">Review all cards</a></p>
    <div class="table-wrap"><table class="notebooks">
    <thead><tr><th>Notebook</th><th>Cards</th><th>Cells</th></tr></thead>
    <tbody>
    {{#notebooks}}<tr><td><a href="{{href}}">{{title}}</a></td><td>{{cardCount}}</td><td>{{cellCount}}</td></tr>
    {{/notebooks}}</tbody>
    </table></div>

    """

    /// One notebook: `title`, `source` (its path), `toc` (`level`, `text`, `anchor`), `hasToc`, `body` (HTML),
    /// `cardCount`, `hasCards`, `review` (its review page), `checks` (`passed`, `total`, `allHold`; absent when
    /// nothing was checked), `failures` (published with `--allow-failures`: the diagnostics, as text),
    /// `previous` and `next` (`title`, `href`).
    static let notebook = """
    <div class="notebook-page">
    <article class="notebook">
    <div class="notebook-meta">
    <span class="source">{{source}}</span>
    {{#checks}}<span class="verified{{^allHold}} failed{{/allHold}}">{{#allHold}}✓{{/allHold}}{{^allHold}}✗{{/allHold}} {{passed}} of {{total}} stated values hold</span>{{/checks}}
    {{#hasCards}}<a class="button" href="{{review}}">Review {{cardCount}} cards</a>{{/hasCards}}
    </div>
    {{#hasFailures}}<div class="failures"><strong>Not verified:</strong> this notebook was published with failures.
    <ul>{{#failures}}<li>{{.}}</li>{{/failures}}</ul></div>{{/hasFailures}}
    {{{body}}}
    </article>
    {{#hasToc}}<nav class="toc" aria-label="On this page"><p class="toc-title">On this page</p><ul>
    {{#toc}}<li class="level-{{level}}"><a href="#{{anchor}}">{{text}}</a></li>
    {{/toc}}</ul></nav>{{/hasToc}}
    </div>
    <nav class="pager" aria-label="Notebooks">
    {{#previous}}<a class="prev" href="{{href}}" rel="prev"><small>Previous</small>{{title}}</a>{{/previous}}
    {{#next}}<a class="next" href="{{href}}" rel="next"><small>Next</small>{{title}}</a>{{/next}}
    </nav>

    """

    /// Every card: `groups` with `title`, `href`, `cardCount` and `cards` (`html`, one rendered card each).
    static let cards = """
    <h1>All cards</h1>
    {{#groups}}<section class="card-group">
    <h2><a href="{{href}}">{{title}}</a></h2>
    {{#cards}}{{{html}}}{{/cards}}
    </section>
    {{/groups}}

    """

    /// Review mode, one card at a time (the script does that; without it, every card is listed):
    /// `cardCount`, and `groups` as for `cards`. `review.html#notebook=HREF` reviews one notebook's cards.
    static let review = """
    <div class="review">
    <div class="review-bar">
    <h1 class="review-title">Review</h1>
    <span class="review-progress" aria-live="polite">{{cardCount}} cards</span>
    </div>
    <div class="review-deck">
    {{#groups}}<section class="review-group" data-notebook="{{href}}" data-title="{{title}}">
    <h2><a href="{{href}}">{{title}}</a></h2>
    {{#cards}}{{{html}}}{{/cards}}
    </section>
    {{/groups}}
    </div>
    <div class="review-controls">
    <button type="button" data-action="previous">← Previous</button>
    <button type="button" data-action="flip" class="primary">Show answer</button>
    <button type="button" data-action="next">Next →</button>
    </div>
    <p class="review-help">
    <kbd>Space</kbd> or <kbd>Enter</kbd> or a tap: flip · <kbd>→</kbd> or <kbd>j</kbd>: next · <kbd>←</kbd> or <kbd>k</kbd>: previous ·
    <button type="button" class="link" data-action="shuffle">Shuffle</button>
    </p>
    </div>

    """
}
