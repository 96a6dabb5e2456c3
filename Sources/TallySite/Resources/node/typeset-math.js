"use strict";
// Typesets the formulas a build does not know yet with KaTeX under Node (see KaTeXProcess.swift; the
// answers of earlier builds are kept and looked up by Swift, in KaTeXCache.swift, so Node is started
// only when some formula is new).
//
// usage: node typeset-math.js PATH/TO/katex.js [CODE-CACHE-FOLDER]
// Reads one JSON request per line on stdin, one page at a time, and answers each with one binary reply:
//   request: {"macros": {"\\RR": "\\mathbb{R}"}, "formulas": [{"tex": "x^2", "display": false},
//             {"tex": "y", "display": false, "known": true}, {"tex": "\\gdef\\a{b}", "display": false, "known": true, "defines": true}, …]}
//   reply:   uint32 byte count of the rest, then either
//            "R" · uint32 formula count · per formula: 0 (known: not answered) | 1 · uint32 n (the answer
//                numbered n, sent before) | 2 · answer
//            "F" · string (why KaTeX failed on the page; nothing of it was answered)
//   answer:  flags byte (1 defines, 2 html, 4 text, 8 error, 16 position), then the html (KaTeX's HTML and
//            MathML), text (the formula read as plain text), error (KaTeX's message) strings and the
//            position (a UTF-16 offset into the TeX) as uint32, each when flagged
//   string:  uint32 UTF-8 byte count, then the bytes; numbers are little-endian
// (Swift reads the replies without a JSON decoder, and keeps answers in its cache file in the same form.)
// The formulas of one request share one macro table, in order: `\newcommand`, `\renewcommand`, `\def`
// and `\gdef` in one formula apply to the later ones (KaTeX's `globalGroup`), as on a page typeset by
// KaTeX in the browser. An answer says `defines` when its formula changed that table.
// `known`: Swift already has this formula's answer (under the macros it expects there), so it is not
// answered; one that `defines` is still typeset, for its definitions. Once a formula Swift did not
// know turns out to define something, the macros of the rest of the page are not what Swift expected:
// every later formula is typeset and answered.
// Each distinct answer crosses the pipe once per process: answers are numbered as they are sent (0, 1, …
// for the life of the process), and a formula answered before under the same macros is answered by its
// number. A definition is never answered from that table: it is typeset each time, for its effect.
// V8's optimizing compiler (TurboFan) is left off, before KaTeX is loaded: a build typesets a few hundred
// distinct formulas, too few for optimized code to repay compiling it (measured on 230 formulas: 0.14 s of
// CPU instead of 0.25 s, and less wall time; the two meet near 2,700 formulas). A Node without the flag
// ignores it.
require("v8").setFlagsFromString("--max-opt=1");

const fs = require("fs");
const path = require("path");
const vm = require("vm");
const readline = require("readline");

// KaTeX is loaded at once (Node is started only when there is something to typeset), with V8's code cache
// for it when CODE-CACHE-FOLDER (the user's cache folder, `tally/` under `$XDG_CACHE_HOME` or `~/.cache`)
// holds one: its functions then come compiled instead of being parsed and compiled on first call
// (measured on 230 formulas: loading 14 → 8.5 ms, typesetting 70 → 60 ms). V8 checks that a cache was
// made from the same source by the same V8 with the same flags, and ignores one that was not. A process
// that found no cache it could use writes one when its input ends, after typesetting (so the functions
// typesetting compiled are in it); a cache holds compiled code only, never an answer.
const katexPath = process.argv[2];
const codeCacheFolder = process.argv[3];
const katexSource = fs.readFileSync(katexPath, "utf8");
const codeCacheFile = codeCacheFolder && (function () {
  const stat = fs.statSync(katexPath);
  return path.join(codeCacheFolder, "katex-" + process.version + "-" + stat.size + "-" + Math.floor(stat.mtimeMs) + ".v8cache");
})();
let codeCache;
if (codeCacheFile) { try { codeCache = fs.readFileSync(codeCacheFile); } catch (error) { /* none yet */ } }
// KaTeX's UMD build, run as CommonJS runs a module.
const katexScript = new vm.Script("(function (exports, require, module, __filename, __dirname) {" + katexSource + "\n})",
  { filename: katexPath, cachedData: codeCache });
const katexModule = { exports: {} };
katexScript.runInThisContext()(katexModule.exports, require, katexModule, katexPath, path.dirname(katexPath));
const katex = katexModule.exports;
const writesCodeCache = !!codeCacheFile && (!codeCache || katexScript.cachedDataRejected);
let typesetAny = false;

// Written to a temporary name and renamed, so a build reading it meanwhile sees the old file or the new one.
function saveCodeCache() {
  try {
    fs.mkdirSync(codeCacheFolder, { recursive: true });
    const temporary = codeCacheFile + "." + process.pid + ".tmp";
    fs.writeFileSync(temporary, katexScript.createCachedData());
    fs.renameSync(temporary, codeCacheFile);
  } catch (error) { /* a cache folder that cannot be written leaves KaTeX to be compiled next time too */ }
}

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
  typesetAny = true;
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

// The reply being written: grown as needed, its first 4 bytes left for its length.
let out = Buffer.allocUnsafe(1 << 16);
let at = 4;
function room(count) {
  if (at + count <= out.length) return;
  const bigger = Buffer.allocUnsafe(Math.max(out.length * 2, at + count));
  out.copy(bigger, 0, 0, at);
  out = bigger;
}
function byte(value) { room(1); out[at++] = value; }
function uint32(value) { room(4); out.writeUInt32LE(value, at); at += 4; }
function string(text) {
  const length = Buffer.byteLength(text, "utf8");
  uint32(length);
  room(length);
  at += out.write(text, at, length, "utf8");
}
function answer(result) {
  const flags = (result.defines ? 1 : 0) | (result.html !== undefined ? 2 : 0) | (result.text !== undefined ? 4 : 0)
    | (result.error !== undefined ? 8 : 0) | (typeof result.position === "number" ? 16 : 0);
  byte(flags);
  if (result.html !== undefined) string(result.html);
  if (result.text !== undefined) string(result.text);
  if (result.error !== undefined) string(result.error);
  if (typeof result.position === "number") uint32(result.position);
}
function send() {
  out.writeUInt32LE(at - 4, 0);
  process.stdout.write(Buffer.from(out.subarray(0, at)));
  at = 4;
}

const lines = readline.createInterface({ input: process.stdin, terminal: false });
lines.on("line", function (line) {
  if (!line.trim()) return;
  const before = answered;
  let results;
  try {
    results = typesetPage(JSON.parse(line));
  } catch (error) {
    // Nothing of a failed page was sent: forget its numbers, so both sides keep counting alike.
    sent.forEach(function (number, key) { if (number >= before) sent.delete(key); });
    answered = before;
    byte(0x46);
    string(String(error && error.stack || error));
    send();
    return;
  }
  byte(0x52);
  uint32(results.length);
  for (const result of results) {
    if (result === null) byte(0);
    else if (result.same !== undefined) { byte(1); uint32(result.same); }
    else { byte(2); answer(result); }
  }
  send();
});
lines.on("close", function () {
  if (writesCodeCache && typesetAny) saveCodeCache();
});
