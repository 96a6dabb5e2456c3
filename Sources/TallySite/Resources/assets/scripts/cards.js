// The cards page lists each notebook with cards (a link to its page, where the cards are, for a reader
// without JavaScript); here every notebook's cards are loaded from its cards/PAGE.js under its heading.
document.addEventListener("DOMContentLoaded", function () {
  var groups = Array.prototype.slice.call(document.querySelectorAll(".card-group[data-cards]"));
  if (groups.length) loadCards(groups);
});
