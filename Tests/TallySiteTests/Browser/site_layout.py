#!/usr/bin/env python3
"""Opens every page of built Tally sites in headless Chromium at phone and desktop widths and reports,
as JSON on stdout, whether anything makes a page wider than the screen: per page and width, the
document's scrollWidth, the window's innerWidth, and the widest elements that stick out (to say why).
It asserts nothing itself: the Swift test reads the report.

usage: site_layout.py SITE_DIR...   (pages are named PARENT/PAGE: the site's folder's parent, then the page)
"""
import json
import sys
from pathlib import Path

from site_in_browser import run_report

WIDTHS = ((390, 844, True), (1280, 900, False))

# On a phone (mobile emulation honours the viewport meta tag) content wider than the screen widens the
# layout viewport itself, so innerWidth grows past the device's width: elements are measured against that.
OVERFLOW = """JSON.stringify((() => {
  const width = %d;
  // Elements whose box reaches past the window, outside any block that scrolls them.
  const out = [];
  for (const el of document.body.querySelectorAll('*')) {
    const box = el.getBoundingClientRect();
    if (box.width === 0 || box.right <= width + 1) continue;
    // An absolutely placed element escapes a scrolling block that is not positioned: count it.
    let clipped = false;
    if (getComputedStyle(el).position !== 'absolute') for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) {
      const style = getComputedStyle(p);
      if (style.overflowX !== 'visible' || style.position === 'fixed') { clipped = true; break; }
    }
    if (!clipped) out.push({tag: el.tagName.toLowerCase(), cls: String(el.className).slice(0, 60),
                            right: Math.round(box.right), text: (el.textContent || '').trim().slice(0, 60)});
  }
  return {scrollWidth: document.documentElement.scrollWidth, innerWidth: width, sticksOut: out.slice(-5)};
})())"""


def main():
    sites = [Path(s).resolve() for s in sys.argv[1:]]
    return run_report(lambda browser: measure(browser, sites))


def measure(browser, sites):
    report = {"pages": {}}
    for width, height, mobile in WIDTHS:
        browser.send("Emulation.setDeviceMetricsOverride", {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": mobile})
        for site in sites:
            for page in sorted(site.rglob("*.html")):
                browser.open(page.as_uri())
                name = f"{site.parent.name}/{page.relative_to(site)}"
                report["pages"].setdefault(name, {})[str(width)] = json.loads(browser.evaluate(OVERFLOW % width))
    return report

if __name__ == "__main__":
    sys.exit(main())
