/// The site's own stylesheet and script, written into `assets/` unless `templates/assets/` overrides them.
/// Light and dark follow the system setting; below 760px the sidebar folds into a menu; print shows
/// every card with its back.
enum DefaultTheme {
    static let css = """
    :root { color-scheme: light dark;
            --fg: #1d1f23; --bg: #ffffff; --muted: #5d6470; --accent: #2456c9; --accent-soft: #eaf0fd; --line: #dde1e7;
            --code-bg: #f5f6f8; --panel: #ffffff; --shadow: 0 6px 24px rgba(20, 30, 50, .14);
            --ok: #16803c; --bad: #c0262d; --tok-keyword: #a626a4; --tok-string: #3f8a3e; --tok-number: #986801;
            --tok-comment: #767c86; --tok-type: #b07800; }
    @media (prefers-color-scheme: dark) {
      :root { --fg: #e3e6eb; --bg: #16181c; --muted: #9aa3ad; --accent: #7aa2ff; --accent-soft: #1f2a44; --line: #30343b;
              --code-bg: #1f2227; --panel: #1d2025; --shadow: 0 6px 24px rgba(0, 0, 0, .5);
              --ok: #4cc07a; --bad: #ff6b6b; --tok-keyword: #d58fe0; --tok-string: #9ad07f; --tok-number: #e0b46a;
              --tok-comment: #8a929d; --tok-type: #e5c07b; }
    }
    * { box-sizing: border-box; }
    html { scroll-padding-top: 1rem; }
    body { margin: 0; display: flex; font: 17px/1.6 system-ui, -apple-system, "Segoe UI", sans-serif; color: var(--fg); background: var(--bg); }
    a { color: var(--accent); }
    h1, h2, h3 { line-height: 1.25; } h1 { font-size: 1.9rem; margin-top: .5rem; }
    .skip-link { position: absolute; left: -999px; } .skip-link:focus { left: 1rem; top: 1rem; z-index: 20; background: var(--bg); padding: .5rem; }

    /* Sidebar: brand, search, notebooks (the current one with its sections) */
    .sidebar { width: 16rem; flex: none; display: flex; flex-direction: column; position: sticky; top: 0; height: 100vh;
               border-right: 1px solid var(--line); background: var(--code-bg); }
    .sidebar-head { display: flex; align-items: center; justify-content: space-between; padding: 1rem 1rem .5rem; }
    .brand { font-weight: 700; font-size: 1.25rem; text-decoration: none; color: var(--fg); }
    .menu-toggle { display: none; }
    .nav-scroll { overflow-y: auto; flex: 1; padding: 0 .5rem 1rem; }
    .nav-list { list-style: none; padding: 0; margin: .5rem 0; }
    .nav-list a { display: block; padding: .2rem .5rem; border-radius: 6px; text-decoration: none; color: var(--fg); }
    .nav-list a:hover { background: var(--accent-soft); }
    .nav-list .current > a { font-weight: 600; color: var(--accent); background: var(--accent-soft); }
    .nav-cards { border-top: 1px solid var(--line); padding-top: .5rem; }
    .sections { list-style: none; margin: .2rem 0 .4rem .6rem; padding: 0 0 0 .4rem; border-left: 2px solid var(--line); font-size: .88em; }
    .sections a { color: var(--muted); padding: .1rem .5rem; }
    .sections a.active, .toc a.active { color: var(--accent); font-weight: 600; }

    /* Search: the box stays put; results open over the page */
    .search { position: relative; padding: 0 1rem .5rem; display: none; }
    .js .search { display: block; }
    .search-input { width: 100%; font: inherit; font-size: .95em; padding: .35rem .6rem; border: 1px solid var(--line); border-radius: 6px;
                    background: var(--bg); color: var(--fg); }
    .search-input:focus { outline: 2px solid var(--accent); outline-offset: 0; }
    .search-results { position: absolute; z-index: 10; top: 100%; left: 1rem; width: min(32rem, calc(100vw - 2rem)); max-height: 70vh; overflow-y: auto;
                      margin: 0; padding: .25rem; list-style: none; background: var(--panel); border: 1px solid var(--line); border-radius: 8px; box-shadow: var(--shadow); }
    .search-results a { display: block; padding: .45rem .6rem; border-radius: 6px; text-decoration: none; color: var(--fg); }
    .search-results [aria-selected="true"] a, .search-results a:hover { background: var(--accent-soft); }
    .result-title { display: block; font-weight: 600; overflow: hidden; display: -webkit-box; -webkit-line-clamp: 2; -webkit-box-orient: vertical; }
    .result-meta { display: block; font-size: .78em; color: var(--muted); text-transform: none; }
    .result-snippet { display: block; font-size: .85em; color: var(--muted); }
    .search-results mark { background: transparent; color: var(--accent); font-weight: 700; }
    .search-empty { padding: .5rem .6rem; color: var(--muted); }

    /* Page body; on wide screens a notebook's contents stay beside it */
    main { flex: 1; min-width: 0; padding: 1.5rem 2.5rem 4rem; }
    main > :not(.notebook-page), .notebook { max-width: 46rem; }
    .toc { display: none; }
    @media (min-width: 1200px) {
      .notebook-page { display: grid; grid-template-columns: minmax(0, 46rem) 14rem; gap: 3rem; }
      .toc { display: block; position: sticky; top: 1.5rem; align-self: start; max-height: calc(100vh - 3rem); overflow-y: auto; font-size: .85em; }
      .toc ul { list-style: none; padding: 0; margin: 0; border-left: 2px solid var(--line); }
      .toc a { display: block; padding: .15rem .75rem; color: var(--muted); text-decoration: none; }
      .toc .level-3 a { padding-left: 1.5rem; }
      .toc-title { font-weight: 600; margin: 0 0 .5rem; }
    }
    .notebook-meta { display: flex; flex-wrap: wrap; gap: .5rem 1rem; align-items: center; font-size: .85em; color: var(--muted); }
    .verified { color: var(--ok); font-weight: 600; } .verified.failed { color: var(--bad); }
    .button, button { font: inherit; font-size: .9em; display: inline-block; padding: .3rem .85rem; border: 1px solid var(--accent); border-radius: 6px;
                      background: transparent; color: var(--accent); text-decoration: none; cursor: pointer; }
    .button:hover, button:hover { background: var(--accent-soft); }
    button.primary { background: var(--accent); color: var(--bg); }
    button:disabled { opacity: .4; cursor: default; }
    button.link { border: none; padding: 0; text-decoration: underline; }
    .pager { display: flex; gap: 1rem; margin-top: 3rem; max-width: 46rem; }
    .pager a { flex: 1; border: 1px solid var(--line); border-radius: 8px; padding: .6rem 1rem; text-decoration: none; }
    .pager a:hover { border-color: var(--accent); }
    .pager small { display: block; color: var(--muted); }
    .pager .next { text-align: right; margin-left: auto; }

    /* Content */
    pre { background: var(--code-bg); padding: .75rem 1rem; overflow-x: auto; border-radius: 6px; font-size: .88em; line-height: 1.5; }
    code { font-family: ui-monospace, "DejaVu Sans Mono", monospace; font-size: .92em; }
    p code, li code, td code { background: var(--code-bg); padding: .05rem .3rem; border-radius: 4px; }
    .table-wrap { overflow-x: auto; } table { border-collapse: collapse; margin: 1rem 0; }
    th, td { border: 1px solid var(--line); padding: .3rem .6rem; } th { background: var(--code-bg); }
    .math.display { overflow-x: auto; overflow-y: hidden; margin: 1rem 0; text-align: center; }
    /* A checked formula: its ✓ beside it, as a checked number's */
    .checked-formula { display: flex; align-items: center; gap: .5rem; }
    .checked-formula > .math.display { display: block; flex: 1; }
    blockquote { margin: 1rem 0; padding: 0 1rem; border-left: 4px solid var(--line); color: var(--muted); }
    img { max-width: 100%; }
    .card { border: 1px solid var(--line); border-left: 4px solid var(--accent); border-radius: 8px; padding: .5rem 1rem; margin: 1rem 0; }
    .card:target { outline: 2px solid var(--accent); background: var(--accent-soft); }
    .card .back { border-top: 1px dashed var(--line); margin-top: .5rem; }
    .card .card-id { color: var(--muted); font-size: .75em; font-family: ui-monospace, monospace; text-align: right; }
    .source { color: var(--muted); font-family: ui-monospace, monospace; }
    .tok-keyword { color: var(--tok-keyword); } .tok-string { color: var(--tok-string); } .tok-number { color: var(--tok-number); }
    .tok-comment { color: var(--tok-comment); font-style: italic; } .tok-type { color: var(--tok-type); }
    .cloze { color: var(--accent); font-weight: 600; }
    .raw-html { color: var(--muted); }
    .cell { margin: 1rem 0; } .cell pre { margin: 0; } .cell > * + * { margin-top: .25rem; }
    /* Cell code wraps rather than scrolls: the stated value and its check mark sit at the end of long lines. */
    .cell pre code { white-space: pre-wrap; overflow-wrap: anywhere; }
    .output { border-left: 3px solid var(--line); background: transparent; padding: .25rem .75rem; }
    .stderr, .cell-error { border-left-color: var(--bad); } .cell-error { color: var(--bad); } .cell-note { color: var(--muted); }
    table.values td { font-family: ui-monospace, monospace; text-align: right; border: none; padding: .1rem .6rem; }
    img.chart { display: block; max-width: 100%; background: #fff; border-radius: 6px; padding: .25rem; }
    /* Charts are drawn for a white page: in the dark, invert the lightness and turn the hues back. */
    @media (prefers-color-scheme: dark) { img.chart { filter: invert(.9) hue-rotate(180deg); } }

    /* Checked numbers: the title shows on hover; focusing (a tap, or Tab) shows it too, for touch screens */
    .value { font-variant-numeric: tabular-nums; }
    .checked { border-bottom: 2px solid var(--ok); cursor: help; font-variant-numeric: tabular-nums; }
    .checked.failed, .check-mark.failed { border-color: var(--bad); color: var(--bad); }
    .check-mark { color: var(--ok); cursor: help; user-select: none; }
    .checked:focus, .check-mark:focus, .value[title]:focus { outline: 2px solid var(--accent); outline-offset: 2px; border-radius: 2px; }
    /* …along the bottom of the screen, where it can't run off the side of a phone. */
    .checked:focus::after, .check-mark:focus::after, .value[title]:focus::after {
      content: attr(title); position: fixed; left: 50%; bottom: 1rem; transform: translateX(-50%); z-index: 30;
      width: max-content; max-width: min(40rem, calc(100vw - 2rem)); padding: .6rem .9rem; border-radius: 8px; box-shadow: var(--shadow);
      background: var(--fg); color: var(--bg); font: 500 .9rem/1.4 system-ui, sans-serif; white-space: normal; font-style: normal; text-align: left; }
    .failures { border: 1px solid var(--bad); color: var(--bad); padding: .5rem 1rem; border-radius: 6px; }

    /* Review: one card at a time once the script runs; every card, backs shown, without it */
    .review-bar { display: flex; align-items: baseline; justify-content: space-between; gap: 1rem; }
    .review-progress { color: var(--muted); font-variant-numeric: tabular-nums; font-weight: 600; }
    .review-controls, .review-help { display: none; }
    .review.active .review-group > h2 { display: none; }
    .review.active .card { min-height: 14rem; padding: 1.25rem 1.5rem; font-size: 1.08em; cursor: pointer; box-shadow: var(--shadow); }
    .review.active .card:not(.flipped) .back { display: none; }
    .review.active .review-controls { display: flex; justify-content: center; gap: .75rem; margin-top: 1rem; }
    .review.active .review-help { display: block; text-align: center; color: var(--muted); font-size: .85em; }
    kbd { font: .85em ui-monospace, monospace; border: 1px solid var(--line); border-bottom-width: 2px; border-radius: 4px; padding: 0 .3rem; }

    @media (max-width: 760px) {
      body { display: block; font-size: 16px; }
      .sidebar { width: auto; height: auto; position: static; border-right: none; border-bottom: 1px solid var(--line); }
      .js .menu-toggle { display: inline-block; }
      .js .sidebar:not(.open) .nav-scroll { display: none; }
      .search-results { left: .5rem; width: calc(100vw - 1rem); }
      main { padding: 1rem 1rem 3rem; }
      h1 { font-size: 1.6rem; }
      .pager { flex-direction: column; }
      .review.active .card { min-height: 10rem; padding: 1rem; }
    }
    @media print {
      body { display: block; font-size: 11pt; }
      .sidebar, .toc, .pager, .skip-link, .notebook-meta .button, .review-controls, .review-help { display: none !important; }
      main { padding: 0; } main > :not(.notebook-page), .notebook { max-width: none; }
      .review .card[hidden] { display: block; } .review .card .back { display: block !important; }
      .review.active .card { min-height: 0; box-shadow: none; }
      .card, .cell, img.chart, table { break-inside: avoid; } h1, h2, h3 { break-after: avoid; }
      pre { white-space: pre-wrap; } a { color: inherit; }
    }

    """

    /// Everything the pages do in the browser, in one file, without leaking names into the page.
    static let script = "\"use strict\";\n(function () {\n" + [helpers, math, navigation, search, review].joined(separator: "\n") + "}());\n"

    /// Shared by the keyboard handlers: keys typed into a field are the field's.
    static let helpers = """
    function isTyping(target) {
      return !!target.closest && !!target.closest("input, textarea, select, [contenteditable]");
    }

    """

    /// Typesets every `.math` element with the site's own copy of KaTeX (no network).
    static let math = """
    document.addEventListener("DOMContentLoaded", function () {
      if (!window.katex) return;
      document.querySelectorAll(".math").forEach(function (el) {
        try {
          katex.render(el.textContent, el, { displayMode: el.classList.contains("display"), throwOnError: false });
        } catch (e) { el.classList.add("math-error"); }
      });
    });

    """
}
