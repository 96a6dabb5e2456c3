/// The built-in page templates (Mustache), used for every template a project's `templates/` folder
/// does not provide. `tally templates --write templates/` copies them out for editing.
enum DefaultTemplates {
    static let all: [String: String] = [
        "layout": layout, "index": index, "notebook": notebook, "cards": cards,
    ]

    /// Every page: `title`, `root` (relative path to the site root), `nav` (notebooks), `content` (HTML).
    static let layout = """
    <!DOCTYPE html>
    <html lang="en">
    <head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <title>{{title}} · Tally</title>
    <link rel="stylesheet" href="{{root}}assets/katex/katex.min.css">
    <link rel="stylesheet" href="{{root}}assets/tally.css">
    <script defer src="{{root}}assets/katex/katex.min.js"></script>
    <script defer src="{{root}}assets/tally.js"></script>
    </head>
    <body>
    <nav class="sidebar">
    <a class="brand" href="{{root}}index.html">Tally</a>
    <ul>
    {{#nav}}<li{{#current}} class="current"{{/current}}><a href="{{root}}{{href}}">{{title}}</a></li>
    {{/nav}}<li><a href="{{root}}cards.html">All cards</a></li>
    </ul>
    </nav>
    <main>
    {{{content}}}
    </main>
    </body>
    </html>

    """

    /// The site's front page: `notebooks` with `title`, `href`, `cardCount`, `cellCount`; `totalCards`.
    static let index = """
    <h1>Study notebooks</h1>
    <p>{{notebookCount}} notebooks, {{totalCards}} cards.</p>
    <table class="notebooks">
    <thead><tr><th>Notebook</th><th>Cards</th><th>Cells</th></tr></thead>
    <tbody>
    {{#notebooks}}<tr><td><a href="{{href}}">{{title}}</a></td><td>{{cardCount}}</td><td>{{cellCount}}</td></tr>
    {{/notebooks}}</tbody>
    </table>

    """

    /// One notebook: `title`, `source` (its path), `toc` (`level`, `text`, `anchor`), `body` (HTML),
    /// `failures` (published with `--allow-failures`: the diagnostics, as text).
    static let notebook = """
    <article class="notebook">
    <p class="source">{{source}}</p>
    {{#hasFailures}}<div class="failures"><strong>Not verified:</strong> this notebook was published with failures.
    <ul>{{#failures}}<li>{{.}}</li>{{/failures}}</ul></div>{{/hasFailures}}
    {{#hasToc}}<details class="toc" open><summary>Contents</summary><ul>
    {{#toc}}<li class="level-{{level}}"><a href="#{{anchor}}">{{text}}</a></li>
    {{/toc}}</ul></details>{{/hasToc}}
    {{{body}}}
    </article>
    {{#previous}}<a class="prev" href="{{href}}">← {{title}}</a>{{/previous}}
    {{#next}}<a class="next" href="{{href}}">{{title}} →</a>{{/next}}

    """

    /// Every card: `groups` with `title`, `href` and `cards` (`html`, one rendered card each).
    static let cards = """
    <h1>All cards</h1>
    {{#groups}}<section class="card-group">
    <h2><a href="{{href}}">{{title}}</a></h2>
    {{#cards}}{{{html}}}{{/cards}}
    </section>
    {{/groups}}

    """
}
