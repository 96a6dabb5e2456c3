#!/usr/bin/env python3
"""Opens a built Tally site in headless Chromium and reports, as JSON on stdout, what a reader gets:
errors in the console, math left untypeset, requests leaving the machine, search and review driven
by the keyboard, and screenshots. It asserts nothing itself: the Swift test reads the report.

Chromium is driven over the DevTools protocol on a pipe (--remote-debugging-pipe: commands on fd 3,
replies on fd 4, each a JSON message ended by a NUL byte), so only the standard library is needed.

usage: site_in_browser.py SITE_DIR NOTEBOOK_PAGE CARD_ID CARD_WORD BROAD_WORD ARTIFACTS_DIR
(CARD_WORD is on the card's back only; BROAD_WORD finds several entries.)
"""
import base64
import fcntl
import json
import os
import select
import shutil
import sys
import tempfile
import time
from pathlib import Path

# Generous limits for a loaded, shared machine; they only stop a hung browser, they time nothing.
COMMAND_SECONDS = 60
CONDITION_SECONDS = 30


class Browser:
    def __init__(self, chromium):
        self.profile = tempfile.mkdtemp(prefix="tally-chromium-")
        self.log = open(os.path.join(self.profile, "chromium.log"), "wb")
        commands_r, self.commands = os.pipe()
        self.replies, replies_w = os.pipe()
        # Chromium's ends first go above 9, so putting them on 3 and 4 in the child can't overwrite one another.
        child_in = fcntl.fcntl(commands_r, fcntl.F_DUPFD_CLOEXEC, 10)
        child_out = fcntl.fcntl(replies_w, fcntl.F_DUPFD_CLOEXEC, 10)
        for fd in (commands_r, replies_w):
            os.close(fd)
        arguments = [chromium, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--no-first-run",
                     "--disable-extensions", "--remote-debugging-pipe", "--user-data-dir=" + self.profile, "about:blank"]
        self.pid = os.posix_spawn(chromium, arguments, os.environ, file_actions=[
            (os.POSIX_SPAWN_DUP2, child_in, 3), (os.POSIX_SPAWN_DUP2, child_out, 4),
            (os.POSIX_SPAWN_OPEN, 0, "/dev/null", os.O_RDONLY, 0),
            (os.POSIX_SPAWN_DUP2, self.log.fileno(), 1), (os.POSIX_SPAWN_DUP2, self.log.fileno(), 2)])
        os.close(child_in)
        os.close(child_out)
        self.buffer = b""
        self.next_id = 0
        self.events = []
        self.session = None

    @classmethod
    def start(cls, domains=("Page", "Runtime")):
        """Chromium (CHROMIUM, else `chromium` on PATH) with one page attached and `domains` enabled; None
        when there is no Chromium (the caller reports it)."""
        chromium = os.environ.get("CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")
        if not chromium:
            print("chromium is not installed (make test installs Debian's chromium)", file=sys.stderr)
            return None
        browser = cls(chromium)
        try:
            target = browser.send("Target.createTarget", {"url": "about:blank"}, session=False)["targetId"]
            browser.session = browser.send("Target.attachToTarget", {"targetId": target, "flatten": True}, session=False)["sessionId"]
            for domain in domains:
                browser.send(domain + ".enable")
        except Exception:
            browser.close()
            raise
        return browser

    def close(self):
        try:
            self.send("Browser.close", session=False)
        except Exception:
            os.kill(self.pid, 9)
        os.waitpid(self.pid, 0)
        self.log.close()
        shutil.rmtree(self.profile, ignore_errors=True)

    def _read_message(self, deadline):
        while b"\0" not in self.buffer:
            left = deadline - time.monotonic()
            if left <= 0 or not select.select([self.replies], [], [], left)[0]:
                raise TimeoutError("Chromium did not answer")
            chunk = os.read(self.replies, 1 << 20)
            if not chunk:
                raise RuntimeError("Chromium exited: " + Path(self.log.name).read_text(errors="replace")[-2000:])
            self.buffer += chunk
        message, self.buffer = self.buffer.split(b"\0", 1)
        return json.loads(message)

    def send(self, method, params=None, session=True):
        self.next_id += 1
        message = {"id": self.next_id, "method": method, "params": params or {}}
        if session and self.session:
            message["sessionId"] = self.session
        os.write(self.commands, json.dumps(message).encode() + b"\0")
        deadline = time.monotonic() + COMMAND_SECONDS
        while True:
            reply = self._read_message(deadline)
            if reply.get("id") == self.next_id:
                if "error" in reply:
                    raise RuntimeError(f"{method}: {reply['error']}")
                return reply.get("result", {})
            self.events.append(reply)

    def wait_for_event(self, method):
        deadline = time.monotonic() + COMMAND_SECONDS
        seen = len(self.events)
        while True:
            for event in self.events[seen:]:
                if event.get("method") == method:
                    return event
            seen = len(self.events)
            self.events.append(self._read_message(deadline))

    def evaluate(self, expression, await_promise=False):
        result = self.send("Runtime.evaluate", {"expression": expression, "returnByValue": True, "awaitPromise": await_promise})
        if "exceptionDetails" in result:
            raise RuntimeError(f"{expression}: {result['exceptionDetails']}")
        return result["result"].get("value")

    def wait_until(self, expression):
        """Polls `expression` until it is truthy; returns its value, or None after CONDITION_SECONDS."""
        deadline = time.monotonic() + CONDITION_SECONDS
        while time.monotonic() < deadline:
            value = self.evaluate(expression)
            if value:
                return value
            time.sleep(0.05)
        return None

    def open(self, url):
        self.send("Page.navigate", {"url": url})
        self.wait_for_event("Page.loadEventFired")
        self.wait_until("document.readyState === 'complete'")
        self.wait_until(CARDS_LOADED)
        self.evaluate("document.fonts.ready.then(() => true)", await_promise=True)

    def press(self, key, code, key_code, text=None, modifiers=0):
        """Presses and releases a key; `modifiers` as DevTools counts them (1 Alt, 2 Ctrl, 4 Meta, 8 Shift)."""
        base = {"key": key, "code": code, "windowsVirtualKeyCode": key_code, "nativeVirtualKeyCode": key_code, "modifiers": modifiers}
        self.send("Input.dispatchKeyEvent", dict(base, type="keyDown" if text else "rawKeyDown", **({"text": text} if text else {})))
        self.send("Input.dispatchKeyEvent", dict(base, type="keyUp"))

    def search(self, text):
        """Types `text` into the focused search box; returns the results once they are shown."""
        self.send("Input.insertText", {"text": text})
        found = self.wait_until("""(() => {
          const links = Array.from(document.querySelectorAll('.search-results [role=option] a'));
          return links.length && document.querySelector('.search-input').value === %s ? JSON.stringify(links.map(a => ({
            href: a.getAttribute('href'), title: a.querySelector('.result-title').textContent,
            meta: a.querySelector('.result-meta').textContent}))) : null;
        })()""" % json.dumps(text))
        return json.loads(found) if found else []

    def screenshot(self, path, width, height, mobile, dark=False):
        self.send("Emulation.setDeviceMetricsOverride", {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": mobile})
        self.send("Emulation.setEmulatedMedia", {"features": [{"name": "prefers-color-scheme", "value": "dark" if dark else "light"}]})
        self.evaluate("new Promise(r => requestAnimationFrame(() => requestAnimationFrame(() => r(true))))", await_promise=True)
        data = self.send("Page.captureScreenshot", {"format": "png"})["data"]
        Path(path).write_bytes(base64.b64decode(data))
        return str(path)

    def problems(self):
        """Console errors, uncaught exceptions and failed loads so far, and every URL requested."""
        errors, requests = [], []
        for event in self.events:
            method, params = event.get("method"), event.get("params", {})
            if method == "Runtime.exceptionThrown":
                details = params["exceptionDetails"]
                errors.append(details.get("exception", {}).get("description") or details.get("text"))
            elif method == "Runtime.consoleAPICalled" and params.get("type") in ("error", "assert"):
                errors.append(" ".join(str(a.get("value", a.get("description"))) for a in params.get("args", [])))
            elif method == "Log.entryAdded" and params["entry"].get("level") == "error":
                errors.append(params["entry"].get("text", "") + " " + params["entry"].get("url", ""))
            elif method == "Network.requestWillBeSent":
                requests.append(params["request"]["url"])
        return errors, requests


def run_report(fill, domains=("Page", "Runtime")):
    """Starts Chromium, lets `fill(browser)` make the report, closes Chromium, prints the report as JSON.
    Returns the exit status: 2 when there is no Chromium."""
    browser = Browser.start(domains)
    if not browser:
        return 2
    try:
        report = fill(browser)
    finally:
        browser.close()
    json.dump(report, sys.stdout, indent=1)
    return 0


# The cards and review pages load their cards from cards/PAGE.js: done when no section the page shows
# is waiting for its script (a review says "Loading cards…" until then).
CARDS_LOADED = """!document.querySelector('.card-group[data-cards]:not([data-loaded])')
  && !/^Loading/.test((document.querySelector('.review-progress') || {}).textContent || '')"""

MATH_STATE = """JSON.stringify({
  math: document.querySelectorAll('.math').length,
  untypeset: Array.from(document.querySelectorAll('.math')).filter(m => !m.querySelector('.katex')).length,
  katexErrors: document.querySelectorAll('.katex-error').length,
  checked: document.querySelectorAll('.checked, .check-mark').length,
  charts: document.querySelectorAll('img.chart').length,
  katexFontsLoaded: Array.from(document.fonts).filter(f => f.family.startsWith('KaTeX') && f.status === 'loaded').length,
  katexFontsFailed: Array.from(document.fonts).filter(f => f.family.startsWith('KaTeX') && f.status === 'error').length
})"""

SELECTED = "(document.querySelector('.search-results [aria-selected=true] a') || {getAttribute: () => null}).getAttribute('href')"

VISIBLE_CARD = """JSON.stringify((() => {
  const card = Array.from(document.querySelectorAll('.review-deck .card')).find(c => !c.hidden && c.offsetParent !== null);
  return {
    progress: document.querySelector('.review-progress').textContent,
    card: card ? card.getAttribute('data-card-id') : null,
    visibleCards: Array.from(document.querySelectorAll('.review-deck .card')).filter(c => c.offsetParent !== null).length,
    frontShown: !!card && card.querySelector('.front').offsetParent !== null,
    backShown: !!card && card.querySelector('.back').offsetParent !== null
  };
})())"""


def main():
    site, notebook, card_id, word, broad, artifacts = sys.argv[1:7]
    site, artifacts = Path(site).resolve(), Path(artifacts)
    artifacts.mkdir(parents=True, exist_ok=True)
    return run_report(lambda browser: walk_site(browser, site, notebook, card_id, word, broad, artifacts),
                      ("Page", "Runtime", "Log", "Network"))


def walk_site(browser, site, notebook, card_id, word, broad, artifacts):
    report = {"pages": {}, "screenshots": []}
    browser.send("Emulation.setDeviceMetricsOverride", {"width": 1280, "height": 900, "deviceScaleFactor": 1, "mobile": False})

    for page in ("index.html", notebook, "cards.html", "review.html"):
        before = len(browser.problems()[0])
        browser.open((site / page).as_uri())
        state = json.loads(browser.evaluate(MATH_STATE))
        state["consoleErrors"] = browser.problems()[0][before:]
        report["pages"][page] = state

    # Search: `/` focuses the box; arrows move through the results of a broad word; Escape clears;
    # Enter opens the top result for the card's word.
    browser.open((site / notebook).as_uri())
    browser.press("/", "Slash", 191, text="/")
    search = {"focusedBySlash": browser.evaluate("document.activeElement === document.querySelector('.search-input')")}
    search["broad"] = browser.search(broad)
    browser.press("ArrowDown", "ArrowDown", 40)
    search["afterArrowDown"] = browser.evaluate(SELECTED)
    browser.press("ArrowUp", "ArrowUp", 38)
    search["afterArrowUp"] = browser.evaluate(SELECTED)
    browser.press("Escape", "Escape", 27)
    search["results"] = browser.search(word)
    search["selected"] = browser.evaluate(SELECTED)
    report["screenshots"].append(browser.screenshot(artifacts / "search-desktop.png", 1280, 900, False))
    browser.press("Enter", "Enter", 13, text="\r")
    search["openedHash"] = browser.wait_until("location.hash === '#card-" + card_id + "' && location.hash")
    search["openedPage"] = browser.evaluate("location.pathname.split('/').pop()")
    report["search"] = search

    # Review one notebook's cards: front first, Space flips, → moves on (and shows the next front).
    # Only that notebook's cards are loaded.
    before = len(browser.problems()[1])
    browser.open((site / "review.html").as_uri() + "#notebook=" + notebook)
    review = {"start": json.loads(browser.evaluate(VISIBLE_CARD))}
    review["cardScripts"] = ["/".join(u.split("/")[-2:]) for u in browser.problems()[1][before:] if "/cards/" in u]
    browser.press(" ", "Space", 32, text=" ")
    review["afterSpace"] = json.loads(browser.evaluate(VISIBLE_CARD))
    browser.press("ArrowRight", "ArrowRight", 39)
    review["afterArrowRight"] = json.loads(browser.evaluate(VISIBLE_CARD))
    browser.press("k", "KeyK", 75, text="k")
    review["afterK"] = json.loads(browser.evaluate(VISIBLE_CARD))
    browser.press("Enter", "Enter", 13, text="\r")
    review["afterEnter"] = json.loads(browser.evaluate(VISIBLE_CARD))
    # 1 (Again) on the flipped card: the next card, and the missed one comes back later; 2 (Good) moves on.
    browser.press("1", "Digit1", 49, text="1")
    review["afterAgain"] = json.loads(browser.evaluate(VISIBLE_CARD))
    browser.press(" ", "Space", 32, text=" ")
    browser.press("2", "Digit2", 50, text="2")
    review["afterGood"] = json.loads(browser.evaluate(VISIBLE_CARD))
    review["remembered"] = json.loads(browser.evaluate("localStorage.getItem('tally-missed-cards') || '[]'"))
    # A later visit reviews only the missed cards (a new load, not a change of hash on the same page).
    browser.open("about:blank")
    browser.open((site / "review.html").as_uri() + "#notebook=" + notebook + "&missed")
    review["missedOnly"] = json.loads(browser.evaluate(VISIBLE_CARD))
    # A notebook the site doesn't have: said so, with the list to choose from.
    browser.open("about:blank")
    browser.open((site / "review.html").as_uri() + "#notebook=no-such-notebook.html")
    review["unknown"] = json.loads(browser.evaluate(VISIBLE_CARD))
    review["unknownMessage"] = browser.evaluate("(m => m.hidden ? '' : m.textContent)(document.querySelector('.review-message'))")
    review["unknownLinks"] = json.loads(browser.evaluate("JSON.stringify(Array.from(document.querySelectorAll('.review-message a')).map(a => a.getAttribute('href')))"))
    report["review"] = review
    report["screenshots"].append(browser.screenshot(artifacts / "review-phone.png", 390, 844, True))

    # The notebook as a reader sees it: desktop and phone, light and dark.
    browser.open((site / notebook).as_uri())
    for name, width, height, mobile, dark in (("notebook-desktop", 1280, 900, False, False),
                                              ("notebook-desktop-dark", 1280, 900, False, True),
                                              ("notebook-phone", 390, 844, True, False),
                                              ("notebook-phone-dark", 390, 844, True, True)):
        report["screenshots"].append(browser.screenshot(artifacts / (name + ".png"), width, height, mobile, dark))

    # As printed (print media, from a dark screen): the page alone, in light colours, charts and math drawn.
    browser.send("Emulation.setDeviceMetricsOverride", {"width": 800, "height": 1100, "deviceScaleFactor": 1, "mobile": False})
    browser.send("Emulation.setEmulatedMedia", {"media": "print", "features": [{"name": "prefers-color-scheme", "value": "dark"}]})
    report["print"] = json.loads(browser.evaluate("""JSON.stringify({
      sidebarShown: document.querySelector('.sidebar').offsetParent !== null,
      chartsDrawn: Array.from(document.querySelectorAll('img.chart')).filter(i => i.complete && i.naturalWidth > 0 && i.offsetHeight > 50
                   && getComputedStyle(i).filter === 'none').length,
      mathShown: Array.from(document.querySelectorAll('.math .katex')).filter(k => k.offsetParent !== null).length,
      background: getComputedStyle(document.body).backgroundColor
    })"""))
    browser.send("Emulation.setEmulatedMedia", {"media": "", "features": []})

    errors, requests = browser.problems()
    report["consoleErrors"] = errors
    report["requests"] = len(requests)
    report["remoteRequests"] = [u for u in requests if not u.startswith(("file:", "data:", "about:"))]
    return report


if __name__ == "__main__":
    sys.exit(main())
