/* The language switch: it goes to the current page in the other language,
 * with the same query string and fragment, so a calculator's inputs
 * (?nrr.start_mrr=5000#calc-nrr) survive the switch.
 *
 * Material's instant navigation swaps the page body but not the header, and
 * the calculators rewrite the query string as the reader types, so the link
 * is re-aimed at every page change and again just before it is followed.
 * Following it also records the choice, which the landing page (site root)
 * honours on the next visit. */
(function () {
  var STORAGE_KEY = "cs-glossary.lang";
  // __config.base is relative to the page first loaded, and instant navigation
  // never replaces it: resolve it once, against that first location.
  var config = JSON.parse(document.getElementById("__config").textContent);
  var langRoot = new URL(config.base.replace(/\/?$/, "/"), location.href);   // e.g. …/zh/

  function aim(link) {
    if (location.href.indexOf(langRoot.href) !== 0) return;
    var pagePath = location.pathname.slice(langRoot.pathname.length);
    var target = new URL("../" + link.dataset.langSwitch + "/" + pagePath, langRoot);
    target.search = location.search;
    target.hash = location.hash;
    link.href = target.href;
  }

  function aimAll() {
    document.querySelectorAll("a[data-lang-switch]").forEach(aim);
  }

  document$.subscribe(aimAll);
  ["pointerdown", "focusin", "click"].forEach(function (type) {
    document.addEventListener(type, function (event) {
      var link = event.target.closest && event.target.closest("a[data-lang-switch]");
      if (!link) return;
      aim(link);
      if (type === "click") {
        // Material redirects clicks on links into an hreflang alternate's tree
        // to the bare page, dropping query and hash: keep the click to ourselves.
        event.stopPropagation();
        try { localStorage.setItem(STORAGE_KEY, link.dataset.langSwitch); } catch (e) { /* private mode */ }
      }
    }, true);
  });
})();
