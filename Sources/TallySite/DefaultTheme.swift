/// The site's own stylesheet and script, written into `assets/` unless `templates/assets/` overrides them.
enum DefaultTheme {
    static let css = """
    :root { --fg: #1d1f23; --bg: #ffffff; --muted: #5d6470; --accent: #2456c9; --line: #dde1e7; --code-bg: #f5f6f8;
            --ok: #16803c; --bad: #c0262d; --tok-keyword: #a626a4; --tok-string: #50a14f; --tok-number: #986801;
            --tok-comment: #8a8f98; --tok-type: #c18401; }
    @media (prefers-color-scheme: dark) {
      :root { --fg: #e3e6eb; --bg: #16181c; --muted: #9aa3ad; --accent: #7aa2ff; --line: #30343b; --code-bg: #1f2227;
              --ok: #4cc07a; --bad: #ff6b6b; --tok-keyword: #d58fe0; --tok-string: #9ad07f; --tok-number: #e0b46a;
              --tok-comment: #7f8792; --tok-type: #e5c07b; }
    }
    * { box-sizing: border-box; }
    body { margin: 0; display: flex; font: 17px/1.6 system-ui, -apple-system, "Segoe UI", sans-serif; color: var(--fg); background: var(--bg); }
    .sidebar { width: 15rem; flex: none; padding: 1rem; border-right: 1px solid var(--line); min-height: 100vh; position: sticky; top: 0; align-self: flex-start; max-height: 100vh; overflow-y: auto; }
    .sidebar ul { list-style: none; padding: 0; } .sidebar li { margin: .25rem 0; } .sidebar .current a { font-weight: 600; }
    .brand { font-weight: 700; font-size: 1.2rem; }
    main { flex: 1; min-width: 0; max-width: 52rem; padding: 1rem 2rem 4rem; }
    a { color: var(--accent); }
    pre { background: var(--code-bg); padding: .75rem 1rem; overflow-x: auto; border-radius: 6px; font-size: .9em; }
    code { font-family: ui-monospace, "DejaVu Sans Mono", monospace; }
    .table-wrap { overflow-x: auto; } table { border-collapse: collapse; margin: 1rem 0; }
    th, td { border: 1px solid var(--line); padding: .3rem .6rem; }
    .math.display { overflow-x: auto; margin: 1rem 0; text-align: center; }
    .card { border: 1px solid var(--line); border-left: 4px solid var(--accent); border-radius: 6px; padding: .5rem 1rem; margin: 1rem 0; }
    .card .back { border-top: 1px dashed var(--line); margin-top: .5rem; }
    .card .card-id { color: var(--muted); font-size: .8em; font-family: ui-monospace, monospace; }
    .source { color: var(--muted); font-size: .85em; }
    .tok-keyword { color: var(--tok-keyword); } .tok-string { color: var(--tok-string); } .tok-number { color: var(--tok-number); }
    .tok-comment { color: var(--tok-comment); font-style: italic; } .tok-type { color: var(--tok-type); }
    .raw-html { color: var(--muted); }
    .cell { margin: 1rem 0; } .cell pre { margin: 0; } .cell > * + * { margin-top: .25rem; }
    .output { border-left: 3px solid var(--line); background: transparent; padding: .25rem .75rem; }
    .stderr, .cell-error { border-left-color: var(--bad); } .cell-error { color: var(--bad); } .cell-note { color: var(--muted); }
    table.values td { font-family: ui-monospace, monospace; text-align: right; border: none; padding: .1rem .6rem; }
    img.chart { max-width: 100%; background: #fff; border-radius: 6px; padding: .25rem; }
    .value { font-variant-numeric: tabular-nums; }
    .checked { border-bottom: 2px solid var(--ok); cursor: help; font-variant-numeric: tabular-nums; }
    .checked.failed, .check-mark.failed { border-color: var(--bad); color: var(--bad); }
    .check-mark { color: var(--ok); cursor: help; user-select: none; }
    .failures { border: 1px solid var(--bad); color: var(--bad); padding: .5rem 1rem; border-radius: 6px; }
    .prev, .next { display: inline-block; margin: 2rem 1rem 0 0; }
    @media (max-width: 760px) { body { display: block; } .sidebar { width: auto; min-height: 0; position: static; max-height: none; border-right: none; border-bottom: 1px solid var(--line); } main { padding: 1rem; } }
    @media print { .sidebar, .prev, .next { display: none; } main { max-width: none; } .card { break-inside: avoid; } }

    """

    /// Typesets every `.math` element with the site's own copy of KaTeX (no network).
    static let script = """
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
