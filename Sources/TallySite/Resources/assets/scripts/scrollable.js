// Blocks that scroll sideways (long code, wide tables and formulas) join the Tab order while they do,
// so the keyboard can reach and scroll them (WCAG 2.1.1); they leave it again when the window grows.
// Checked again on "tally:content", which the page's scripts send when they add or show content (cards).
document.addEventListener("DOMContentLoaded", function () {
  var names = { PRE: "Code", DIV: "Block" };
  function label(el) {
    if (el.classList.contains("math")) return "Formula, scrolls sideways";
    if (el.classList.contains("table-wrap")) return "Table, scrolls sideways";
    return (names[el.tagName] || "Block") + ", scrolls sideways";
  }
  function mark() {
    document.querySelectorAll("main pre, main .table-wrap, main .math.display").forEach(function (el) {
      var scrolls = el.scrollWidth > el.clientWidth + 1;
      if (scrolls && !el.hasAttribute("data-scrollable")) {
        el.setAttribute("data-scrollable", "");
        el.tabIndex = 0;
        el.setAttribute("role", "region");
        el.setAttribute("aria-label", label(el));
      } else if (!scrolls && el.hasAttribute("data-scrollable")) {
        el.removeAttribute("data-scrollable");
        el.removeAttribute("tabindex");
        el.removeAttribute("role");
        el.removeAttribute("aria-label");
      }
    });
  }
  var pending = false;
  window.addEventListener("resize", function () {
    if (!pending) { pending = true; window.requestAnimationFrame(function () { pending = false; mark(); }); }
  });
  document.addEventListener("tally:content", mark);
  mark();
});
