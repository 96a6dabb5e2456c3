/// The reference's own style sheet: readable type, light and dark, nothing loaded from elsewhere.
/// Kept apart from the study site's theme so the reference does not change when the site's does.
enum ReferenceStyle {
    static let fileName = "reference.css"

    static let css = """
    :root { --fg: #1d1f23; --muted: #5b6270; --bg: #ffffff; --panel: #f5f6f8; --line: #dde0e6;
      --accent: #1f5fbf; --kw: #9b2393; --type: #0b6e69; --warn: #8a4b00; --warn-bg: #fff4e0; }
    @media (prefers-color-scheme: dark) {
      :root { --fg: #e4e6eb; --muted: #a3a9b5; --bg: #16181c; --panel: #1f2227; --line: #343842;
        --accent: #7fb0ff; --kw: #f08bd6; --type: #63d1c6; --warn: #ffc46b; --warn-bg: #3a2a10; }
    }
    * { box-sizing: border-box; }
    html { -webkit-text-size-adjust: 100%; }
    body { margin: 0; color: var(--fg); background: var(--bg);
      font: 16px/1.55 system-ui, -apple-system, "Segoe UI", "DejaVu Sans", sans-serif; }
    a { color: var(--accent); text-decoration: none; }
    a:hover, a:focus-visible { text-decoration: underline; }
    code, pre { font-family: ui-monospace, "DejaVu Sans Mono", "Liberation Mono", monospace; font-size: 0.9em; }
    .bar { position: sticky; top: 0; z-index: 1; background: var(--panel); border-bottom: 1px solid var(--line);
      padding: 0.5rem 1.25rem; display: flex; flex-wrap: wrap; gap: 0.3rem 1rem; align-items: baseline; }
    .bar .home { font-weight: 600; }
    .bar .topics { display: flex; flex-wrap: wrap; gap: 0.2rem 0.8rem; font-size: 0.9rem; }
    main { max-width: 56rem; margin: 0 auto; padding: 1.5rem 1.25rem 4rem; }
    h1 { font-size: 2rem; line-height: 1.2; margin: 0.5rem 0 0.75rem; }
    h2 { font-size: 1.35rem; margin: 2.2rem 0 0.6rem; }
    h3 { font-size: 1.1rem; margin: 1.6rem 0 0.4rem; }
    h4 { font-size: 1rem; margin: 1.2rem 0 0.3rem; }
    .lead { color: var(--muted); }
    .warning { background: var(--warn-bg); color: var(--warn); padding: 0.5rem 0.75rem; border-radius: 6px; }
    .kind { color: var(--muted); font-size: 0.8rem; font-weight: normal; text-transform: uppercase; letter-spacing: 0.04em; margin-left: 0.35rem; }
    .toc-topic h2 { border-bottom: 1px solid var(--line); padding-bottom: 0.25rem; }
    dl.toc { margin: 0; overflow-wrap: anywhere; }
    main { overflow-wrap: break-word; }
    dl.toc dt { margin-top: 0.6rem; }
    dl.toc dd { margin: 0.1rem 0 0 1.25rem; }
    dl.toc .members { display: block; color: var(--muted); font-size: 0.85rem; margin-top: 0.15rem; }
    .contents ul { columns: 15rem; padding-left: 1.1rem; margin: 0.5rem 0 1.5rem; }
    .symbol { border-top: 1px solid var(--line); padding-top: 0.25rem; scroll-margin-top: 4rem; }
    .symbol.member { border-top: 1px dashed var(--line); margin-left: 0; }
    .members { margin-left: 1.25rem; }
    .symbol h2 a.self, .symbol h3 a.self, .symbol h4 a.self { color: var(--fg); }
    pre { background: var(--panel); border: 1px solid var(--line); border-radius: 6px; padding: 0.6rem 0.8rem; overflow-x: auto; }
    pre.declaration { white-space: pre-wrap; overflow-wrap: anywhere; }
    .declaration .kw { color: var(--kw); }
    .declaration .type { color: var(--type); }
    .declaration .name { font-weight: 700; }
    .doc p { margin: 0.5rem 0; }
    .doc :not(pre) > code, dd code { background: var(--panel); padding: 0.05rem 0.25rem; border-radius: 4px; }
    .supertypes { margin: 0.3rem 0; }
    .source, .inherited { color: var(--muted); font-size: 0.85rem; margin: 0.3rem 0 0.8rem; }
    .undocumented { color: var(--warn); font-style: italic; }
    .undocumented-list .source { margin-left: 0.5rem; }
    table { border-collapse: collapse; }
    th, td { border: 1px solid var(--line); padding: 0.25rem 0.5rem; }
    .tok-keyword { color: var(--kw); }
    .tok-type { color: var(--type); }
    .tok-comment { color: var(--muted); }
    .tok-string, .tok-number { color: var(--warn); }
    @media print, (max-width: 40rem) { .bar { position: static; } }

    """
}
