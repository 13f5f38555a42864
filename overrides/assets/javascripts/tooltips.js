/* Glossary tooltips for the links crosslink writes (class glossary-link, with
 * data-tooltip-name, data-tooltip-other(-lang) and data-tooltip attributes).
 *
 * - Mouse: shown on hover, kept while the pointer is over the link or the tooltip.
 * - Keyboard: shown on focus, hidden on blur or Escape.
 * - Touch: the first tap on a link shows its tooltip and does not navigate;
 *   a second tap on the same link follows it; a tap elsewhere closes it.
 *
 * One tooltip element serves the whole page; listeners are delegated to the
 * document, so links that Material's instant navigation brings in work as
 * they are. Text goes in through textContent only: term text is data.
 */
(function () {
  "use strict";

  var LINK = "a.glossary-link[data-tooltip-name]";
  var GAP = 8;            // px between the link and the tooltip, and from the viewport edge
  var SHOW_DELAY = 120;   // ms: crossing a paragraph with the mouse should not flash tooltips
  var HIDE_DELAY = 200;   // ms: time to move the pointer from the link onto the tooltip
  var HINT = {
    zh: "再点一次打开词条",
    en: "Tap again to open the entry",
  };

  var tip = null;
  var owner = null;       // the link the tooltip describes
  var tapped = null;      // the link a first tap opened; a second tap follows it
  var lastPointer = "mouse";
  var showTimer = 0;
  var hideTimer = 0;

  function pageLang() {
    return (document.documentElement.lang || "en").toLowerCase().indexOf("zh") === 0 ? "zh" : "en";
  }

  function element() {
    if (!tip || !tip.isConnected) {
      tip = document.createElement("div");
      tip.className = "glossary-tooltip";
      tip.id = "glossary-tooltip";
      tip.setAttribute("role", "tooltip");
      tip.hidden = true;
      tip.addEventListener("pointerenter", function () { clearTimeout(hideTimer); });
      tip.addEventListener("pointerleave", function (event) {
        if (event.pointerType !== "touch") scheduleHide();
      });
      // On a touch screen the tooltip is the bigger target: tapping it opens the entry.
      tip.addEventListener("click", function () {
        if (owner && lastPointer === "touch") owner.click();
      });
      document.body.appendChild(tip);
    }
    return tip;
  }

  function part(tag, className, text) {
    var node = document.createElement(tag);
    node.className = className;
    node.textContent = text;
    return node;
  }

  function fill(link, byTouch) {
    var box = element();
    var data = link.dataset;
    var head = part("p", "glossary-tooltip__head", "");
    head.appendChild(part("span", "glossary-tooltip__name", data.tooltipName));
    if (data.tooltipOther) {
      var separator = part("span", "glossary-tooltip__separator", " · ");
      separator.setAttribute("aria-hidden", "true");
      var other = part("span", "glossary-tooltip__other", data.tooltipOther);
      other.lang = data.tooltipOtherLang || "";
      head.appendChild(separator);
      head.appendChild(other);
    }
    box.replaceChildren(head);
    if (data.tooltip) box.appendChild(part("p", "glossary-tooltip__summary", data.tooltip));
    if (byTouch) box.appendChild(part("p", "glossary-tooltip__hint", HINT[pageLang()]));
  }

  function place(link) {
    var box = element();
    var rects = link.getClientRects();
    var rect = rects.length ? rects[0] : link.getBoundingClientRect();  // first line of a wrapped link
    var width = document.documentElement.clientWidth;
    box.style.maxWidth = Math.min(22 * 16, width - 2 * GAP) + "px";
    box.style.left = "0px";
    box.style.top = "0px";
    var boxWidth = box.offsetWidth;
    var boxHeight = box.offsetHeight;
    var left = rect.left + rect.width / 2 - boxWidth / 2;
    left = Math.max(GAP, Math.min(left, width - boxWidth - GAP));
    var below = rect.bottom + GAP;
    var top = below + boxHeight > window.innerHeight && rect.top - GAP - boxHeight > 0
      ? rect.top - GAP - boxHeight : below;
    box.classList.toggle("glossary-tooltip--above", top < rect.top);
    box.style.left = Math.round(left + window.scrollX) + "px";
    box.style.top = Math.round(top + window.scrollY) + "px";
  }

  function show(link, byTouch) {
    clearTimeout(showTimer);
    clearTimeout(hideTimer);
    if (owner && owner !== link) owner.removeAttribute("aria-describedby");
    owner = link;
    fill(link, byTouch);
    tip.hidden = false;
    place(link);
    link.setAttribute("aria-describedby", tip.id);
  }

  function hide() {
    clearTimeout(showTimer);
    clearTimeout(hideTimer);
    if (owner) owner.removeAttribute("aria-describedby");
    owner = null;
    tapped = null;
    if (tip) tip.hidden = true;
  }

  function scheduleHide() {
    clearTimeout(hideTimer);
    hideTimer = setTimeout(hide, HIDE_DELAY);
  }

  function linkOf(event) {
    var target = event.target;
    return target && target.closest ? target.closest(LINK) : null;
  }

  // -- events ----------------------------------------------------------------

  document.addEventListener("pointerdown", function (event) {
    lastPointer = event.pointerType || "mouse";
    var link = linkOf(event);
    if (!link && !(tip && tip.contains(event.target))) hide();
  }, true);

  document.addEventListener("pointerover", function (event) {
    if (event.pointerType === "touch") return;
    var link = linkOf(event);
    if (!link) return;
    clearTimeout(hideTimer);
    if (owner === link) return;
    clearTimeout(showTimer);
    showTimer = setTimeout(function () { show(link, false); }, SHOW_DELAY);
  });

  document.addEventListener("pointerout", function (event) {
    if (event.pointerType === "touch") return;
    var link = linkOf(event);
    if (!link || link.contains(event.relatedTarget)) return;
    clearTimeout(showTimer);
    if (owner === link && document.activeElement !== link) scheduleHide();
  });

  document.addEventListener("focusin", function (event) {
    var link = linkOf(event);
    // A tap focuses the link too; the click below decides what a tap does.
    if (link && lastPointer !== "touch") show(link, false);
  });

  document.addEventListener("focusout", function (event) {
    if (linkOf(event) && owner === event.target.closest(LINK)) scheduleHide();
  });

  document.addEventListener("keydown", function (event) {
    lastPointer = "keyboard";   // a tablet with a keyboard: focus shows tooltips again
    if (event.key === "Escape" && owner) hide();
  });

  // Capture phase: a first tap must stop before Material's instant navigation
  // (listening further down) turns it into a page load.
  document.addEventListener("click", function (event) {
    var link = linkOf(event);
    if (!link) return;
    var type = typeof event.pointerType === "string" && event.pointerType ? event.pointerType : lastPointer;
    if (type !== "touch" || event.detail === 0) { hide(); return; }
    if (tapped === link && owner === link) { hide(); return; }   // second tap: follow the link
    event.preventDefault();
    event.stopPropagation();
    show(link, true);
    tapped = link;
  }, true);

  window.addEventListener("resize", function () { if (owner) place(owner); });
  window.addEventListener("scroll", function () { if (owner) place(owner); }, { passive: true });

  // Instant navigation: a new page starts with no tooltip.
  if (typeof document$ !== "undefined" && document$.subscribe) document$.subscribe(hide);
})();
