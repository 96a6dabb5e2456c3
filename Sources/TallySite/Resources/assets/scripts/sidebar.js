// The sidebar's list of notebooks comes from nav.js, written once per site and loaded before this script
// (as mdBook's toc.js), so a page's size does not grow with the collection. The page itself holds a link
// to the index (what a reader without JavaScript, or without nav.js, gets) and the current notebook's
// entry with its sections; the other notebooks are put around that entry, in the site's order.
(function () {
  var list = document.querySelector(".nav-notebooks"), entries = window.tallyNavigation;
  if (!list || !Array.isArray(entries)) return;
  var root = document.body.getAttribute("data-root") || "";
  var own = list.querySelector("li[data-href]"), ownHref = own && own.getAttribute("data-href");
  var items = document.createDocumentFragment();
  entries.forEach(function (entry) {
    if (own && entry.href === ownHref) { items.appendChild(own); own = null; return; }
    var item = document.createElement("li"), link = document.createElement("a");
    link.setAttribute("href", root + entry.href);
    // Tally's own HTML (escaped text, typeset formulas), the same the page's own title is written with.
    link.innerHTML = entry.titleHTML;
    item.appendChild(link);
    items.appendChild(item);
  });
  if (own) items.insertBefore(own, items.firstChild);  // a page the list doesn't know keeps its entry
  list.replaceChildren(items);
}());
