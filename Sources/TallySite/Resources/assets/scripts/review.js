document.addEventListener("DOMContentLoaded", function () {
  var review = document.querySelector(".review");
  if (!review) return;
  var all = Array.prototype.slice.call(review.querySelectorAll(".review-deck .card"));
  var progress = review.querySelector(".review-progress"), title = review.querySelector(".review-title");
  var flipButton = review.querySelector('[data-action="flip"]');
  var previousButton = review.querySelector('[data-action="previous"]'), nextButton = review.querySelector('[data-action="next"]');
  var cards = [], index = 0;
  review.classList.add("active");

  function load() {
    var match = /^#notebook=(.+)$/.exec(window.location.hash), notebook = match ? decodeURIComponent(match[1]) : null;
    var group = notebook ? review.querySelector('.review-group[data-notebook="' + CSS.escape(notebook) + '"]') : null;
    cards = all.filter(function (card) { return !group || group.contains(card); });
    title.textContent = group ? "Review: " + group.getAttribute("data-title") : "Review all cards";
    index = 0;
    show();
  }
  function show() {
    all.forEach(function (card) { card.hidden = true; card.classList.remove("flipped"); });
    previousButton.disabled = index === 0;
    nextButton.disabled = index >= cards.length - 1;
    flipButton.disabled = !cards.length;
    flipButton.textContent = "Show answer";
    if (!cards.length) { progress.textContent = "No cards"; return; }
    cards[index].hidden = false;
    progress.textContent = (index + 1) + " / " + cards.length;
  }
  function flip() {
    if (!cards.length) return;
    flipButton.textContent = cards[index].classList.toggle("flipped") ? "Hide answer" : "Show answer";
  }
  function move(step) {
    if (index + step < 0 || index + step >= cards.length) return;
    index += step;
    show();
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
  var actions = { flip: flip, shuffle: shuffle, next: function () { move(1); }, previous: function () { move(-1); } };

  review.addEventListener("click", function (e) {
    var button = e.target.closest("[data-action]");
    if (button) { actions[button.getAttribute("data-action")](); return; }
    if (!e.target.closest("a") && e.target.closest(".card")) flip();
  });
  document.addEventListener("keydown", function (e) {
    if (e.altKey || e.ctrlKey || e.metaKey || isTyping(e.target)) return;
    var onControl = !!e.target.closest("button, a");  // Space and Enter there press the control itself
    if ((e.key === " " || e.key === "Enter") && !onControl) { e.preventDefault(); flip(); }
    else if (e.key === "ArrowRight" || e.key === "j") { e.preventDefault(); move(1); }
    else if (e.key === "ArrowLeft" || e.key === "k") { e.preventDefault(); move(-1); }
  });
  window.addEventListener("hashchange", load);
  load();
});
