"use strict";
// Typesets the formulas a build does not know yet with KaTeX under Node (see KaTeXProcess.swift; the
// answers of earlier builds are kept and looked up by Swift, in KaTeXCache.swift, so Node is started
// only when some formula is new).
//
// usage: node typeset-math.js PATH/TO/katex.js
// Reads one JSON request per line on stdin, one page at a time, and answers each with one line:
//   request: {"macros": {"\\RR": "\\mathbb{R}"}, "formulas": [{"tex": "x^2", "display": false},
//             {"tex": "y", "display": false, "known": true}, {"tex": "\\gdef\\a{b}", "display": false, "known": true, "defines": true}, …]}
//   reply:   {"results": [{"html": "<span class=\"katex\">…", "text": "x2"}, null, null, {"same": 0},
//             {"error": "…", "position": 3}, {"html": "…", "text": "", "defines": true}, …]}
// The formulas of one request share one macro table, in order: `\newcommand`, `\renewcommand`, `\def`
// and `\gdef` in one formula apply to the later ones (KaTeX's `globalGroup`), as on a page typeset by
// KaTeX in the browser. An answer says `"defines": true` when its formula changed that table.
// `known`: Swift already has this formula's answer (under the macros it expects there), so it is
// answered null; one that `defines` is still typeset, for its definitions. Once a formula Swift did not
// know turns out to define something, the macros of the rest of the page are not what Swift expected:
// every later formula is typeset and answered.
// Each distinct answer crosses the pipe once per process: answers are numbered as they are sent (0, 1, …
// for the life of the process), and a formula answered before under the same macros is answered
// {"same": n}. A definition is never answered from that table: it is typeset each time, for its effect.
const katexPath = process.argv[2];
const katex = require(katexPath);  // loaded at once: Node is started only when there is something to typeset
const readline = require("readline");

const sent = new Map();  // key (macros in effect, display, TeX) → the number of its answer
let answered = 0;

// The text a formula reads as, for a page's <title> and search: the MathML's characters, without its
// TeX annotation (so `\sigma(x)` reads "σ(x)").
function plainText(html) {
  const mathml = /<math[\s\S]*?<\/math>/.exec(html);
  if (!mathml) return "";
  return mathml[0].replace(/<annotation[\s\S]*?<\/annotation>/g, "").replace(/<[^>]*>/g, "")
    .replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, "\"").replace(/&#x27;/g, "'").replace(/&amp;/g, "&")
    .replace(/\u2061/g, "").replace(/\s+/g, " ").trim();
}

// Typesets one formula with `macros` (which its definitions change); `defines` tells whether they did.
function typeset(formula, macros) {
  const before = Object.keys(macros).map(function (name) { return [name, macros[name]]; });
  let result;
  try {
    const html = katex.renderToString(formula.tex, {
      displayMode: !!formula.display, throwOnError: true, globalGroup: true, macros: macros,
      output: "htmlAndMathml", strict: "ignore", trust: false,
    });
    result = { html: html, text: plainText(html) };
  } catch (error) {
    if (!(error instanceof katex.ParseError)) throw error;
    const message = String(error.message).replace(/^KaTeX parse error: /, "");
    result = { error: message, position: typeof error.position === "number" ? error.position : null };
  }
  if (Object.keys(macros).length !== before.length || before.some(function (entry) { return macros[entry[0]] !== entry[1]; })) {
    result.defines = true;
  }
  return result;
}

function typesetPage(request) {
  const macros = Object.assign({}, request.macros || {});
  // The key names every definition made so far on this page, so an answer is reused only where the
  // same macros are in effect.
  let state = JSON.stringify(request.macros || {});
  let diverged = false;  // a formula Swift did not know defined something: its `known` no longer holds
  return request.formulas.map(function (formula) {
    const known = formula.known && !diverged;
    if (known && !formula.defines) return null;
    const key = state + "\u0000" + (formula.display ? "D" : "I") + formula.tex;
    if (!known) {
      const number = sent.get(key);
      if (number !== undefined) return { same: number };
    }
    const result = typeset(formula, macros);
    if (result.defines) {
      state += "\u0000" + formula.tex;
      if (!known) diverged = true;
    }
    if (known) return null;
    if (!result.defines) sent.set(key, answered);
    answered += 1;
    return result;
  });
}

const lines = readline.createInterface({ input: process.stdin, terminal: false });
lines.on("line", function (line) {
  if (!line.trim()) return;
  const before = answered;
  let reply;
  try {
    reply = { results: typesetPage(JSON.parse(line)) };
  } catch (error) {
    // Nothing of a failed page was sent: forget its numbers, so both sides keep counting alike.
    sent.forEach(function (number, key) { if (number >= before) sent.delete(key); });
    answered = before;
    reply = { failure: String(error && error.stack || error) };
  }
  process.stdout.write(JSON.stringify(reply) + "\n");
});
