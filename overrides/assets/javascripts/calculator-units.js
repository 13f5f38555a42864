/* Currency for money figures (sitegen/templates/calculator-figures.html.j2).
 * Loaded by calculators.js only on pages whose widgets show money. The
 * reader's choice (none, ¥, $, €) is kept per browser in localStorage and
 * applies to every widget and chart; the engine's numbers stay currency-
 * neutral, so the symbol is only ever a prefix. No inline code, no innerHTML. */
(function () {
  "use strict";
  if (window.csCalculatorUnits) return;
  var KEY = "cs-calculators-currency";
  var ALLOWED = ["", "¥", "$", "€"];
  var bound = new WeakSet();
  var current = read();

  function read() {
    try {
      var value = window.localStorage.getItem(KEY);
      return ALLOWED.indexOf(value) >= 0 ? value : "";
    } catch (error) { return ""; }      // storage blocked: no currency, still works
  }

  // "5,000" -> "¥5,000"; "−5,000" -> "−¥5,000".
  function money(formatted) {
    if (!current || !formatted) return formatted;
    var first = formatted.charAt(0);
    if (first === "−" || first === "-") return first + current + formatted.slice(1);
    return current + formatted;
  }

  function apply(widget) {
    var select = widget.querySelector("[data-currency-select]");
    if (select && select.value !== current) select.value = current;
    if (widget.getAttribute("data-unit") !== "money") return;
    var output = widget.querySelector("[data-result]");
    var symbol = widget.querySelector("[data-currency-symbol]");
    if (!symbol && output) {
      symbol = document.createElement("span");
      symbol.className = "calculator__currency";
      symbol.setAttribute("data-currency-symbol", "");
      output.parentNode.insertBefore(symbol, output);
    }
    if (symbol) symbol.textContent = current;
  }

  function set(value) {
    current = ALLOWED.indexOf(value) >= 0 ? value : "";
    try { window.localStorage.setItem(KEY, current); } catch (error) { /* kept for this page only */ }
    document.querySelectorAll(".calculator[data-calculator]").forEach(apply);
    document.dispatchEvent(new CustomEvent("calculator:currency", { detail: { symbol: current } }));
  }

  function init() {
    document.querySelectorAll("[data-currency-row]").forEach(function (row) {
      var widget = row.closest(".calculator");
      if (!widget || bound.has(row)) return;
      bound.add(row);
      row.hidden = false;
      row.querySelector("[data-currency-select]").addEventListener("change", function (event) {
        set(event.target.value);
      });
      apply(widget);
    });
  }

  window.csCalculatorUnits = { symbol: function () { return current; }, money: money };
  init();
  // Charts drawn before this script arrived learn the stored choice.
  if (current) document.dispatchEvent(new CustomEvent("calculator:currency", { detail: { symbol: current } }));
  if (window.document$ && typeof window.document$.subscribe === "function") window.document$.subscribe(init);
})();
