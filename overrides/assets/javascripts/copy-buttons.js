/* "Copy link", "Copy as Markdown link" and "Copy citation" on term pages
 * (sitegen/templates/copy-buttons.html.j2). Bound through Material's document$
 * so they work after instant navigation. The link is the page's canonical URL,
 * so a copy made on a local preview still names the published page when the
 * site is built with SITE_URL. */
(function () {
  "use strict";

  function canonicalUrl() {
    var canonical = document.querySelector('link[rel="canonical"]');
    var url = new URL(canonical ? canonical.href : location.href);
    url.search = "";
    url.hash = "";
    return url.href;
  }

  function today() {
    return new Date().toISOString().slice(0, 10);
  }

  function textFor(box, kind) {
    var url = canonicalUrl();
    if (kind === "link") return url;
    if (kind === "markdown") return "[" + box.dataset.label.replace(/([\[\]])/g, "\\$1") + "](" + url + ")";
    var accessed = box.dataset.accessed.replace("{date}", today());
    return box.dataset.lang === "zh"
      ? box.dataset.name + "．" + box.dataset.site + "．" + url + "（" + accessed + "）"
      : box.dataset.name + ". " + box.dataset.site + ". " + url + " (" + accessed + ").";
  }

  function copy(text) {
    if (navigator.clipboard && window.isSecureContext) return navigator.clipboard.writeText(text);
    return new Promise(function (resolve, reject) {
      var area = document.createElement("textarea");
      area.value = text;
      area.setAttribute("readonly", "");
      area.style.position = "fixed";
      area.style.opacity = "0";
      document.body.appendChild(area);
      area.select();
      var ok = false;
      try { ok = document.execCommand("copy"); } catch (error) { ok = false; }
      area.remove();
      if (ok) resolve(); else reject(new Error("copy refused"));
    });
  }

  function bind() {
    var box = document.querySelector("[data-copy]");
    if (!box || box.dataset.bound) return;
    box.dataset.bound = "1";
    box.hidden = false;
    var status = box.querySelector(".term-copy__status");
    box.addEventListener("click", function (event) {
      var button = event.target.closest("[data-copy-kind]");
      if (!button) return;
      var text = textFor(box, button.dataset.copyKind);
      copy(text).then(function () {
        status.textContent = status.dataset.done.replace("{what}", text);
        status.dataset.state = "done";
      }, function () {
        status.textContent = status.dataset.failed + " " + text;
        status.dataset.state = "failed";
      });
    });
  }

  if (window.document$) window.document$.subscribe(bind);
  else document.addEventListener("DOMContentLoaded", bind);
})();
