/* Send the reader to the tree matching the browser's language. The landing
 * page itself links both, so a reader who wants the other one is one click away. */
(function () {
  var preferred = (navigator.languages || [navigator.language || ""]).map(function (l) {
    return l.toLowerCase();
  });
  var target = "en/";
  for (var i = 0; i < preferred.length; i++) {
    if (preferred[i].indexOf("zh") === 0) { target = "zh/"; break; }
    if (preferred[i].indexOf("en") === 0) { target = "en/"; break; }
  }
  if (new URLSearchParams(location.search).has("choose")) return;   // ?choose keeps the page
  var note = document.querySelector("[data-redirect-note]");
  if (note) note.hidden = false;
  location.replace(target);
})();
