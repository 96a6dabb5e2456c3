#!/usr/bin/env python3
"""Shows Anki's rendering of exported cards in headless Chromium with MathJax from Debian's libjs-mathjax (the
MathJax 2 Anki's clients understand), and reports, as JSON on stdout, what a student would get: TeX that MathJax
could not parse, formulas left untypeset, images that did not load, console errors. Takes screenshots. It asserts
nothing itself: the Swift test reads the report.

usage: cards_in_browser.py CARDS_JSON ARTIFACTS_DIR SHOT...
CARDS_JSON is what `anki_harness.py COLLECTION render OUT.json` writes (each card's question and answer as Anki
renders them, and the collection's media folder). Each SHOT is GUID:ORD:SIDE:NAME; it is saved as NAME-light.png
and NAME-night.png (and NAME-phone-night.png at a phone's width).
"""
import json
import os
import shutil
import sys
import tempfile
from pathlib import Path

# One browser driver for the project: the site test's.
sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "TallySiteTests" / "Browser"))
from site_in_browser import Browser  # noqa: E402

MATHJAX = Path("/usr/share/javascript/mathjax/MathJax.js")

PAGE = """<!doctype html>
<html><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<script type="text/x-mathjax-config">
MathJax.Hub.Config({{
  messageStyle: "none", showMathMenu: false,
  tex2jax: {{inlineMath: [["\\\\(", "\\\\)"]], displayMath: [["\\\\[", "\\\\]"]], processEscapes: true}},
  TeX: {{noErrors: {{disabled: true}}, noUndefined: {{disabled: true}}}}
}});
window.tallyMathErrors = [];
MathJax.Hub.Register.MessageHook("TeX Jax - parse error", m => window.tallyMathErrors.push(String(m[1])));
MathJax.Hub.Register.MessageHook("Math Processing Error", m => window.tallyMathErrors.push(String(m[2] || m[1])));
MathJax.Hub.Queue(() => {{ window.tallyTypeset = true; }});
</script>
<script src="{mathjax}?config=TeX-AMS_CHTML"></script>
</head><body class="{body}">{html}</body></html>
"""

STATE = """JSON.stringify({
  typeset: !!window.tallyTypeset,
  mathErrors: window.tallyMathErrors || [],
  texErrors: document.querySelectorAll('.mjx-merror, merror, .MathJax_Error').length,
  formulas: document.querySelectorAll('.MathJax_CHTML, .MathJax_CHTML_Display, .mjx-chtml').length,
  untypeset: /\\\\\\(|\\\\\\[/.test(document.body.innerText),
  rawCloze: document.body.innerText.includes('{{c'),
  images: document.images.length,
  brokenImages: Array.from(document.images).filter(i => !(i.complete && i.naturalWidth > 0)).map(i => i.getAttribute('src'))
})"""


def main():
    cards_json, artifacts = Path(sys.argv[1]), Path(sys.argv[2])
    shots = [s.split(":", 3) for s in sys.argv[3:]]
    artifacts.mkdir(parents=True, exist_ok=True)
    chromium = os.environ.get("CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")
    if not chromium:
        print("chromium is not installed (make test installs Debian's chromium)", file=sys.stderr)
        return 2
    if not MATHJAX.exists():
        print(f"{MATHJAX} is missing (make test installs Debian's libjs-mathjax)", file=sys.stderr)
        return 2
    exported = json.loads(cards_json.read_text())
    # Pages go into a copy of the media folder, so `<img src="tally-….svg">` resolves as it does in Anki.
    pages = Path(tempfile.mkdtemp(prefix="tally-anki-cards-"))
    shutil.copytree(exported["media"], pages, dirs_exist_ok=True)

    def page(card, side, night):
        body = "card nightMode night_mode" if night else "card"
        path = pages / f"{card['guid']}-{card['ord']}-{side}-{'night' if night else 'light'}.html"
        path.write_text(PAGE.format(mathjax=MATHJAX.as_uri(), body=body, html=card[side]))
        return path.as_uri()

    browser = Browser(chromium)
    report = {"cards": [], "screenshots": []}
    try:
        target = browser.send("Target.createTarget", {"url": "about:blank"}, session=False)["targetId"]
        browser.session = browser.send("Target.attachToTarget", {"targetId": target, "flatten": True}, session=False)["sessionId"]
        for domain in ("Page", "Runtime", "Log"):
            browser.send(domain + ".enable")
        browser.send("Emulation.setDeviceMetricsOverride", {"width": 800, "height": 600, "deviceScaleFactor": 1, "mobile": False})
        for card in exported["cards"]:
            for side in ("question", "answer"):
                before = len(browser.problems()[0])
                browser.open(page(card, side, night=False))
                browser.wait_until("window.tallyTypeset")
                state = json.loads(browser.evaluate(STATE))
                state.update(guid=card["guid"], ord=card["ord"], side=side, notetype=card["notetype"],
                             consoleErrors=browser.problems()[0][before:])
                report["cards"].append(state)
        by_key = {(c["guid"], str(c["ord"])): c for c in exported["cards"]}
        for guid, ord_, side, name in shots:
            card = by_key[(guid, ord_)]
            for night in (False, True):
                browser.open(page(card, side, night))
                browser.wait_until("window.tallyTypeset")
                shot = artifacts / f"{name}-{'night' if night else 'light'}.png"
                report["screenshots"].append(browser.screenshot(shot, 800, 600, False, dark=night))
            report["screenshots"].append(browser.screenshot(artifacts / f"{name}-phone-night.png", 390, 844, True, dark=True))
    finally:
        browser.close()
        shutil.rmtree(pages, ignore_errors=True)
    json.dump(report, sys.stdout, indent=1)
    return 0


if __name__ == "__main__":
    sys.exit(main())
