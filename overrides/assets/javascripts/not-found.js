/* The 404 page (overrides/404.html). The address that was not found is only
 * known here, in the browser: if it looks like a term page (…/terms/<id>/),
 * list the term ids closest to <id>, by edit distance, from this tree's own
 * search index, which holds every term page with its title. */
(function () {
  var MAX_SUGGESTIONS = 3;
  var indexUrl = new URL("../../search/search_index.json", document.currentScript.src);

  // Levenshtein distance, two rows.
  function distance(a, b) {
    var previous = [], current = [], i, j;
    for (j = 0; j <= b.length; j++) previous[j] = j;
    for (i = 1; i <= a.length; i++) {
      current = [i];
      for (j = 1; j <= b.length; j++) {
        current[j] = Math.min(previous[j] + 1, current[j - 1] + 1,
                              previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      }
      previous = current;
    }
    return previous[b.length];
  }

  function closest(wanted, terms) {
    var limit = Math.max(2, Math.floor(wanted.length / 3));
    return terms
      .map(function (term) {
        var d = distance(wanted, term.id);
        if (term.id.indexOf(wanted) === 0 || wanted.indexOf(term.id) === 0) d = Math.min(d, 1);
        return { term: term, d: d };
      })
      .filter(function (scored) { return scored.d <= limit; })
      .sort(function (a, b) { return a.d - b.d || a.term.id.localeCompare(b.term.id); })
      .slice(0, MAX_SUGGESTIONS)
      .map(function (scored) { return scored.term; });
  }

  function suggest() {
    var match = /\/terms\/([^/]+)\/?(?:index\.html)?$/.exec(decodeURIComponent(location.pathname));
    var box = document.querySelector("[data-not-found-suggestions]");
    if (!match || !box) return;
    var wanted = match[1].toLowerCase();
    fetch(indexUrl).then(function (response) { return response.json(); }).then(function (index) {
      var terms = [];
      index.docs.forEach(function (doc) {
        var page = /^terms\/([^/#]+)\/$/.exec(doc.location);
        if (page) terms.push({ id: page[1], title: doc.title, url: new URL("../" + doc.location, indexUrl).href });
      });
      var found = closest(wanted, terms);
      if (!found.length) return;
      var list = box.querySelector("ul");
      found.forEach(function (term) {
        var item = document.createElement("li");
        var link = document.createElement("a");
        link.href = term.url;
        link.textContent = term.title.replace(/\u200b/g, "");
        var id = document.createElement("code");
        id.textContent = term.id;
        item.append(link, " ", id);
        list.append(item);
      });
      box.hidden = false;
    }).catch(function () { /* no index: the search button still works */ });
  }

  function openSearch() {
    var toggle = document.getElementById("__search");
    if (!toggle) return;
    toggle.checked = true;
    toggle.dispatchEvent(new Event("change"));
    var input = document.querySelector("input.md-search__input");
    if (input) input.focus();
  }

  document.querySelectorAll("[data-open-search]").forEach(function (button) {
    button.addEventListener("click", openSearch);
  });
  suggest();
})();
