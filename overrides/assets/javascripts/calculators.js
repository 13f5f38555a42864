/* Calculator widgets (sitegen/templates/calculator.html.j2), main thread.
 *
 * The page already shows each widget's worked example, computed at build time
 * (data-state="static"), with its inputs read-only: without this script they
 * would do nothing. This script makes the widgets live:
 *   - unlocks the inputs and recomputes as the reader types (debounced) through
 *     the engine (calculator-engine.js: one Pyodide module worker, started on
 *     the first focus of or input into a widget, or when the browser is idle
 *     on a page that has one and the connection is not slow or metered);
 *   - never lets a number stand beside inputs it was not computed from: from
 *     the first keystroke until the engine answers, the result is dimmed and
 *     says "calculating…" (data-state="loading");
 *   - shows the engine's failure with a Retry button, and locks the inputs
 *     again while nothing can compute them;
 *   - renders each formula with KaTeX (self-hosted at <root>/katex/), fitted
 *     to the width: wrapped, then scaled, then scrollable with a visible cue;
 *   - mirrors the inputs into the URL (?<formula>.<input>=value), restores them
 *     from a shared link, and drops pending work when the reader navigates away.
 * Widgets are bound through Material's document$, so instant navigation works.
 *
 * No inline handlers, no eval, no innerHTML: the site's CSP forbids the first
 * two and the third would treat text as markup. */
