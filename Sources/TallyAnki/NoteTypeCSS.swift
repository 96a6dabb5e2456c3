/// The style every Tally note type carries. The token classes are the ones TallyHTML puts on highlighted code;
/// Anki shows cards without the site's stylesheet, so the note type must bring its own colours: light, night mode
/// (desktop and AnkiMobile put `.nightMode` on the card, AnkiDroid `.night_mode` on the body) and phones (Anki adds
/// `.mobile`; narrow screens also match the media query), using only CSS every client's web view has.
enum NoteTypeCSS {
    static let css = """
    .card { font-family: -apple-system, "Segoe UI", Helvetica, Arial, sans-serif; font-size: 20px;
            text-align: left; color: #1d1d1f; background-color: #ffffff; line-height: 1.45; }
    .nightMode.card, .night_mode .card { color: #e6e6e6; background-color: #1e1e1e; }
    pre { background: #f5f5f7; padding: 0.6em 0.8em; border-radius: 6px; overflow-x: auto; font-size: 0.8em; }
    code { font-family: "SF Mono", Menlo, Consolas, "Liberation Mono", monospace; }
    .nightMode pre, .night_mode pre { background: #2b2b2b; }
    table { border-collapse: collapse; }
    th, td { border: 1px solid #c8c8cc; padding: 0.2em 0.5em; }
    img { max-width: 100%; height: auto; }
    .tok-keyword { color: #ad3da4; font-weight: 600; }
    .tok-string { color: #c41a16; }
    .tok-number { color: #1c00cf; }
    .tok-comment { color: #707f8c; font-style: italic; }
    .tok-type { color: #0b4f79; }
    .nightMode .tok-keyword, .night_mode .tok-keyword { color: #ff7ab2; }
    .nightMode .tok-string, .night_mode .tok-string { color: #ff8170; }
    .nightMode .tok-number, .night_mode .tok-number { color: #d9c97c; }
    .nightMode .tok-comment, .night_mode .tok-comment { color: #7f8c98; }
    .nightMode .tok-type, .night_mode .tok-type { color: #6bdfff; }
    .cloze { font-weight: bold; color: #0a63c9; }
    .nightMode .cloze, .night_mode .cloze { color: #7ab8ff; }
    table.tally-value { display: inline-table; font-family: monospace; }
    .tally-source { margin-top: 1.2em; font-size: 0.65em; color: #8e8e93; }
    .tally-source a { color: inherit; }
    .nightMode th, .nightMode td, .night_mode th, .night_mode td { border-color: #4a4a4f; }
    .nightMode a, .night_mode a { color: #7ab8ff; }
    .nightMode .tally-source, .night_mode .tally-source { color: #a1a1a6; }
    .nightMode img[src$=".svg"], .night_mode img[src$=".svg"] { background-color: #ffffff; border-radius: 4px; }
    .mobile.card, .mobile .card { font-size: 18px; }
    @media (max-width: 600px) {
      .card { font-size: 18px; }
      pre { font-size: 0.75em; }
      .MathJax_Display, mjx-container[display="true"] { overflow-x: auto; overflow-y: hidden; max-width: 100%; }
    }
    """
}
