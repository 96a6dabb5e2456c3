function isTyping(target) {
  return !!target.closest && !!target.closest("input, textarea, select, [contenteditable]");
}
// Data scripts (`nav.js`, `search-index.js`, `search/PAGE.js`, `cards/PAGE.js`) are loaded with
// <script src>, which works from file:// where fetch does not; each is requested once, and scripts
// added together run in the order given. Resolves to whether the script loaded.
var loadedScripts = {};
function loadScript(src) {
  if (!loadedScripts[src]) {
    loadedScripts[src] = new Promise(function (resolve) {
      var script = document.createElement("script");
      script.src = src;
      script.async = false;
      script.onload = function () { resolve(true); };
      script.onerror = function () { resolve(false); };
      document.head.appendChild(script);
    });
  }
  return loadedScripts[src];
}
// Fills each section[data-notebook][data-cards] with its notebook's cards, from the script it names
// (which adds them to window.tallyCards under the notebook's page), once. Resolves when all are in.
function loadCards(sections) {
  var root = document.body.getAttribute("data-root") || "";
  return Promise.all(sections.map(function (section) {
    return loadScript(root + section.getAttribute("data-cards")).then(function () {
      if (section.hasAttribute("data-loaded")) return;
      section.setAttribute("data-loaded", "");
      var cards = (window.tallyCards || {})[section.getAttribute("data-notebook")];
      if (!cards) {
        var p = document.createElement("p");
        p.className = "card-missing";
        p.textContent = "This notebook's cards (" + section.getAttribute("data-cards") + ") could not be loaded.";
        section.appendChild(p);
        return;
      }
      section.insertAdjacentHTML("beforeend", cards.join(""));
      typesetMath(section);
    });
  })).then(contentChanged);
}
// Tells the page's scripts (scrollable blocks) that content was added or shown.
function contentChanged() {
  document.dispatchEvent(new Event("tally:content"));
}
