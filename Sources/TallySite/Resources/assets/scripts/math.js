// Math left to the browser (no KaTeX at build time, or cloze deletions in formulas): typeset every
// formula under `root` that is not typeset yet; run on the page, and on cards added to it later.
function typesetMath(root) {
  if (!window.katex) return;
  root.querySelectorAll(".math").forEach(function (el) {
    if (el.querySelector(".katex") || el.classList.contains("math-error")) return;  // typeset at build time
    try {
      katex.render(el.textContent, el, { displayMode: el.classList.contains("display"), throwOnError: false });
    } catch (e) { el.classList.add("math-error"); }
  });
}
document.addEventListener("DOMContentLoaded", function () { typesetMath(document); });
