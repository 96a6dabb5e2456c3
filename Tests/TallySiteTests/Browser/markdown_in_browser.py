#!/usr/bin/env python3
"""Opens a built Tally site in headless Chromium and reports, as JSON on stdout, how GitHub- and
Obsidian-flavoured Markdown came out on the page `first.html`: footnotes, alerts and callouts (and
whether a folded one opens), comments, allowed inline HTML, wikilinks and embeds, bare LaTeX
environments, escaped brackets, and where links to `#example-1` and to another notebook's heading land.
It asserts nothing itself: MarkdownInBrowserTests reads the report.

usage: markdown_in_browser.py SITE_DIR
"""
import json
import os
import shutil
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from site_in_browser import Browser  # noqa: E402  (the DevTools-over-a-pipe driver)

PROBE = """(() => {
  const q = s => document.querySelector(s), all = s => Array.from(document.querySelectorAll(s));
  const visible = el => !!el && el.checkVisibility();
  const folded = q('details.callout');
  const foldedBody = folded && folded.querySelector('p');
  const before = visible(foldedBody);
  if (folded) folded.querySelector('summary').click();
  const text = document.body.innerText;
  return JSON.stringify({
    footnoteRefs: all('sup.footnote-ref a').map(a => a.getAttribute('href')),
    footnotes: all('section.footnotes li').map(li => li.id + ': ' + li.innerText.trim()),
    alertTitle: (q('.callout-note .callout-title') || {}).innerText || null,
    foldedBodyVisibleBefore: before,
    foldedBodyVisibleAfterClick: visible(foldedBody),
    commentTextShown: text.includes('hidden remark') || text.includes('Outdated question'),
    commentedCard: !!q('#card-old-card'),
    kbd: all('kbd').map(k => k.innerText),
    sub: all('sub').map(k => k.innerText),
    boldElements: all('article b').length,
    escapedTagShown: text.includes('<b>bold</b>'),
    wikilinks: all('a.wikilink').map(a => a.getAttribute('href')),
    embedLoaded: all('img').filter(i => i.alt === 'plot one.png').map(i => i.complete && i.naturalWidth > 0),
    oddNamesLoaded: all('img').filter(i => i.alt === 'odd').map(i => i.complete && i.naturalWidth > 0),
    displayMath: all('.math.display').length,
    typesetDisplays: all('.math.display .katex').length,
    katexErrors: all('.katex-error').length,
    bracketsText: text.includes('median[IQR]') && text.includes('v[0] in prose'),
    crossLink: (q('a[href^="second.html#"]:not(.wikilink)') || {}).href || null,
  });
})()"""

LANDING = """(() => {
  const id = decodeURIComponent(location.hash.slice(1)), el = document.getElementById(id);
  if (!el) return JSON.stringify({id, found: false});
  const headings = Array.from(document.querySelectorAll(el.tagName));
  return JSON.stringify({id, found: true, tag: el.tagName, text: el.innerText.trim(), index: headings.indexOf(el),
                         top: Math.round(el.getBoundingClientRect().top), page: location.pathname.split('/').pop()});
})()"""


def main():
    site = Path(sys.argv[1]).resolve()
    chromium = os.environ.get("CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")
    if not chromium:
        print("chromium is not installed (make test installs Debian's chromium)", file=sys.stderr)
        return 2
    browser = Browser(chromium)
    try:
        target = browser.send("Target.createTarget", {"url": "about:blank"}, session=False)["targetId"]
        browser.session = browser.send("Target.attachToTarget", {"targetId": target, "flatten": True}, session=False)["sessionId"]
        for domain in ("Page", "Runtime"):
            browser.send(domain + ".enable")
        browser.send("Emulation.setDeviceMetricsOverride", {"width": 1280, "height": 700, "deviceScaleFactor": 1, "mobile": False})
        first = (site / "first.html").as_uri()
        browser.open(first)
        browser.wait_until("document.querySelectorAll('.math.display .katex').length > 0")
        report = json.loads(browser.evaluate(PROBE))
        landings = {}
        for name, url in (("example1", first + "#example-1"), ("cross", report["crossLink"])):
            if url:
                browser.open("about:blank")  # a fragment change alone would fire no load event
                browser.open(url)
                browser.evaluate("new Promise(r => requestAnimationFrame(() => requestAnimationFrame(() => r(true))))", await_promise=True)
                landings[name] = json.loads(browser.evaluate(LANDING))
        report["landings"] = landings
        print(json.dumps(report))
    finally:
        browser.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
