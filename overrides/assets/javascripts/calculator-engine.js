/* The calculators' engine, seen from the page: ONE module worker
 * (calculator-worker.mjs, Pyodide) for the whole document, and its life cycle.
 * calculators.js (the widgets) is its only client.
 *
 *   idle -> loading -> ready
 *              |         |  dies (a request times out, the worker's `error`
 *              |         |  or `messageerror` event): terminated, every pending
 *              |         |  request rejected, and restarted ONCE automatically
 *              |         v  after a back-off ("restarting", shown as loading)
 *              +----> failed   only retry() (the widgets' Retry button) leaves it
 *
 * Nothing here starts a worker on its own: start() does, and the widgets call
 * it on focus, on input or when the browser is idle. Once failed, calls are
 * refused at once and start() does nothing, so keystrokes never spawn workers.
 * The worker lives in this closure, so it survives Material's instant
 * navigation; so does its state, which a new page's widgets read on binding.
 *
 * No eval, no inline code: the site's CSP forbids both. */
(function () {
  "use strict";
  if (window.csCalculatorEngine) return;     // evaluated once per document

  // Paths relative to this script, never root-absolute: the site may be
  // served under a sub-path. This file is <root>/<lang>/assets/javascripts/.
  var scriptUrl = document.currentScript ? document.currentScript.src : location.href;
  var WORKER_URL = new URL("calculator-worker.mjs", scriptUrl).href;

  // Tests shorten these through window.csCalculatorsConfig (set before load).
  var config = window.csCalculatorsConfig || {};
  // Each start-up stage (the worker reports them) must finish within this: a
  // stall, not a slow line, is what it catches. Missing or mistyped runtime
  // files are caught far sooner by the worker's own pre-flight check.
  var STAGE_TIMEOUT_MS = config.loadTimeoutMs || 60000;
  // A reply normally takes milliseconds; 100,000 pasted rows take about 3 s.
  var REQUEST_TIMEOUT_MS = config.requestTimeoutMs || 12000;
  var RESTART_DELAY_MS = config.restartDelayMs || 1000;
  var SNAPSHOT_FLAG = "cs-glossary.engine-snapshot";
  var AUTO_RESTARTS = 1;

  var state = "idle";                        // idle | loading | restarting | ready | failed
  var reason = "";                           // why it failed, for the console and tests
  var current = null;                        // {worker, pending: Map, ready: Promise}
  var restartsLeft = AUTO_RESTARTS;
  var restartTimer = 0;
  var listeners = [];
  var seq = 0;

  var engine = {
    workersCreated: 0,
    timings: null,                           // from the worker; timings.from: "snapshot" | "cold"
    snapshotStored: false,
    state: function () { return state; },
    reason: function () { return reason; },
    start: start,
    retry: retry,
    warmStartLikely: warmStartLikely,
    call: call,
    // fn(state) on every change of state; the widgets redraw from it.
    onChange: function (fn) { listeners.push(fn); },
  };
  window.csCalculatorEngine = engine;

  function setState(next, why) {
    state = next;
    if (why !== undefined) reason = why;
    listeners.forEach(function (fn) {
      try { fn(state); } catch (error) { setTimeout(function () { throw error; }); }
    });
  }

  function start() {
    if (state === "failed") return Promise.reject(new Error(reason || "engine failed"));
    if (current) return current.ready;
    if (state === "restarting") return waitForReady();
    return spawn();
  }

  // Resolves once a restart in progress ends, rejects if it fails.
  function waitForReady() {
    return new Promise(function (resolve, reject) {
      listeners.push(function once(next) {
        if (next !== "ready" && next !== "failed") return;
        listeners.splice(listeners.indexOf(once), 1);
        if (next === "ready") resolve(); else reject(new Error(reason));
      });
    });
  }

  function retry() {
    if (state !== "failed") return start();
    clearTimeout(restartTimer);
    restartsLeft = AUTO_RESTARTS;
    return spawn();
  }

  function spawn() {
    var self = { worker: null, pending: new Map(), ready: null, live: false };
    current = self;
    setState("loading", "");
    self.ready = new Promise(function (resolve, reject) {
      var stageTimer = 0;
      function stall() {
        clearTimeout(stageTimer);
        stageTimer = setTimeout(function () {
          fail("no progress for " + STAGE_TIMEOUT_MS + " ms while starting");
        }, STAGE_TIMEOUT_MS);
      }
      function fail(why) {
        clearTimeout(stageTimer);
        if (self.live) return;
        reject(new Error(why));
        die(self, why, false);
      }
      self.onReady = function (timings) {
        clearTimeout(stageTimer);
        self.live = true;
        engine.timings = timings;
        if (timings && timings.from === "cold") rememberSnapshot(false);   // until a new one is stored
        resolve();
      };
      self.onStage = stall;
      self.onStartFailed = fail;
      stall();
      try {
        engine.startedAt = performance.now();
        self.worker = new Worker(workerUrl(), { type: "module", name: "calculators" });
        engine.workersCreated += 1;
      } catch (error) {
        fail(String(error));
        return;
      }
      self.worker.addEventListener("message", function (event) { receive(self, event.data || {}); });
      // Before ready: a module that cannot load (404, wrong MIME type).
      // After ready: an uncaught error in the worker; either way it is not to be trusted.
      self.worker.addEventListener("error", function (event) {
        var why = "worker error: " + ((event && event.message) || "unknown");
        if (self.live) die(self, why, true); else fail(why);
      });
      self.worker.addEventListener("messageerror", function () {
        if (self.live) die(self, "unreadable message from the worker", true);
        else fail("unreadable message from the worker");
      });
    });
    self.ready.then(function () {
      if (current === self) setState("ready", "");
    }, function () {});
    return self.ready;
  }

  // Repeat visits restore a memory snapshot the worker keeps in Cache
  // Storage, but only where the reader lets the site store things for
  // offline use (offline.js decides: not opted out, not the dev server).
  function storageAllowed() {
    var offline = window.csOffline;
    return !!(offline && offline.storageAllowed && offline.storageAllowed());
  }
  function workerUrl() {
    return storageAllowed() ? WORKER_URL + "?snapshot=1" : WORKER_URL;
  }
  function rememberSnapshot(stored) {
    try {
      if (stored) localStorage.setItem(SNAPSHOT_FLAG, "1"); else localStorage.removeItem(SNAPSHOT_FLAG);
    } catch (error) { /* private mode: no eager start, nothing else lost */ }
  }
  // True when this browser holds a snapshot of the engine, so starting it
  // costs a fraction of a second of the worker's time and no download: the
  // widgets then start it at once instead of waiting for the reader.
  function warmStartLikely() {
    try {
      return storageAllowed() && localStorage.getItem(SNAPSHOT_FLAG) === "1";
    } catch (error) {
      return false;
    }
  }

  function receive(self, data) {
    if (current !== self) return;
    if (data.type === "stage") self.onStage();
    else if (data.type === "ready") self.onReady(data.timings);
    else if (data.type === "failed") self.onStartFailed(data.message);
    else if (data.type === "snapshot-stored") {
      engine.snapshotStored = true;
      rememberSnapshot(true);
    }
    else if (data.type === "result") {
      var request = self.pending.get(data.id);
      if (!request) return;
      self.pending.delete(data.id);
      clearTimeout(request.timer);
      if (data.error) request.reject(new Error(data.error));
      else request.resolve(JSON.parse(data.reply));
    }
  }

  // The worker is gone or cannot be trusted: end it, refuse what it owed,
  // and restart it once (after a back-off) if it had been working.
  function die(self, why, wasLive) {
    if (current !== self) return;
    current = null;
    try { self.worker && self.worker.terminate(); } catch (error) { /* already gone */ }
    self.pending.forEach(function (request) {
      clearTimeout(request.timer);
      request.reject(new Error(why));
    });
    self.pending.clear();
    if (wasLive && restartsLeft > 0) {
      restartsLeft -= 1;
      setState("restarting", why);
      restartTimer = setTimeout(function () {
        if (state === "restarting") spawn();
      }, RESTART_DELAY_MS);
    } else {
      setState("failed", why);
    }
    if (window.console) console.warn("calculators: engine " + (state === "failed" ? "failed" : "restarting") + ": " + why);
  }

  // Resolves to calculators.browser.run()'s reply (a plain object). `how` is
  // optional: a worker entry point's name (a string), or
  // {entry, solve: {target, unknown}} to have calculators.browser.solve() answer.
  function call(formula, inputs, lang, how) {
    var options = typeof how === "string" ? { entry: how } : (how || {});
    return start().then(function () {
      var self = current;
      if (!self || !self.live) return call(formula, inputs, lang, how);   // it restarted meanwhile
      var id = ++seq;
      return new Promise(function (resolve, reject) {
        var request = { resolve: resolve, reject: reject, timer: 0 };
        request.timer = setTimeout(function () {
          die(self, "no reply within " + REQUEST_TIMEOUT_MS + " ms", true);
        }, REQUEST_TIMEOUT_MS);
        self.pending.set(id, request);
        self.worker.postMessage({ id: id, formula: formula, inputs: inputs, lang: lang,
                                  entry: options.entry || null, solve: options.solve || null });
      });
    });
  }
})();
