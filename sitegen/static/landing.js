/* Send the reader to a language tree: the one they chose last time (here or
 * with the switch in the site's header), else the one their browser asks for.
 * Readers of Traditional Chinese (zh-TW, zh-HK, zh-MO, zh-Hant) get the
 * Chinese tree, which tells them it is written in Simplified Chinese
 * (overrides/assets/javascripts/script-note.js). The page itself links both
 * trees, so the other one is always one click away; ?choose keeps it open. */
(function () {
  var STORAGE_KEY = "cs-glossary.lang";

  function remembered() {
    try { return localStorage.getItem(STORAGE_KEY); } catch (e) { return null; }
  }

  function fromBrowser() {
    var preferred = navigator.languages || [navigator.language || ""];
    for (var i = 0; i < preferred.length; i++) {
      var tag = preferred[i].toLowerCase();
      if (tag === "zh" || tag.indexOf("zh-") === 0) return "zh";
      if (tag === "en" || tag.indexOf("en-") === 0) return "en";
    }
    return "en";
  }

  document.querySelectorAll("a[data-lang]").forEach(function (link) {
    link.addEventListener("click", function () {
      try { localStorage.setItem(STORAGE_KEY, link.dataset.lang); } catch (e) { /* private mode */ }
    });
  });

  if (new URLSearchParams(location.search).has("choose")) return;
  var choice = remembered();
  var target = (choice === "zh" || choice === "en") ? choice : fromBrowser();
  var note = document.querySelector("[data-redirect-note]");
  if (note) note.hidden = false;
  location.replace(target + "/");
})();
