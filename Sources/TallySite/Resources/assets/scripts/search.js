document.addEventListener("DOMContentLoaded", function () {
  var box = document.querySelector(".search-input"), list = document.querySelector(".search-results");
  if (!box || !list) return;
  var root = document.body.getAttribute("data-root") || "";
  var entries = null, found = [], active = -1, loading = false;

  // search-index.js lists each notebook's part (search/PAGE.js, which adds its entries to
  // window.tallySearchIndex under its page); all are loaded on first use, and kept in site order.
  function loadIndex() {
    if (entries || loading) return;
    loading = true;
    loadScript(root + "search-index.js").then(function (ok) {
      var parts = window.tallySearchParts;
      if (!ok || !parts) return false;
      return Promise.all(parts.map(function (part) { return loadScript(root + part.script); })).then(function () {
        var index = window.tallySearchIndex || {};
        entries = [];
        parts.forEach(function (part) { (index[part.page] || []).forEach(prepare); });
        return true;
      });
    }).then(function (ok) {
      loading = false;
      if (ok) update(); else message("The search index is missing.");
    });
  }
  function prepare(e) {
    entries.push({ entry: e, title: e.title.toLowerCase(), text: e.text.toLowerCase() });
  }
  function terms(query) { return query.toLowerCase().split(/\s+/).filter(Boolean); }
  function startsWord(s, i) { return i === 0 || !/[\p{L}\p{N}]/u.test(s[i - 1]); }
  function count(s, t) { var n = 0, i = s.indexOf(t); while (i >= 0 && n < 5) { n++; i = s.indexOf(t, i + t.length); } return n; }
  // Every term must occur; a hit in the title, or at the start of a word, counts for more.
  function score(item, ts) {
    var total = 0;
    for (var k = 0; k < ts.length; k++) {
      var t = ts[k], inTitle = item.title.indexOf(t), inText = item.text.indexOf(t);
      if (inTitle < 0 && inText < 0) return 0;
      if (inTitle >= 0) total += startsWord(item.title, inTitle) ? 10 : 5;
      if (inText >= 0) total += (startsWord(item.text, inText) ? 2 : 1) + count(item.text, t) * 0.2;
    }
    return total;
  }
  function ranges(text, ts) {
    var low = text.toLowerCase(), all = [];
    ts.forEach(function (t) { for (var i = low.indexOf(t); i >= 0; i = low.indexOf(t, i + t.length)) all.push([i, i + t.length]); });
    all.sort(function (a, b) { return a[0] - b[0]; });
    var merged = [];
    all.forEach(function (r) {
      var last = merged[merged.length - 1];
      if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]); else merged.push(r.slice());
    });
    return merged;
  }
  function appendMarked(parent, text, ts) {
    var at = 0;
    ranges(text, ts).forEach(function (r) {
      parent.appendChild(document.createTextNode(text.slice(at, r[0])));
      var mark = document.createElement("mark");
      mark.textContent = text.slice(r[0], r[1]);
      parent.appendChild(mark);
      at = r[1];
    });
    parent.appendChild(document.createTextNode(text.slice(at)));
  }
  function snippet(text, ts) {
    var first = ranges(text, ts)[0], start = first ? Math.max(0, first[0] - 50) : 0;
    if (start > 0) { var space = text.indexOf(" ", start); if (space >= 0 && space < first[0]) start = space + 1; }
    var end = Math.min(text.length, start + 160);
    return (start > 0 ? "…" : "") + text.slice(start, end) + (end < text.length ? "…" : "");
  }
  function span(cls) { var s = document.createElement("span"); s.className = cls; return s; }
  function message(text) {
    list.textContent = "";
    var li = document.createElement("li");
    li.className = "search-empty";
    li.textContent = text;
    list.appendChild(li);
    open(true);
  }
  function open(on) {
    list.hidden = !on;
    box.setAttribute("aria-expanded", on ? "true" : "false");
    if (!on) { box.removeAttribute("aria-activedescendant"); active = -1; }
  }
  function update() {
    var ts = terms(box.value);
    if (!ts.length) { found = []; open(false); return; }
    if (!entries) { loadIndex(); return; }
    found = entries.map(function (item) { return { item: item, score: score(item, ts) }; })
      .filter(function (r) { return r.score > 0; })
      .sort(function (a, b) { return b.score - a.score; })
      .slice(0, 10).map(function (r) { return r.item.entry; });
    if (!found.length) { message("No results for “" + box.value.trim() + "”"); return; }
    list.textContent = "";
    found.forEach(function (entry, i) {
      var li = document.createElement("li"), a = document.createElement("a");
      li.id = "search-result-" + i;
      li.setAttribute("role", "option");
      li.setAttribute("aria-selected", "false");
      a.href = root + entry.href;
      a.tabIndex = -1;
      var title = span("result-title"), meta = span("result-meta"), text = span("result-snippet");
      appendMarked(title, entry.title, ts);
      meta.textContent = (entry.kind === "card" ? "Card · " : "") + entry.notebook;
      appendMarked(text, snippet(entry.text, ts), ts);
      a.appendChild(title); a.appendChild(meta); a.appendChild(text);
      li.appendChild(a);
      list.appendChild(li);
    });
    open(true);
    select(0);
  }
  function select(i) {
    var items = list.querySelectorAll("[role=option]");
    if (!items.length) return;
    active = (i + items.length) % items.length;
    items.forEach(function (li, k) { li.setAttribute("aria-selected", k === active ? "true" : "false"); });
    box.setAttribute("aria-activedescendant", items[active].id);
    items[active].scrollIntoView({ block: "nearest" });
  }
  function go(i) {
    var link = list.querySelectorAll("[role=option] a")[i];
    if (!link) return;
    open(false);
    box.blur();
    window.location.href = link.href;
  }

  box.addEventListener("focus", loadIndex);
  box.addEventListener("input", update);
  box.addEventListener("keydown", function (e) {
    if (e.key === "ArrowDown") { e.preventDefault(); select(active + 1); }
    else if (e.key === "ArrowUp") { e.preventDefault(); select(active - 1); }
    else if (e.key === "Enter") { e.preventDefault(); go(Math.max(active, 0)); }
    else if (e.key === "Escape") { if (box.value) { box.value = ""; update(); } else { box.blur(); } }
  });
  list.addEventListener("mousedown", function (e) { e.preventDefault(); });  // keep focus so the click lands
  document.addEventListener("click", function (e) { if (!e.target.closest(".search")) open(false); });
  document.addEventListener("keydown", function (e) {
    if (e.key === "/" && !e.ctrlKey && !e.metaKey && !e.altKey && !isTyping(e.target)) {
      e.preventDefault();
      box.focus();
      box.select();
    }
  });
});
