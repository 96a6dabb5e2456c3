"use strict";
// Typesets a build's formulas with KaTeX under Node, once per build (see MathTypesetter.swift).
//
// usage: node typeset-math.js PATH/TO/katex.js [CACHE_FILE]
// Reads one JSON request per line on stdin, one page at a time, and answers each with one line:
//   request: {"macros": {"\\RR": "\\mathbb{R}"}, "formulas": [{"tex": "x^2", "display": false}, …]}
//   reply:   {"results": [{"html": "<span class=\"katex\">…", "text": "x2"} | {"error": "…", "position": 3}, …]}
// The formulas of one request share one macro table, in order: `\newcommand`, `\renewcommand`, `\def`
// and `\gdef` in one formula apply to the later ones (KaTeX's `globalGroup`), as on a page typeset by
// KaTeX in the browser. Results are cached by formula and the macros in effect, for the whole process,
// and in CACHE_FILE between runs (the answers this run used, written when stdin ends; KaTeX is only
// loaded when a formula is not in the cache, so a rebuild with nothing new costs Node's start alone).
const fs = require("fs");
const readline = require("readline");
const katexPath = process.argv[2], cacheFile = process.argv[3];

let katexModule = null;
function katex() {
  if (!katexModule) katexModule = require(katexPath);
  return katexModule;
}
// The cache belongs to one KaTeX: its file's size and time stand in for its version without loading it.
const katexStamp = (function () { try { const s = fs.statSync(fs.realpathSync(katexPath)); return s.size + ":" + s.mtimeMs; } catch (e) { return ""; } })();

const cache = new Map(), used = new Map();
if (cacheFile) {
  try {
    const stored = JSON.parse(fs.readFileSync(cacheFile, "utf8"));
    if (stored.katex === katexStamp) Object.keys(stored.results).forEach(function (key) { cache.set(key, stored.results[key]); });
  } catch (e) { /* no cache yet, or unreadable: start empty */ }
}

// The text a formula reads as, for a page's <title> and search: the MathML's characters, without its
// TeX annotation (so `\sigma(x)` reads "σ(x)").
function plainText(html) {
  const mathml = /<math[\s\S]*?<\/math>/.exec(html);
  if (!mathml) return "";
  return mathml[0].replace(/<annotation[\s\S]*?<\/annotation>/g, "").replace(/<[^>]*>/g, "")
    .replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, "\"").replace(/&#x27;/g, "'").replace(/&amp;/g, "&")
    .replace(/\u2061/g, "").replace(/\s+/g, " ").trim();
}

function typesetPage(request) {
  const macros = Object.assign({}, request.macros || {});
  // The cache key names every definition made so far on this page, so a formula is reused only
  // where the same macros are in effect.
  let state = JSON.stringify(request.macros || {});
  return request.formulas.map(function (formula) {
    const key = state + "\u0000" + (formula.display ? "D" : "I") + formula.tex;
    const cached = cache.get(key);
    if (cached) { used.set(key, cached); return cached; }
    const before = Object.keys(macros).map(function (name) { return [name, macros[name]]; });
    let result;
    try {
      const html = katex().renderToString(formula.tex, {
        displayMode: !!formula.display, throwOnError: true, globalGroup: true, macros: macros,
        output: "htmlAndMathml", strict: "ignore", trust: false,
      });
      result = { html: html, text: plainText(html) };
    } catch (error) {
      if (!(error instanceof katex().ParseError)) throw error;
      const message = String(error.message).replace(/^KaTeX parse error: /, "");
      result = { error: message, position: typeof error.position === "number" ? error.position : null };
    }
    const changed = Object.keys(macros).length !== before.length || before.some(function (entry) { return macros[entry[0]] !== entry[1]; });
    if (changed) state += "\u0000" + formula.tex;  // a definition: later keys depend on it, and it is not reused
    else { cache.set(key, result); used.set(key, result); }
    return result;
  });
}

const lines = readline.createInterface({ input: process.stdin, terminal: false });
lines.on("line", function (line) {
  if (!line.trim()) return;
  let reply;
  try {
    reply = { results: typesetPage(JSON.parse(line)) };
  } catch (error) {
    reply = { failure: String(error && error.stack || error) };
  }
  process.stdout.write(JSON.stringify(reply) + "\n");
});
lines.on("close", function () {
  if (!cacheFile) return;
  const results = {};
  used.forEach(function (value, key) { results[key] = value; });
  try {
    fs.writeFileSync(cacheFile + ".tmp", JSON.stringify({ katex: katexStamp, results: results }));
    fs.renameSync(cacheFile + ".tmp", cacheFile);
  } catch (e) { /* a cache that can't be written only costs time */ }
});
