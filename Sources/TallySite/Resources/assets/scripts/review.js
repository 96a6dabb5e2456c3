// Review mode on `review.html`: one card at a time, front first. Space or Enter (or a tap) flips;
// 1 "Again" brings the card back later in the session and remembers it as missed (localStorage, by card
// id), 2 "Good" moves on and forgets the miss; → or j, ← or k move; `#notebook=HREF` keeps one notebook's
// cards, `#missed` (with or without a notebook) the cards missed before. The page lists the notebooks
// with cards; their cards come from each one's cards/PAGE.js (`loadCards`), loaded when a review needs
// them (one notebook, or all), and are then shown and hidden. Scheduling over days is Anki's job: this
// only remembers misses.
document.addEventListener("DOMContentLoaded", function () {
  var review = document.querySelector(".review");
  if (!review) return;
  var all = [], loads = 0;
  var progress = review.querySelector(".review-progress"), title = review.querySelector(".review-title");
  var message = review.querySelector(".review-message");
  var flipButton = review.querySelector('[data-action="flip"]');
  var previousButton = review.querySelector('[data-action="previous"]'), nextButton = review.querySelector('[data-action="next"]');
  var againButton = review.querySelector('[data-action="again"]'), goodButton = review.querySelector('[data-action="good"]');
  var missedButton = review.querySelector('[data-action="missed"]');
  var cards = [], index = 0, notebook = null;
  var storageKey = "tally-missed-cards";
  review.classList.add("active");

  function missed() {
    try { return JSON.parse(window.localStorage.getItem(storageKey) || "[]"); } catch (e) { return []; }
  }
  function remember(id, isMissed) {
    var ids = missed().filter(function (x) { return x !== id; });
    if (isMissed) ids.push(id);
    try { window.localStorage.setItem(storageKey, JSON.stringify(ids)); } catch (e) { /* private mode: this session only */ }
  }
  function say(nodes) {
    message.textContent = "";
    if (!nodes) { message.hidden = true; return; }
    nodes.forEach(function (node) { message.appendChild(typeof node === "string" ? document.createTextNode(node) : node); });
    message.hidden = false;
  }
  function link(text, hash) {
    var a = document.createElement("a");
    a.href = "#" + hash;
    a.textContent = text;
    return a;
  }
  // A notebook the page has no cards for: say so, and offer the ones it has.
  function unknownNotebook(name) {
    var list = document.createElement("ul");
    review.querySelectorAll(".review-group").forEach(function (group) {
      var item = document.createElement("li");
      item.appendChild(link(group.getAttribute("data-title"), "notebook=" + encodeURIComponent(group.getAttribute("data-notebook"))));
      list.appendChild(item);
    });
    var all = document.createElement("li");
    all.appendChild(link("All cards", ""));
    list.appendChild(all);
    say(["There is no notebook “" + name + "” with cards here. Review one of these:", list]);
  }

  function load() {
    var hash = window.location.hash.slice(1), onlyMissed = false;
    notebook = null;
    hash.split("&").forEach(function (part) {
      if (part === "missed") onlyMissed = true;
      else if (part.indexOf("notebook=") === 0) notebook = decodeURIComponent(part.slice(9));
    });
    var group = notebook ? review.querySelector('.review-group[data-notebook="' + CSS.escape(notebook) + '"]') : null;
    say(null);
    if (notebook && !group) {
      ++loads;
      cards = [];
      title.textContent = "Review";
      unknownNotebook(notebook);
      index = 0;
      show();
      return;
    }
    var groups = group ? [group] : Array.prototype.slice.call(review.querySelectorAll(".review-group"));
    var load = ++loads;
    progress.textContent = "Loading cards…";
    loadCards(groups).then(function () {
      if (load !== loads) return;  // the hash changed meanwhile: that load shows its cards
      all = Array.prototype.slice.call(review.querySelectorAll(".review-deck .card"));
      var ids = missed();
      cards = all.filter(function (card) {
        return (!group || group.contains(card)) && (!onlyMissed || ids.indexOf(card.getAttribute("data-card-id")) >= 0);
      });
      title.textContent = (group ? "Review: " + group.getAttribute("data-title") : "Review all cards") + (onlyMissed ? " (missed)" : "");
      if (onlyMissed && !cards.length) say(["No missed cards here: “Again” marks a card as missed."]);
      index = 0;
      show();
    });
  }
  function show() {
    all.forEach(function (card) { card.hidden = true; card.classList.remove("flipped"); });
    previousButton.disabled = index === 0;
    nextButton.disabled = index >= cards.length - 1;
    flipButton.disabled = !cards.length;
    flipButton.textContent = "Show answer";
    againButton.disabled = goodButton.disabled = true;
    var count = missed().length;
    missedButton.textContent = count ? "Review the " + (count === 1 ? "1 card" : count + " cards") + " I missed" : "Review the ones I missed";
    if (!cards.length) { progress.textContent = "No cards"; return; }
    cards[index].hidden = false;
    progress.textContent = (index + 1) + " / " + cards.length;
    contentChanged();
  }
  function flip() {
    if (!cards.length) return;
    var flipped = cards[index].classList.toggle("flipped");
    flipButton.textContent = flipped ? "Hide answer" : "Show answer";
    againButton.disabled = goodButton.disabled = !flipped;
    contentChanged();
  }
  function move(step) {
    if (index + step < 0 || index + step >= cards.length) return;
    index += step;
    show();
  }
  // Again: the card comes back three cards later (or last), and is remembered as missed.
  function again() {
    if (!cards.length) return;
    var card = cards[index];
    remember(card.getAttribute("data-card-id"), true);
    cards.splice(Math.min(index + 4, cards.length), 0, card);
    index += 1;
    show();
  }
  function good() {
    if (!cards.length) return;
    remember(cards[index].getAttribute("data-card-id"), false);
    if (index < cards.length - 1) { index += 1; show(); }
    else { show(); progress.textContent = "Done: " + cards.length + " / " + cards.length; }
  }
  function shuffle() {
    for (var i = cards.length - 1; i > 0; i--) {
      var j = Math.floor(Math.random() * (i + 1)), t = cards[i];
      cards[i] = cards[j];
      cards[j] = t;
    }
    index = 0;
    show();
  }
  function onlyMissed() {
    window.location.hash = (notebook ? "notebook=" + encodeURIComponent(notebook) + "&" : "") + "missed";
  }
  var actions = { flip: flip, shuffle: shuffle, again: again, good: good, missed: onlyMissed,
                  next: function () { move(1); }, previous: function () { move(-1); } };

  review.addEventListener("click", function (e) {
    var button = e.target.closest("[data-action]");
    if (button) { actions[button.getAttribute("data-action")](); return; }
    if (!e.target.closest("a") && e.target.closest(".card")) flip();
  });
  document.addEventListener("keydown", function (e) {
    if (e.altKey || e.ctrlKey || e.metaKey || isTyping(e.target)) return;
    var onControl = !!e.target.closest("button, a");  // Space and Enter there press the control itself
    var flipped = cards.length && cards[index].classList.contains("flipped");
    if ((e.key === " " || e.key === "Enter") && !onControl) { e.preventDefault(); flip(); }
    else if (e.key === "1" && flipped) { e.preventDefault(); again(); }
    else if (e.key === "2" && flipped) { e.preventDefault(); good(); }
    else if (e.key === "ArrowRight" || e.key === "j") { e.preventDefault(); move(1); }
    else if (e.key === "ArrowLeft" || e.key === "k") { e.preventDefault(); move(-1); }
  });
  window.addEventListener("hashchange", load);
  load();
});
