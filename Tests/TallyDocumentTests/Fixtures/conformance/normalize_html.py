"""Compares HTML as the CommonMark and GFM spec tests do (after cmark's test/normalize.py): entities
decoded, attributes sorted, whitespace collapsed and dropped around block-level tags, `<br />` and
`<br>` alike. It also strips what Tally adds on purpose, and only that: heading `id`s, the
`<div class="table-wrap">` around tables, the `task` class of task-list items.

Input (argv[1]): a JSON list of {"example", "expected", "actual"}. Output: a JSON list of the
example numbers whose normalised HTML differ, with both normal forms.
"""
import html
import json
import re
import sys
from html.parser import HTMLParser

BLOCK = {"article", "header", "aside", "hgroup", "blockquote", "hr", "iframe", "body", "li", "map",
         "button", "object", "canvas", "ol", "caption", "output", "col", "p", "colgroup", "pre", "dd",
         "progress", "div", "section", "dl", "table", "td", "dt", "tbody", "embed", "textarea",
         "fieldset", "tfoot", "figcaption", "th", "figure", "thead", "footer", "tr", "form", "ul",
         "h1", "h2", "h3", "h4", "h5", "h6", "video", "script", "style", "details", "summary"}


class Normalizer(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=False)
        self.out = []
        self.in_pre = 0
        self.skip_close = []

    def text(self, t):
        if not self.in_pre:
            t = re.sub(r"\s+", " ", t)
        self.out.append(("text", t))

    def handle_data(self, data):
        self.text(data)

    def handle_entityref(self, name):
        self.text(html.unescape("&%s;" % name))

    def handle_charref(self, name):
        self.text(html.unescape("&#%s;" % name))

    def handle_starttag(self, tag, attrs, closed=False):
        attrs = [(k, v) for k, v in attrs]
        if tag == "div" and ("class", "table-wrap") in attrs:
            self.skip_close.append(True)
            return
        if tag == "div":
            self.skip_close.append(False)
        if re.fullmatch(r"h[1-6]", tag):
            attrs = [(k, v) for k, v in attrs if k != "id"]
        if tag == "li":
            attrs = [(k, v) for k, v in attrs if not (k == "class" and v == "task")]
        if tag == "pre":
            self.in_pre += 1
        attrs = sorted((k, "" if v is None else v) for k, v in attrs)
        self.out.append(("start", tag, tuple(attrs)))

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs, closed=True)

    def handle_endtag(self, tag):
        if tag == "div" and self.skip_close:
            if self.skip_close.pop():
                return
        if tag == "pre":
            self.in_pre = max(0, self.in_pre - 1)
        self.out.append(("end", tag))

    def handle_comment(self, data):
        self.out.append(("comment", data))

    def handle_decl(self, decl):
        self.out.append(("decl", decl))

    def unknown_decl(self, data):
        self.out.append(("decl", data))

    def handle_pi(self, data):
        self.out.append(("pi", data))


def normalize(text):
    parser = Normalizer()
    parser.feed(text)
    parser.close()
    # Merge text runs, then drop whitespace next to block-level tags.
    items = []
    for item in parser.out:
        if item[0] == "text" and items and items[-1][0] == "text":
            items[-1] = ("text", items[-1][1] + item[1])
        else:
            items.append(item)
    out = []
    for i, item in enumerate(items):
        if item[0] == "text":
            t = item[1]
            prev = items[i - 1] if i > 0 else None
            nxt = items[i + 1] if i + 1 < len(items) else None
            if prev is None or (prev[0] in ("start", "end") and prev[1] in BLOCK):
                t = t.lstrip() if not (prev and prev[0] == "start" and prev[1] == "pre") else t
            if nxt is None or (nxt[0] in ("start", "end") and nxt[1] in BLOCK):
                t = t.rstrip() if not (nxt and nxt[0] == "end" and nxt[1] == "pre") else t
            if t:
                out.append(html.escape(t, quote=False))
        elif item[0] == "start":
            attrs = "".join(' %s="%s"' % (k, html.escape(v)) for k, v in item[2])
            out.append("<%s%s>" % (item[1], attrs))
        elif item[0] == "end":
            out.append("</%s>" % item[1])
        elif item[0] == "comment":
            out.append("<!--%s-->" % item[1])
        else:
            out.append("<!%s>" % item[1])
    return "".join(out)


def main():
    cases = json.load(open(sys.argv[1], encoding="utf-8"))
    failing = []
    for case in cases:
        expected, actual = normalize(case["expected"]), normalize(case["actual"])
        if expected != actual:
            failing.append({"example": case["example"], "expected": expected, "actual": actual})
    json.dump(failing, sys.stdout, ensure_ascii=False)


main()
