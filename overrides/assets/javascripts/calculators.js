/* Calculator widgets (sitegen/templates/calculator.html.j2), main thread.
 *
 * The page already shows each widget's worked example, computed at build time
 * (data-state="static"). This script makes the widgets live:
 *   - renders each formula with KaTeX (self-hosted at <root>/katex/);
 *   - starts ONE module worker (calculator-worker.mjs, Pyodide) lazily: on the
 *     first focus of or input into a widget, or when the browser is idle on a
 *     page that has one. Pages without a widget load none of it;
 *   - recomputes as the reader types (debounced), mirrors the inputs into the
 *     URL (?<formula>.<input>=value) and restores them from a shared link.
 * The worker lives in this script's closure, so it survives Material's
 * instant navigation; widgets are bound through document$.
 *
 * No inline handlers, no eval, no innerHTML: the site's CSP forbids the first
 * two and the third would treat text as markup. */
(function () {
  "use strict";
  if (window.csCalculators) return;          // evaluated once per document

  // Paths relative to this script, never root-absolute: the site may be
  // served under a sub-path. This file is <root>/<lang>/assets/javascripts/.
  var scriptUrl = document.currentScript ? document.currentScript.src : location.href;
  var WORKER_URL = new URL("calculator-worker.mjs", scriptUrl).href;
  var KATEX_URL = new URL("../../../katex/", scriptUrl).href;
  // A .wasm served with the wrong MIME type makes Pyodide hang forever, never
  // failing; give up after this long. Tests shorten it through csCalculatorsConfig.
  var config = window.csCalculatorsConfig || {};
  var LOAD_TIMEOUT_MS = config.loadTimeoutMs || 20000;
  var DEBOUNCE_MS = 150;

  var engine = null;                         // {worker, ready, isReady, failed, pending}
  var katexPromise = null;
  var requestSeq = 0;
  var widgetState = new WeakMap();           // widget element -> {timer, latest}

  // For tests, the benchmark and embedders: how many workers this document
  // created (one, however many pages instant navigation shows), whether the
  // engine is ready, the worker's start-up timings, and compute(), which runs
  // calculators.browser.run(formula, inputsJson, lang) and resolves to its reply.
  var api = {
    workersCreated: 0,
    timings: null,
    engineReady: function () { return !!(engine && engine.isReady); },
    compute: function (formula, inputsJson, lang) { return call(formula, inputsJson, lang); },
  };
  window.csCalculators = api;

  function widgets() {
    return Array.prototype.slice.call(document.querySelectorAll(".calculator[data-calculator]"));
  }

  function text(widget, key) {
    return widget.getAttribute("data-text-" + key) || "";
  }

  // -- engine --------------------------------------------------------------

  function startEngine() {
    if (engine && !engine.failed) return engine.ready;
    var pending = new Map();
    var current = { worker: null, ready: null, isReady: false, failed: false, pending: pending };
    engine = current;
    current.ready = new Promise(function (resolve, reject) {
      var timer = setTimeout(function () { fail("timed out after " + LOAD_TIMEOUT_MS + " ms"); },
                             LOAD_TIMEOUT_MS);
      function fail(reason) {
        clearTimeout(timer);
        if (current.failed || current.isReady) return;
        current.failed = true;
        if (current.worker) current.worker.terminate();
        pending.forEach(function (request) { request.reject(new Error(reason)); });
        pending.clear();
        reject(new Error(reason));
      }
      try {
        current.worker = new Worker(WORKER_URL, { type: "module", name: "calculators" });
        api.workersCreated += 1;
      } catch (error) {
        fail(String(error));
        return;
      }
      current.worker.addEventListener("message", function (event) {
        var data = event.data || {};
        if (data.type === "ready") {
          clearTimeout(timer);
          api.timings = data.timings;
          current.isReady = true;
          resolve();
        } else if (data.type === "failed") {
          fail(data.message);
        } else if (data.type === "result") {
          var request = pending.get(data.id);
          if (!request) return;
          pending.delete(data.id);
          if (data.error) request.reject(new Error(data.error));
          else request.resolve(JSON.parse(data.reply));
        }
      });
      // A module that cannot load (404, wrong MIME type) ends up here.
      current.worker.addEventListener("error", function (event) {
        if (!current.isReady) fail(event.message || "the worker could not start");
      });
    });
    // Requests made while loading are queued behind `ready` (see call()).
    current.ready.then(function () {
      widgets().forEach(function (widget) {
        setState(widget, "ready");
        var error = widget.querySelector("[data-error]");
        if (error.textContent === text(widget, "failed")) {     // a retry worked
          error.textContent = "";
          error.hidden = true;
        }
      });
    }, function () {
      widgets().forEach(showEngineFailure);
    });
    widgets().forEach(function (widget) {
      if (widget.getAttribute("data-state") !== "ready") setState(widget, "loading");
    });
    return current.ready;
  }

  function call(formula, inputs, lang) {
    return startEngine().then(function () {
      var id = ++requestSeq;
      return new Promise(function (resolve, reject) {
        engine.pending.set(id, { resolve: resolve, reject: reject });
        engine.worker.postMessage({ id: id, formula: formula, inputs: inputs, lang: lang });
      });
    });
  }

  function setState(widget, state) {
    widget.setAttribute("data-state", state);
    var status = widget.querySelector("[data-status]");
    if (!status) return;
    if (state === "loading") {
      status.textContent = text(widget, "loading");
      status.hidden = false;
    } else {
      status.textContent = "";
      status.hidden = true;
    }
  }

  function showEngineFailure(widget) {
    setState(widget, "error");
    var error = widget.querySelector("[data-error]");
    error.textContent = text(widget, "failed");
    error.hidden = false;
  }

  // -- computing -----------------------------------------------------------

  function controls(widget) {
    var form = widget.querySelector("form");
    return Array.prototype.filter.call(form.elements, function (element) { return element.name; });
  }

  function readInputs(widget) {
    var values = {};
    controls(widget).forEach(function (control) { values[control.name] = control.value; });
    return values;
  }

  function schedule(widget, delay, mirror) {
    var entry = widgetState.get(widget);
    clearTimeout(entry.timer);
    entry.timer = setTimeout(function () {
      if (mirror) mirrorToUrl(widget);
      compute(widget);
    }, delay);
  }

  function compute(widget) {
    var entry = widgetState.get(widget);
    var started = performance.now();
    var id = ++entry.latest;
    var lang = widget.getAttribute("data-lang");
    call(widget.getAttribute("data-calculator"), JSON.stringify(readInputs(widget)), lang)
      .then(function (reply) {
        if (id !== entry.latest || !widget.isConnected) return;      // a newer edit won
        show(widget, reply);
        widget.dispatchEvent(new CustomEvent("calculator:result", {
          bubbles: true,
          detail: { ok: reply.ok, value: reply.value, ms: performance.now() - started },
        }));
      }, function () {
        if (widget.isConnected) showEngineFailure(widget);
      });
  }

  function show(widget, reply) {
    var output = widget.querySelector("[data-result]");
    var steps = widget.querySelector("[data-steps]");
    var error = widget.querySelector("[data-error]");
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
      output.setAttribute("data-value", "");
      output.textContent = "";
      steps.replaceChildren();
      error.textContent = reply.message;
      error.hidden = false;
      var control = reply.field && widget.querySelector("form").elements.namedItem(reply.field);
      if (control && control.name) {
        control.setAttribute("aria-invalid", "true");
        describedBy(control, error.id, true);
      }
    }
  }

  function describedBy(control, id, add) {
    var ids = (control.getAttribute("aria-describedby") || "").split(/\s+/).filter(function (x) {
      return x && x !== id;
    });
    if (add) ids.push(id);
    control.setAttribute("aria-describedby", ids.join(" "));
  }

  // -- sharing -------------------------------------------------------------

  function prefix(widget) {
    return widget.getAttribute("data-calculator") + ".";
  }

  function withInputs(url, widget) {
    var start = prefix(widget);
    Array.from(url.searchParams.keys()).forEach(function (key) {
      if (key.indexOf(start) === 0) url.searchParams.delete(key);
    });
    var values = readInputs(widget);
    Object.keys(values).forEach(function (name) { url.searchParams.set(start + name, values[name]); });
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
    var status = widget.querySelector("[data-copy-status]");
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

  // -- KaTeX ---------------------------------------------------------------

  function loadKatex() {
    if (!document.getElementById("katex-stylesheet")) {
      var link = document.createElement("link");
      link.id = "katex-stylesheet";
      link.rel = "stylesheet";
      link.href = KATEX_URL + "katex.min.css";
      document.head.appendChild(link);
    }
    if (!katexPromise) {
      katexPromise = new Promise(function (resolve, reject) {
        if (window.katex) return resolve(window.katex);
        var script = document.createElement("script");
        script.src = KATEX_URL + "katex.min.js";
        script.addEventListener("load", function () { resolve(window.katex); });
        script.addEventListener("error", reject);
        document.head.appendChild(script);
      });
      katexPromise.catch(function () { katexPromise = null; });   // plain-text formula stays
    }
    return katexPromise;
  }

  function renderMath(widget, katex) {
    widget.querySelectorAll("[data-latex]").forEach(function (element) {
      if (element.getAttribute("data-math") === "katex") return;
      try {
        katex.render(element.getAttribute("data-latex"), element, {
          displayMode: true, throwOnError: false, strict: "ignore", output: "htmlAndMathml",
        });
        element.setAttribute("data-math", "katex");
      } catch (error) { /* keep the plain-text formula */ }
    });
  }

  // -- binding ---------------------------------------------------------------

  function bind(widget) {
    if (widgetState.has(widget)) return;
    var entry = { timer: 0, latest: 0 };
    widgetState.set(widget, entry);
    var form = widget.querySelector("form");

    function edited() {
      startEngine();
      var note = widget.querySelector("[data-note]");
      if (note) note.hidden = true;
      schedule(widget, DEBOUNCE_MS, true);
    }
    widget.addEventListener("focusin", startEngine);
    form.addEventListener("input", edited);
    form.addEventListener("change", edited);
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      schedule(widget, 0, true);
    });
    var actions = widget.querySelector("[data-actions]");
    actions.hidden = false;
    actions.querySelector("[data-copy-link]").addEventListener("click", function () { copyLink(widget); });

    if (restoreFromUrl(widget)) {
      var note = widget.querySelector("[data-note]");
      if (note) note.hidden = true;
      // The build-time example no longer matches the inputs.
      var output = widget.querySelector("[data-result]");
      output.setAttribute("data-value", "");
      output.textContent = "";
      widget.querySelector("[data-steps]").replaceChildren();
      schedule(widget, 0, false);
      startEngine();
    }
    if (engine && engine.isReady) setState(widget, "ready");
    else if (engine && !engine.failed) setState(widget, "loading");
  }

  function init() {
    var found = widgets();
    if (!found.length) return;                 // not a calculator page: load nothing
    found.forEach(bind);
    var target = null;
    try {
      target = location.hash && document.getElementById(decodeURIComponent(location.hash.slice(1)));
    } catch (error) { /* a malformed fragment: nothing to scroll to */ }
    loadKatex().then(function (katex) {
      found.forEach(function (widget) { renderMath(widget, katex); });
      // Rendering changed the layout above a linked widget: bring it back into view.
      if (target && widgetState.has(target) && target.isConnected) target.scrollIntoView();
    }, function () {});
    if (!engine || engine.failed) {
      var idle = window.requestIdleCallback || function (callback) { return setTimeout(callback, 1500); };
      idle(function () {
        if (widgets().length && !(engine && engine.failed)) startEngine();
      }, { timeout: 4000 });
    }
  }

  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(init);           // every page, also after instant navigation
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
