#!/usr/bin/env python3
"""Opens a built Tally site from disk (file://) in headless Chromium and reports, as JSON on stdout, what
the sidebar's list of notebooks holds: first with JavaScript (the list comes from the shared nav.js),
then after clicking another notebook in it, then with JavaScript disabled (only the page's own markup:
the link to the index). It asserts nothing itself: the Swift test reads the report.

usage: site_navigation.py SITE_DIR NOTEBOOK_PAGE OTHER_PAGE
(NOTEBOOK_PAGE and OTHER_PAGE relative to SITE_DIR; OTHER_PAGE's sidebar link is clicked.)
"""
import json
import sys
import time
from pathlib import Path

from site_in_browser import run_report

# The sidebar as a reader gets it: each entry of the list of notebooks with what marks it, the current
# entry's sections, and whether the index link is shown.
SIDEBAR = """JSON.stringify((() => {
  const list = document.querySelector('.nav-notebooks');
  const entries = Array.from(list ? list.children : []).map(li => {
    const a = li.querySelector(':scope > a');
    return {href: a.getAttribute('href'), text: a.textContent, current: li.classList.contains('current'),
            ariaCurrent: a.getAttribute('aria-current'), sections: li.querySelectorAll('.sections a').length,
            math: a.querySelectorAll('.katex').length,
            shown: a.getClientRects().length > 0};
  });
  const fallback = document.querySelector('.nav-fallback a');
  return {scripts: document.documentElement.classList.contains('js'),
          shared: Array.isArray(window.tallyNavigation) ? window.tallyNavigation.length : -1,
          entries: entries,
          fallback: fallback ? {href: fallback.getAttribute('href'), resolved: fallback.href,
                                shown: fallback.getClientRects().length > 0 && getComputedStyle(fallback).visibility !== 'hidden'} : null,
          location: location.href};
})())"""

WIDTHS = ((1280, 900, False), (390, 844, True))


def main():
    site, page, other = Path(sys.argv[1]).resolve(), sys.argv[2], sys.argv[3]
    return run_report(lambda browser: walk(browser, site, page, other), domains=("Page", "Runtime", "Network"))


def walk(browser, site, page, other):
    report = {}
    browser.open((site / page).as_uri())
    report["withScript"] = json.loads(browser.evaluate(SIDEBAR))
    # Clicking another notebook in the list opens it, and its own entry is then the current one.
    target = json.dumps(other)
    browser.evaluate("""(() => {
      const a = Array.from(document.querySelectorAll('.nav-notebooks a'))
        .find(a => new URL(a.href).pathname.endsWith('/' + %s));
      if (a) a.click();
      return !!a;
    })()""" % target)
    opened = "document.readyState === 'complete' && location.pathname.endsWith('/' + %s)" % target
    for _ in range(600):  # the old page's context goes away while the new one loads: ask again
        try:
            if browser.wait_until(opened):
                break
        except RuntimeError:
            time.sleep(0.05)
    report["afterClick"] = json.loads(browser.evaluate(SIDEBAR))
    report["requests"] = [url for url in browser.problems()[1] if url.startswith("file:")]
    report["consoleErrors"] = browser.problems()[0]
    # Without JavaScript, at desktop and phone width.
    browser.send("Emulation.setScriptExecutionDisabled", {"value": True})
    report["withoutScript"] = {}
    for width, height, mobile in WIDTHS:
        browser.send("Emulation.setDeviceMetricsOverride", {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": mobile})
        browser.open("about:blank")
        browser.open((site / page).as_uri())
        report["withoutScript"][str(width)] = json.loads(browser.evaluate(SIDEBAR))
    return report


if __name__ == "__main__":
    sys.exit(main())
