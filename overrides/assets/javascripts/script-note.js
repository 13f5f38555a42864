/* Readers whose browser asks for Traditional Chinese (zh-TW, zh-HK, zh-MO,
 * zh-Hant) are sent to the Chinese tree, which is written in Simplified
 * Chinese. Tell them so, once per page, until they dismiss the note.
 * The note is in the page (overrides/main.html, announce block) and hidden;
 * only the zh tree has it. */
(function () {
  var STORAGE_KEY = "cs-glossary.script-note";
  var TRADITIONAL = /^zh-(tw|hk|mo|hant)\b/i;

  function wantsTraditional() {
    var preferred = navigator.languages || [navigator.language || ""];
    for (var i = 0; i < preferred.length; i++) {
      if (TRADITIONAL.test(preferred[i])) return true;
      if (/^(zh|en)\b/i.test(preferred[i])) return false;   // an earlier choice wins
    }
    return false;
  }

  function dismissed() {
    try { return localStorage.getItem(STORAGE_KEY) === "dismissed"; } catch (e) { return false; }
  }

  document$.subscribe(function () {
    var note = document.querySelector("[data-script-note]");
    if (!note || !wantsTraditional() || dismissed()) return;
    note.hidden = false;
    var button = note.querySelector("button");
    if (button) button.addEventListener("click", function () {
      note.hidden = true;
      try { localStorage.setItem(STORAGE_KEY, "dismissed"); } catch (e) { /* private mode */ }
    });
  });
})();
