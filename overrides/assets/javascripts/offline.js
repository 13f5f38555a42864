/* Offline reading and fast repeat visits: registers the site's service worker
 * (<root>/sw.js, sitegen/static/sw.js) and, once it runs, asks it to store this
 * language tree for offline use. Also drives the panel on the Downloads page
 * that shows the state and turns the offline copy off or on.
 *
 * Never on file:// (service workers need http), never when the build says
 * "off" (the preview server, so live reload stays live), never when the
 * reader turned it off here, and never on a data-saving or 2G/3G connection,
 * where a background download of a few megabytes is not ours to start. */
(function () {
  "use strict";
  if (window.csOffline) return;

  var scriptUrl = document.currentScript ? document.currentScript.src : location.href;
  var ROOT = new URL("../../../", scriptUrl);          // <root>/<lang>/assets/javascripts/
  var SW_URL = new URL("sw.js", ROOT).href;
  var OPT_OUT_KEY = "cs-glossary.offline";
  var LANG = (document.documentElement.lang || "").indexOf("zh") === 0 ? "zh" : "en";
  // Once per browser session: the worker skips what it already stores, so a
  // repeat costs only cache look-ups, but there is no need for one per page.
  var TREE_KEY = "cs-glossary.offline.tree." + LANG;
  var state = { phase: "idle", done: 0, total: 0 };
  var api = { state: state, enable: enable, disable: disable, storageAllowed: storageAllowed };
  window.csOffline = api;

  function buildAllows() {
    var meta = document.querySelector('meta[name="cs-offline"]');
    return !meta || meta.content !== "off";
  }
  function supported() {
    return "serviceWorker" in navigator && location.protocol !== "file:" && window.isSecureContext;
  }
  function optedOut() {
    try { return localStorage.getItem(OPT_OUT_KEY) === "off"; } catch (e) { return false; }
  }
  // May the site keep things in this browser (the calculators' memory
  // snapshot too)? Not a question of bandwidth: nothing is downloaded for it.
  function storageAllowed() {
    return supported() && buildAllows() && !optedOut() && !!window.caches;
  }
  function slowConnection() {
    var c = navigator.connection;
    return !!(c && (c.saveData || /(^|-)(2g|3g)$/.test(c.effectiveType || "")));
  }

  function setPhase(phase, extra) {
    state.phase = phase;
    if (extra) { state.done = extra.done || 0; state.total = extra.total || 0; }
    renderPanel();
  }

  function register() {
    return navigator.serviceWorker.register(SW_URL, { scope: ROOT.href }).then(function (registration) {
      return navigator.serviceWorker.ready.then(function (ready) {
        var active = ready.active || registration.active;
        var asked = null;
        try { asked = sessionStorage.getItem(TREE_KEY); } catch (e) { asked = null; }
        if (active && !asked) {
          setPhase("caching");
          active.postMessage({ type: "cache-tree", lang: LANG });
        } else if (state.phase !== "caching") {
          setPhase("ready");
        }
        return ready;
      });
    });
  }

  function unregisterAll() {
    if (!("serviceWorker" in navigator)) return Promise.resolve();
    return navigator.serviceWorker.getRegistrations().then(function (registrations) {
      return Promise.all(registrations.map(function (r) { return r.unregister(); }));
    }).then(function () {
      if (!window.caches) return null;
      return caches.keys().then(function (names) {
        return Promise.all(names.filter(function (n) { return /^cs-(runtime|pages|engine)-/.test(n); })
          .map(function (n) { return caches.delete(n); }));
      });
    });
  }

  function enable() {
    try { localStorage.removeItem(OPT_OUT_KEY); sessionStorage.removeItem(TREE_KEY); } catch (e) { /* private mode */ }
    if (!supported() || !buildAllows()) { setPhase("unsupported"); return Promise.resolve(); }
    setPhase("caching");
    return register();
  }

  function disable() {
    try {
      localStorage.setItem(OPT_OUT_KEY, "off");
      localStorage.removeItem("cs-glossary.engine-snapshot");   // its cache goes below
      sessionStorage.removeItem(TREE_KEY);
    } catch (e) { /* private mode */ }
    return unregisterAll().then(function () { setPhase("off"); });
  }

  if ("serviceWorker" in navigator) {
    navigator.serviceWorker.addEventListener("message", function (event) {
      var data = event.data || {};
      if (data.lang !== LANG) return;
      if (data.type === "cache-progress") setPhase("caching", data);
      if (data.type === "cache-done") {
        if (!data.failed) {
          try { sessionStorage.setItem(TREE_KEY, "1"); } catch (e) { /* private mode */ }
        }
        setPhase(data.failed ? "partial" : "ready", data);
      }
    });
  }

  // Resolves true once a calculator engine on this page is ready, false on a
  // page without one (or if it never gets ready).
  function whenEngineSettles() {
    if (!document.querySelector(".calculator[data-calculator]")) return Promise.resolve(false);
    return new Promise(function (resolve) {
      var waited = 0;
      (function poll() {
        if (window.csCalculators && window.csCalculators.engineReady()) return resolve(true);
        if ((waited += 500) > 30000) return resolve(false);
        setTimeout(poll, 500);
      })();
    });
  }

  // -- the Downloads page's panel (sitegen/templates/offline-panel.html.j2) --

  function renderPanel() {
    var panel = document.querySelector("[data-offline-panel]");
    if (!panel) return;
    panel.hidden = false;
    var status = panel.querySelector("[data-offline-status]");
    var button = panel.querySelector("[data-offline-toggle]");
    var text = function (key) {
      return (panel.getAttribute("data-text-" + key) || "")
        .replace("{done}", String(state.done)).replace("{total}", String(state.total));
    };
    status.textContent = text(state.phase);
    panel.setAttribute("data-state", state.phase);
    button.hidden = state.phase === "unsupported";
    button.textContent = state.phase === "off" ? text("turn-on") : text("turn-off");
  }

  function bindPanel() {
    var panel = document.querySelector("[data-offline-panel]");
    if (!panel || panel.dataset.bound) { renderPanel(); return; }
    panel.dataset.bound = "1";
    panel.querySelector("[data-offline-toggle]").addEventListener("click", function () {
      if (state.phase === "off") enable(); else disable();
    });
    renderPanel();
  }

  // -- start -----------------------------------------------------------------

  if (!supported() || !buildAllows()) {
    setPhase("unsupported");
    if ("serviceWorker" in navigator && !buildAllows()) unregisterAll();
  } else if (optedOut()) {
    setPhase("off");
  } else if (slowConnection()) {
    setPhase("skipped");
  } else {
    // After the page and whatever it downloads have loaded: the worker's own
    // requests then revalidate what the HTTP cache holds instead of moving
    // bytes. A calculator page waits for its engine, then has the runtime
    // stored for the next visit.
    var start = function () {
      var later = window.requestIdleCallback || function (fn) { return setTimeout(fn, 1000); };
      later(function () {
        whenEngineSettles().then(function (engineRan) {
          return register().then(function (registration) {
            var active = registration.active || (navigator.serviceWorker.controller);
            if (engineRan && active) active.postMessage({ type: "cache-runtime" });
          });
        }).catch(function () { setPhase("unsupported"); });
      });
    };
    if (document.readyState === "complete") start(); else window.addEventListener("load", start);
  }
  if (window.document$) window.document$.subscribe(bindPanel);
  else document.addEventListener("DOMContentLoaded", bindPanel);
})();