(function () {
  "use strict";
  if (window.csCalculators) return;          // evaluated once per document
  var engine = window.csCalculatorEngine;    // calculator-engine.js, loaded just before
  if (!engine) return;

  var scriptUrl = document.currentScript ? document.currentScript.src : location.href;
  var KATEX_URL = new URL("../../../katex/", scriptUrl).href;
  var DEBOUNCE_MS = 150;
  var MIN_FORMULA_SCALE = 0.7;               // smaller than this is hard to read: scroll instead
  var SLOW_CONNECTIONS = ["slow-2g", "2g", "3g"];

  var katexPromise = null;
  var widgetState = new WeakMap();           // widget element -> entry (see bind)

  // For tests, the benchmark and embedders: how many workers this document
  // created (one, however many pages instant navigation shows), whether the
  // engine is ready, the worker's start-up timings, and compute(), which runs
  // calculators.browser.run(formula, inputsJson, lang) and resolves to its reply.
  var api = {
    engineReady: function () { return engine.state() === "ready"; },
    engineState: function () { return engine.state(); },
    compute: function (formula, inputsJson, lang) { return engine.call(formula, inputsJson, lang); },
  };
  Object.defineProperty(api, "workersCreated", { get: function () { return engine.workersCreated; } });
  Object.defineProperty(api, "timings", { get: function () { return engine.timings; } });
  window.csCalculators = api;

  function widgets() {
    return Array.prototype.slice.call(document.querySelectorAll(".calculator[data-calculator]"))
      .filter(function (widget) { return widgetState.has(widget); });
  }

  function text(widget, key) {
    return widget.getAttribute("data-text-" + key) || "";
  }

  function part(widget, name) {
    return widget.querySelector("[data-" + name + "]");
  }

  // -- what the widget shows ---------------------------------------------------

  // The whole visible state, from the engine's state and the widget's own.
  function paint(widget) {
    var entry = widgetState.get(widget);
    var engineState = engine.state();
    var failed = engineState === "failed";
    var starting = engineState === "loading" || engineState === "restarting";
    var stale = entry.stale;
    widget.setAttribute("data-state", failed ? "error" : starting || stale ? "loading"
                        : engineState === "ready" ? "ready" : "static");

    var status = part(widget, "status");
    var message = engineState === "loading" ? text(widget, "loading")
      : engineState === "restarting" ? text(widget, "restarting") : "";
    if (status.textContent !== message) status.textContent = message;
    status.hidden = !message;

    var output = part(widget, "result");
    var pending = part(widget, "pending");
    pending.hidden = !(stale && !failed);
    output.setAttribute("aria-busy", stale && !failed ? "true" : "false");
    if (failed && stale) clearResult(widget);          // a number that no longer matches
    part(widget, "result-line").hidden = !(output.textContent || !pending.hidden);

    var error = part(widget, "error");
    var retry = part(widget, "retry");
    if (failed) {
      error.textContent = text(widget, "failed");
      error.hidden = false;
      entry.failureShown = true;
    } else if (entry.failureShown) {
      error.textContent = "";
      error.hidden = true;
      entry.failureShown = false;
    }
    retry.hidden = !failed;
    lock(widget, failed);
  }

  function clearResult(widget) {
    var output = part(widget, "result");
    output.setAttribute("data-value", "");
    output.textContent = "";
    part(widget, "steps").replaceChildren();
  }

  // Read-only while nothing can compute what is typed: in the built page (no
  // script yet) and after the engine failed. Selects cannot be read-only.
  function lock(widget, locked) {
    controls(widget).forEach(function (control) {
      if (control.tagName === "SELECT") control.disabled = locked;
      else control.readOnly = locked;
    });
  }

  function show(widget, reply) {
    var output = part(widget, "result");
    var steps = part(widget, "steps");
    var error = part(widget, "error");
    controls(widget).forEach(function (control) {
      control.removeAttribute("aria-invalid");
      describedBy(control, error.id, false);
    });
    if (reply.ok) {
      output.setAttribute("data-value", String(reply.value));
      output.textContent = reply.formatted;
      var template = widget.querySelector("template[data-step-template]");
      var items = reply.steps.map(function (step) {
        var item = template.content.firstElementChild.cloneNode(true);
        item.textContent = step;
        return item;
      });
      steps.replaceChildren.apply(steps, items);
      error.hidden = true;
      error.textContent = "";
    } else {
      clearResult(widget);
      error.textContent = reply.message;
      error.hidden = false;
      // Every input the message concerns: one for most errors, several for a
      // combination ("contraction + churn cannot exceed the starting MRR").
      var form = widget.querySelector("form");
      var names = reply.fields && reply.fields.length ? reply.fields : reply.field ? [reply.field] : [];
      names.forEach(function (name) {
        var control = form.elements.namedItem(name);
        if (control && control.name) {
          control.setAttribute("aria-invalid", "true");
          describedBy(control, error.id, true);
        }
      });
    }
    widgetState.get(widget).failureShown = false;
  }

  function describedBy(control, id, add) {
    var ids = (control.getAttribute("aria-describedby") || "").split(/\s+/).filter(function (x) {
      return x && x !== id;
    });
    if (add) ids.push(id);
    control.setAttribute("aria-describedby", ids.join(" "));
  }

  // -- computing -----------------------------------------------------------------

  function controls(widget) {
    var form = widget.querySelector("form");
    return Array.prototype.filter.call(form.elements, function (element) { return element.name; });
  }

  function readInputs(widget) {
    var values = {};
    controls(widget).forEach(function (control) { values[control.name] = control.value; });
    return JSON.stringify(values);
  }

  function edited(widget) {
    var entry = widgetState.get(widget);
    entry.stale = readInputs(widget) !== entry.shownFor;
    var note = part(widget, "note");
    if (note) note.hidden = true;
    if (engine.state() !== "failed") engine.start().catch(function () {});
    paint(widget);
    schedule(widget, DEBOUNCE_MS, true);
  }

  function schedule(widget, delay, mirror) {
    var entry = widgetState.get(widget);
    clearTimeout(entry.timer);
    entry.timer = setTimeout(function () {
      entry.timer = 0;
      // The reader may have left for another page meanwhile: its URL is not ours.
      if (!widget.isConnected || location.pathname !== entry.path) return;
      if (mirror) mirrorToUrl(widget);
      compute(widget);
    }, delay);
  }

  function compute(widget) {
    var entry = widgetState.get(widget);
    if (engine.state() === "failed") return;
    var started = performance.now();
    var id = ++entry.latest;
    var inputs = readInputs(widget);
    // A widget with a picture asks the worker's "chart" entry: the same reply, plus the picture's data.
    engine.call(widget.getAttribute("data-calculator"), inputs, widget.getAttribute("data-lang"),
                widget.querySelector("[data-chart]") ? "chart" : undefined)
      .then(function (reply) {
        if (id !== entry.latest || !widget.isConnected) return;      // a newer edit won
        entry.shownFor = inputs;
        entry.stale = readInputs(widget) !== inputs;
        show(widget, reply);
        paint(widget);
        widget.dispatchEvent(new CustomEvent("calculator:result", {
          bubbles: true,
          detail: { ok: reply.ok, value: reply.value, ms: performance.now() - started, reply: reply },
        }));
      }, function () {
        // The engine died or failed: its state change repaints every widget,
        // and a restart recomputes the stale ones (see onEngineChange).
      });
  }

  function onEngineChange(state) {
    widgets().forEach(function (widget) {
      if (!widget.isConnected) return;
      paint(widget);
      var entry = widgetState.get(widget);
      if (state === "ready" && (entry.stale || entry.latest > 0)) {
        // Answer what is on screen now: after a restart the old replies are lost.
        if (entry.stale) compute(widget);
      }
    });
  }
  engine.onChange(onEngineChange);

  // -- sharing ---------------------------------------------------------------------

  function prefix(widget) {
    return widget.getAttribute("data-calculator") + ".";
  }

  function withInputs(url, widget) {
    var start = prefix(widget);
    Array.from(url.searchParams.keys()).forEach(function (key) {
      if (key.indexOf(start) === 0) url.searchParams.delete(key);
    });
    var values = JSON.parse(readInputs(widget));
    var form = widget.querySelector("form");
    Object.keys(values).forEach(function (name) {
      // A pasted table or list of answers stays in the page: never in the address.
      var control = form.elements.namedItem(name);
      if (control && control.hasAttribute && control.hasAttribute("data-local-only")) return;
      url.searchParams.set(start + name, values[name]);
    });
    return url;
  }

  function mirrorToUrl(widget) {
    history.replaceState(history.state, "", withInputs(new URL(location.href), widget).href);
  }

  function shareLink(widget) {
    var url = new URL(location.href);
    url.search = "";
    url.hash = widget.id;
    return withInputs(url, widget).href;
  }

  function restoreFromUrl(widget) {
    var start = prefix(widget);
    var form = widget.querySelector("form");
    var restored = false;
    new URLSearchParams(location.search).forEach(function (value, key) {
      if (key.indexOf(start) !== 0) return;
      var control = form.elements.namedItem(key.slice(start.length));
      if (control && control.name) {
        control.value = value;
        restored = true;
      }
    });
    return restored;
  }

  function copyLink(widget) {
    var link = shareLink(widget);
    var status = part(widget, "copy-status");
    function announce(ok) {
      status.textContent = "";
      // A fresh text node, so a second copy is announced again.
      setTimeout(function () { status.textContent = text(widget, ok ? "copied" : "copy-failed"); }, 50);
    }
    function fallback() {
      var area = document.createElement("textarea");
      area.value = link;
      area.setAttribute("readonly", "");
      area.className = "calculator__clipboard";
      document.body.appendChild(area);
      area.select();
      var ok = false;
      try { ok = document.execCommand("copy"); } catch (error) { ok = false; }
      area.remove();
      announce(ok);
    }
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(link).then(function () { announce(true); }, fallback);
    } else {
      fallback();
    }
  }

  // -- KaTeX -------------------------------------------------------------------------

  // Resolves once both KaTeX's script and its stylesheet are in: the
  // formula's width can only be measured with the stylesheet applied.
  function loadKatex() {
    if (!katexPromise) {
      var sheet = document.getElementById("katex-stylesheet");
      var styled = new Promise(function (resolve, reject) {
        if (sheet) return resolve();
        sheet = document.createElement("link");
        sheet.id = "katex-stylesheet";
        sheet.rel = "stylesheet";
        sheet.href = KATEX_URL + "katex.min.css";
        sheet.addEventListener("load", function () { resolve(); });
        sheet.addEventListener("error", reject);
        document.head.appendChild(sheet);
      });
      var scripted = new Promise(function (resolve, reject) {
        if (window.katex) return resolve(window.katex);
        var script = document.createElement("script");
        script.src = KATEX_URL + "katex.min.js";
        script.addEventListener("load", function () { resolve(window.katex); });
        script.addEventListener("error", reject);
        document.head.appendChild(script);
      });
      katexPromise = Promise.all([scripted, styled]).then(function (loaded) { return loaded[0]; });
      katexPromise.catch(function () { katexPromise = null; });   // plain-text formula stays
    }
    return katexPromise;
  }

  function renderMath(widget, katex) {
    widget.querySelectorAll("[data-latex]").forEach(function (element) {
      if (element.getAttribute("data-math") === "katex") return;
      try {
        // Inline mode lets KaTeX break the line after "=" and "+" at the top
        // level; \displaystyle keeps fractions full size, as display mode would.
        var latex = element.getAttribute("data-latex");
        katex.render("\\displaystyle " + latex, element, {
          displayMode: false, throwOnError: false, strict: "ignore", output: "htmlAndMathml",
        });
        // The source as the catalog has it, for copying and assistive tech:
        // \displaystyle is presentation only.
        var annotation = element.querySelector("annotation");
        if (annotation) annotation.textContent = latex;
        element.setAttribute("data-math", "katex");
        fitFormula(element);
      } catch (error) { /* keep the plain-text formula */ }
    });
  }

  // Fit a rendered formula to its box: wrapped already, then scaled down (not
  // below MIN_FORMULA_SCALE), and only then scrollable, with a visible cue and
  // keyboard focus so the hidden part can be reached. Scaling changes where
  // the lines wrap, so it measures again after each step.
  function fitFormula(element) {
    var math = element.querySelector(".katex");
    if (!math || !element.clientWidth) return;
    var widget = element.closest(".calculator");
    var style = getComputedStyle(element);
    var padding = parseFloat(style.paddingLeft) + parseFloat(style.paddingRight);
    var scale = 1;
    math.style.fontSize = "";
    var size = parseFloat(getComputedStyle(math).fontSize);    // the stylesheet's size
    for (var pass = 0; pass < 4; pass++) {
      var room = element.clientWidth - padding;
      var needed = element.scrollWidth - padding;
      if (needed <= room + 1 || scale <= MIN_FORMULA_SCALE) break;
      scale = Math.max(MIN_FORMULA_SCALE, Math.floor(scale * room / needed * 1000) / 1000);
      math.style.fontSize = (size * scale).toFixed(2) + "px";
    }
    var overflows = element.scrollWidth > element.clientWidth + 1;
    element.classList.toggle("calculator__formula--scroll", overflows);
    if (overflows) {
      element.setAttribute("tabindex", "0");
      element.setAttribute("role", "region");
      element.setAttribute("aria-label", widget ? text(widget, "formula-scroll") : "");
    } else {
      element.removeAttribute("tabindex");
      element.removeAttribute("role");
      element.removeAttribute("aria-label");
    }
    var hint = widget && part(widget, "formula-hint");
    if (hint) hint.hidden = !overflows;
  }

  function refitAll() {
    document.querySelectorAll('.calculator [data-math="katex"]').forEach(fitFormula);
  }

  var refitTimer = 0;
  function refitSoon() {
    clearTimeout(refitTimer);
    refitTimer = setTimeout(refitAll, 100);
  }
  window.addEventListener("resize", refitSoon);
  // KaTeX's fonts arrive after the first layout, and change every width.
  if (document.fonts) {
    document.fonts.addEventListener("loadingdone", refitSoon);
    document.fonts.ready.then(refitSoon);
  }

  // -- add-ons -----------------------------------------------------------------------

  // Scripts a widget's extras ask for (data-addon: calculator-data.js,
  // calculator-charts.js, calculator-units.js; see sitegen/calculator_extras.py),
  // each loaded once, and only on a page that has such an element. Each binds
  // itself through document$ as this file does.
  var ADDON_NAME = /^calculator-[a-z]+\.js$/;
  var addonsLoaded = {};
  function loadAddons() {
    document.querySelectorAll(".calculator [data-addon]").forEach(function (element) {
      var name = element.getAttribute("data-addon");
      if (!ADDON_NAME.test(name) || addonsLoaded[name]) return;
      addonsLoaded[name] = true;
      var script = document.createElement("script");
      script.src = new URL(name, scriptUrl).href;
      script.addEventListener("error", function () { addonsLoaded[name] = false; });
      document.head.appendChild(script);
    });
  }

  // -- binding -----------------------------------------------------------------------

  function bind(widget) {
    if (widgetState.has(widget)) return;
    var entry = {
      timer: 0,
      latest: 0,
      stale: false,
      failureShown: false,
      path: location.pathname,
      shownFor: "",               // the inputs the shown result was computed from
    };
    widgetState.set(widget, entry);
    var form = widget.querySelector("form");
    entry.shownFor = readInputs(widget);       // the build-time example matches its inputs

    widget.addEventListener("focusin", function () {
      if (engine.state() !== "failed") engine.start().catch(function () {});
    });
    form.addEventListener("input", function () { edited(widget); });
    form.addEventListener("change", function () { edited(widget); });
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      schedule(widget, 0, true);
    });
    part(widget, "actions").hidden = false;
    part(widget, "copy-link").addEventListener("click", function () { copyLink(widget); });
    part(widget, "retry").addEventListener("click", function () {
      engine.retry().catch(function () {});
    });
    var note = part(widget, "note");
    if (note) note.hidden = false;            // true now that the inputs respond

    if (restoreFromUrl(widget)) {
      if (note) note.hidden = true;
      entry.stale = readInputs(widget) !== entry.shownFor;
      if (entry.stale) clearResult(widget);     // the build-time example no longer matches
      schedule(widget, 0, false);
      if (engine.state() !== "failed") engine.start().catch(function () {});
    }
    paint(widget);
  }

  // Metered or slow connections: no 15 MB download for a reader who may never
  // type. The engine still loads on the first focus or input.
  function slowConnection() {
    var connection = navigator.connection;
    if (!connection) return false;
    return !!connection.saveData || SLOW_CONNECTIONS.indexOf(connection.effectiveType) >= 0;
  }

  function init() {
    var found = Array.prototype.slice.call(document.querySelectorAll(".calculator[data-calculator]"));
    if (!found.length) return;                 // not a calculator page: load nothing
    found.forEach(bind);
    loadAddons();
    var target = null;
    try {
      target = location.hash && document.getElementById(decodeURIComponent(location.hash.slice(1)));
    } catch (error) { /* a malformed fragment: nothing to scroll to */ }
    loadKatex().then(function (katex) {
      found.forEach(function (widget) { renderMath(widget, katex); });
      // Rendering changed the layout above a linked widget: bring it back into view.
      if (target && widgetState.has(target) && target.isConnected) target.scrollIntoView();
    }, function () {});
    if (engine.state() === "idle" && !slowConnection()) {
      var idle = window.requestIdleCallback || function (callback) { return setTimeout(callback, 1500); };
      idle(function () {
        if (widgets().some(function (w) { return w.isConnected; }) && engine.state() === "idle") {
          engine.start().catch(function () {});
        }
      }, { timeout: 4000 });
    }
  }

  // Leaving the page: cancel debounced work, so nothing computed or written
  // into the address for this page lands on the next one.
  function leaving() {
    document.querySelectorAll(".calculator[data-calculator]").forEach(function (widget) {
      var entry = widgetState.get(widget);
      if (entry && entry.timer && location.pathname !== entry.path) {
        clearTimeout(entry.timer);
        entry.timer = 0;
      }
    });
  }

  if (window.location$ && typeof window.location$.subscribe === "function") {
    window.location$.subscribe(leaving);
  }
  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(init);           // every page, also after instant navigation
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
