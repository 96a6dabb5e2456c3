document.addEventListener("DOMContentLoaded", function () {
  if (!window.katex) return;
  document.querySelectorAll(".math").forEach(function (el) {
    if (el.querySelector(".katex") || el.classList.contains("math-error")) return;  // typeset at build time
    try {
      katex.render(el.textContent, el, { displayMode: el.classList.contains("display"), throwOnError: false });
    } catch (e) { el.classList.add("math-error"); }
  });
});
