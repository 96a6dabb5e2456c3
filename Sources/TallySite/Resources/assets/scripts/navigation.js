document.addEventListener("DOMContentLoaded", function () {
  var sidebar = document.querySelector(".sidebar"), toggle = document.querySelector(".menu-toggle");
  if (sidebar && toggle) {
    toggle.addEventListener("click", function () {
      toggle.setAttribute("aria-expanded", sidebar.classList.toggle("open") ? "true" : "false");
    });
  }
  var links = {};
  document.querySelectorAll('.toc a[href^="#"], .sections a[href^="#"]').forEach(function (a) {
    var id = decodeURIComponent(a.getAttribute("href").slice(1));
    (links[id] = links[id] || []).push(a);
  });
  var headings = Object.keys(links).map(function (id) { return document.getElementById(id); }).filter(Boolean);
  if (!headings.length) return;
  var current = null, pending = false;
  function mark() {
    pending = false;
    var found = headings[0];
    headings.forEach(function (h) { if (h.getBoundingClientRect().top < 120) found = h; });
    if (found === current) return;
    if (current) links[current.id].forEach(function (a) { a.classList.remove("active"); });
    links[found.id].forEach(function (a) { a.classList.add("active"); });
    current = found;
  }
  function schedule() {
    if (!pending) { pending = true; window.requestAnimationFrame(mark); }
  }
  window.addEventListener("scroll", schedule, { passive: true });
  window.addEventListener("resize", schedule);  // a new width moves every heading
  mark();
});
