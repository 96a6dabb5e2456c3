#!/usr/bin/env python3
"""Checks built Tally pages against WCAG 2.2 AA with axe-core in headless Chromium, and walks a notebook
page with the keyboard alone. Reports JSON on stdout; asserts nothing itself (the Swift test does).

axe-core's axe.min.js comes from the PyPI package axe-playwright-python (reference/requirements.txt),
found without importing it; it is injected into each page through the DevTools pipe.

usage: site_accessibility.py SITE_DIR WALK_PAGE PAGE...
  - every PAGE is audited in light and dark, at 1280 px and at a 390 px phone
  - WALK_PAGE is walked with Tab, Shift-Tab and Enter: what takes focus, whether each scrollable block
    and the search box are reached, whether the focus ring shows, whether the walk comes back round
"""
import importlib.util
import json
import sys
from pathlib import Path

from site_in_browser import run_report

WCAG = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
VIEWS = [(1280, 900, False, "light"), (1280, 900, False, "dark"), (390, 844, True, "light"), (390, 844, True, "dark")]


def axe_source():
    spec = importlib.util.find_spec("axe_playwright_python")
    if spec is None or not spec.submodule_search_locations:
        raise SystemExit("axe-playwright-python is not installed (make test installs reference/requirements.txt)")
    return (Path(list(spec.submodule_search_locations)[0]) / "axe.min.js").read_text()


RUN_AXE = """axe.run(document, {runOnly: {type: 'tag', values: %s}, resultTypes: ['violations']}).then(r => JSON.stringify(
  r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,
                          nodes: v.nodes.slice(0, 3).map(n => n.target.join(' ') + ' — ' + (n.failureSummary || '').split('\\n').slice(0, 2).join(' ')),
                          count: v.nodes.length}))))"""

# What has focus, described for the report, and whether a focus indicator is drawn around it.
FOCUSED = """JSON.stringify((() => {
  const el = document.activeElement;
  if (!el || el === document.body) return {tag: 'body'};
  const style = getComputedStyle(el);
  const ring = (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 1) || style.boxShadow !== 'none';
  return {tag: el.tagName.toLowerCase(), cls: String(el.className), id: el.id || null,
          text: (el.getAttribute('aria-label') || el.textContent || '').trim().slice(0, 40),
          scrollable: el.scrollWidth > el.clientWidth + 1 && ['auto', 'scroll'].includes(style.overflowX),
          ring: ring, inMain: !!el.closest('main')};
})())"""

SCROLLABLE = """Array.from(document.querySelectorAll('main *')).filter(el => {
  const s = getComputedStyle(el);
  return el.scrollWidth > el.clientWidth + 1 && ['auto', 'scroll'].includes(s.overflowX) && el.offsetParent !== null;
}).length"""


def keyboard_walk(browser, url):
    browser.send("Emulation.setDeviceMetricsOverride", {"width": 1280, "height": 900, "deviceScaleFactor": 1, "mobile": False})
    browser.open(url)
    walk = {"scrollable": browser.evaluate(SCROLLABLE), "forward": [], "backward": []}
    browser.evaluate("document.activeElement && document.activeElement.blur(), true")
    # Tab forward until focus comes back round to where it started (or a generous bound).
    for _ in range(400):
        browser.press("Tab", "Tab", 9)
        focused = json.loads(browser.evaluate(FOCUSED))
        walk["forward"].append(focused)
        if len(walk["forward"]) > 1 and focused == walk["forward"][0]:
            break
    # Shift-Tab from the start goes backwards to the last stop of the page.
    browser.open(url)
    for _ in range(3):
        browser.press("Tab", "Tab", 9, modifiers=8)
        walk["backward"].append(json.loads(browser.evaluate(FOCUSED)))
    # The skip link: first stop; Enter moves focus into the main content.
    browser.open(url)
    browser.press("Tab", "Tab", 9)
    walk["skipLink"] = json.loads(browser.evaluate(FOCUSED))
    browser.press("Enter", "Enter", 13, text="\r")
    walk["afterSkip"] = json.loads(browser.evaluate(FOCUSED))
    browser.press("Tab", "Tab", 9)
    walk["afterSkipTab"] = json.loads(browser.evaluate(FOCUSED))
    # A scrollable block, focused, scrolls with the arrow keys.
    reached = browser.evaluate("""(() => { const el = Array.from(document.querySelectorAll('main [tabindex="0"]')).find(e => e.scrollWidth > e.clientWidth + 1);
      if (!el) return null; el.focus(); return el.scrollLeft; })()""")
    if reached is not None:
        browser.press("ArrowRight", "ArrowRight", 39)
        browser.press("ArrowRight", "ArrowRight", 39)
        walk["scrolledByArrow"] = browser.wait_until("document.activeElement.scrollLeft > 0") or False
    return walk


def main():
    site, walk_page, pages = Path(sys.argv[1]).resolve(), sys.argv[2], sys.argv[3:]
    source = axe_source()
    return run_report(lambda browser: audit(browser, site, walk_page, pages, source))


def audit(browser, site, walk_page, pages, source):
    report = {"axe": {}, "walk": None}
    for width, height, mobile, scheme in VIEWS:
        browser.send("Emulation.setDeviceMetricsOverride", {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": mobile})
        browser.send("Emulation.setEmulatedMedia", {"features": [{"name": "prefers-color-scheme", "value": scheme}]})
        for page in pages:
            browser.open((site / page).as_uri())
            browser.evaluate(source + "; true")
            report["axe"][f"{page} {scheme} {width}"] = json.loads(browser.evaluate(RUN_AXE % json.dumps(WCAG), await_promise=True))
    report["preferences"] = preferences(browser, (site / walk_page).as_uri(), source)
    browser.send("Emulation.setEmulatedMedia", {"features": [{"name": "prefers-color-scheme", "value": "light"}]})
    report["walk"] = keyboard_walk(browser, (site / walk_page).as_uri())
    return report


def preferences(browser, url, source):
    """The reader's settings: more contrast makes muted text as strong as the text and underlines links
    (and axe still finds nothing); reduced motion turns off smooth scrolling and transitions."""
    browser.send("Emulation.setDeviceMetricsOverride", {"width": 1280, "height": 900, "deviceScaleFactor": 1, "mobile": False})
    browser.send("Emulation.setEmulatedMedia", {"features": [{"name": "prefers-color-scheme", "value": "light"},
                                                             {"name": "prefers-contrast", "value": "more"},
                                                             {"name": "prefers-reduced-motion", "value": "reduce"}]})
    browser.open(url)
    browser.evaluate(source + "; true")
    state = json.loads(browser.evaluate("""JSON.stringify({
      mutedIsText: getComputedStyle(document.querySelector('.source') || document.body).color === getComputedStyle(document.body).color,
      linksUnderlined: getComputedStyle(document.querySelector('main p a:not(.button), main li a:not(.button), .nav-list a') || document.body).textDecorationLine.includes('underline'),
      smoothScrollOff: getComputedStyle(document.documentElement).scrollBehavior === 'auto',
      transitionsOff: getComputedStyle(document.querySelector('.button, button') || document.body).transitionDuration === '0s'
    })"""))
    state["axe"] = json.loads(browser.evaluate(RUN_AXE % json.dumps(WCAG), await_promise=True))
    browser.send("Emulation.setEmulatedMedia", {"features": []})
    return state

if __name__ == "__main__":
    sys.exit(main())
