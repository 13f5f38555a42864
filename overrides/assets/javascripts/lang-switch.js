/* Keep the language switch pointing at the current page in the other language.
 * Material's instant navigation swaps the page body but not the header, so the
 * links rendered at build time would go stale after the first navigation. */
(function () {
  // __config.base is relative to the page first loaded, and instant navigation
  // never replaces it: resolve it once, against that first location.
  var config = JSON.parse(document.getElementById("__config").textContent);
  var langRoot = new URL(config.base.replace(/\/?$/, "/"), location.href);   // e.g. …/zh/

  document$.subscribe(function () {
    if (location.href.indexOf(langRoot.href) !== 0) return;
    var pagePath = location.href.slice(langRoot.href.length).split("#")[0].split("?")[0];
    document.querySelectorAll("a[data-lang-switch]").forEach(function (link) {
      link.href = new URL("../" + link.dataset.langSwitch + "/" + pagePath, langRoot).href;
    });
  });
})();
