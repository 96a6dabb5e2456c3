document.addEventListener("DOMContentLoaded", function () {
  if (!window.katex) return;
  document.querySelectorAll(".math").forEach(function (el) {
    try {
      katex.render(el.textContent, el, { displayMode: el.classList.contains("display"), throwOnError: false });
    } catch (e) { el.classList.add("math-error"); }
  });
});
