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
    part(widget, "steps").classList.toggle("calculator__steps--stale", stale && !failed);
    var margin = part(widget, "margin-value");
    if (margin) {
      margin.classList.toggle("calculator__steps--stale", stale && !failed);
      part(widget, "margin-line").classList.toggle("calculator__steps--stale", stale && !failed);
      if (failed && stale) margin.hidden = part(widget, "margin-line").hidden = true;
    }
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
    // "Change any input to recalculate" is true only while it can, and only
    // about the worked example, before the reader has changed anything.
    var note = part(widget, "note");
    if (note) note.hidden = failed || entry.changed;
  }

  function clearResult(widget) {
    var output = part(widget, "result");
    output.setAttribute("data-value", "");
    output.textContent = "";
    part(widget, "steps").replaceChildren();
    var margin = part(widget, "margin-value");
    if (margin) margin.hidden = part(widget, "margin-line").hidden = true;
  }

  // Read-only while nothing can compute what is typed: in the built page (no
  // script yet) and after the engine failed. Selects cannot be read-only.
  function lock(widget, locked) {
    var entry = widgetState.get(widget);
    controls(widget).forEach(function (control) {
      if (control.tagName === "SELECT") control.disabled = locked;
      else control.readOnly = locked || control.name === entry.solveFor;   // the answer is not typed
    });
    var solveFor = part(widget, "solve-for");
    var target = part(widget, "target");
    if (solveFor) solveFor.disabled = locked;
    if (target) target.readOnly = locked;
    scenarios(widget).forEach(function (block) {
      Array.prototype.forEach.call(block.querySelector("form").elements, function (control) {
        if (!control.name) return;
        if (control.tagName === "SELECT") control.disabled = locked;
        else control.readOnly = locked;
      });
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
    var whole = part(widget, "whole");
    if (whole) {
      whole.textContent = "";
      whole.hidden = true;
    }
    var target = part(widget, "target");
    if (target) {
      target.removeAttribute("aria-invalid");
      describedBy(target, error.id, false);
    }
    if (reply.ok) {
      output.setAttribute("data-value", String(reply.value));
      output.textContent = reply.formatted;
      if (reply.unknown) showAnswer(widget, reply);
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
        var control = name === "target" ? target : form.elements.namedItem(name);
        if (control && (control.name || control === target)) {
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

  // -- solving for an input ------------------------------------------------------

  function labelText(widget, name) {
    var control = widget.querySelector("form").elements.namedItem(name);
    var label = control && widget.querySelector('label[for="' + control.id + '"]');
    if (!label) return name;
    var copy = label.cloneNode(true);
    copy.querySelectorAll(".calculator__optional").forEach(function (extra) { extra.remove(); });
    return copy.textContent.trim();
  }

  // Choose what the widget answers: the formula's result (name "") or one of
  // its inputs, worked out from a target result. Returns whether it changed.
  function setSolveFor(widget, name, targetValue) {
    var entry = widgetState.get(widget);
    var select = part(widget, "solve-for");
    if (!select) return false;
    var allowed = Array.prototype.some.call(select.options, function (option) { return option.value === name; });
    if (!allowed) name = "";
    var form = widget.querySelector("form");
    var previous = entry.solveFor && form.elements.namedItem(entry.solveFor);
    if (previous) previous.classList.remove("calculator__answer");
    var target = part(widget, "target");
    if (name && !entry.solveFor && !target.value) {
      // Start from the result on screen: solving then gives back the same input.
      var shown = part(widget, "result").getAttribute("data-value");
      target.value = targetValue !== null ? targetValue : shown;
    } else if (targetValue !== null) {
      target.value = targetValue;
    }
    entry.solveFor = name;
    select.value = name;
    part(widget, "target-field").hidden = !name;
    var control = name && form.elements.namedItem(name);
    if (control) control.classList.add("calculator__answer");
    var label = part(widget, "result-label");
    label.textContent = name ? labelText(widget, name) + " =" : label.getAttribute("data-symbol");
    lock(widget, engine.state() === "failed");
    return true;
  }

  // A solved input: written into its field, and for a count the whole
  // numbers either side ("38.57 → 39"), each with the result it gives.
  function showAnswer(widget, reply) {
    var control = widget.querySelector("form").elements.namedItem(reply.unknown);
    if (control) control.value = reply.formatted;
    var details = {};
    (reply.details || []).forEach(function (item) { details[item.name] = item; });
    var goal = details.result ? details.result.value : null;
    var sides = ["above", "below"].filter(function (side) { return details["whole_" + side]; });
    if (!sides.length) return;
    // The whole number that still reaches the target, else the nearer one.
    var reaching = sides.filter(function (side) { return details["result_" + side].value >= goal; });
    var pick = (reaching.length ? reaching : sides).sort(function (a, b) {
      return Math.abs(details["result_" + a].value - goal) - Math.abs(details["result_" + b].value - goal);
    })[0];
    var output = part(widget, "result");
    output.textContent = reply.formatted + " \u2192 " + details["whole_" + pick].formatted;
    var whole = part(widget, "whole");
    var separator = widget.getAttribute("data-lang") === "zh" ? "；" : "; ";
    whole.textContent = sides.map(function (side) {
      return details["result_" + side].label + " = " + details["result_" + side].formatted;
    }).join(separator);
    whole.hidden = false;
  }

  // -- computing -----------------------------------------------------------------

  function controls(widget) {
    var form = widget.querySelector("form");
    return Array.prototype.filter.call(form.elements, function (element) { return element.name; });
  }

  function readInputs(widget) {
    var values = {};
    var solveFor = widgetState.get(widget).solveFor;
    controls(widget).forEach(function (control) {
      if (control.name !== solveFor) values[control.name] = control.value;   // the answer is not an input
    });
    return JSON.stringify(values);
  }

  // What a shown result was computed from: the inputs, and what is solved for.
  function requestKey(widget) {
    var entry = widgetState.get(widget);
    var target = part(widget, "target");
    return readInputs(widget) + (entry.solveFor ? "|" + entry.solveFor + "=" + (target ? target.value : "") : "");
  }

  function edited(widget) {
    var entry = widgetState.get(widget);
    entry.stale = requestKey(widget) !== entry.shownFor;
    entry.changed = true;
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
    var key = requestKey(widget);
    var target = part(widget, "target");
    var solve = entry.solveFor ? { unknown: entry.solveFor, target: target ? target.value : "" } : null;
    // A widget with a picture asks the worker's "chart" entry: the same reply, plus the picture's data.
    var chart = widget.querySelector("[data-chart]") ? "chart" : undefined;
    engine.call(widget.getAttribute("data-calculator"), inputs, widget.getAttribute("data-lang"),
                solve ? { solve: solve } : chart)
      .then(function (reply) {
        if (id !== entry.latest || !widget.isConnected) return;      // a newer edit won
        entry.shownFor = key;
        entry.stale = requestKey(widget) !== key;
        show(widget, reply);
        paint(widget);
        updateMargin(widget, reply, id, inputs);
        scenarios(widget).forEach(function (block) { showDifference(widget, block); });
        widget.dispatchEvent(new CustomEvent("calculator:result", {
          bubbles: true,
          detail: { ok: reply.ok, value: reply.value, ms: performance.now() - started, reply: reply },
        }));
      }, function () {
        // The engine died or failed: its state change repaints every widget,
        // and a restart recomputes the stale ones (see onEngineChange).
      });
  }

  // NPS and CSAT: the margin of error beside the result, from its own formula
  // fed the same inputs ("NPS = 20 ± 14.5"), so the reader sees how sure it is.
  function updateMargin(widget, reply, id, inputs) {
    var formula = widget.getAttribute("data-margin");
    if (!formula) return;
    var entry = widgetState.get(widget);
    var value = part(widget, "margin-value");
    var line = part(widget, "margin-line");
    function hide() {
      entry.margin = null;
      value.hidden = true;
      line.hidden = true;
    }
    if (!reply.ok || reply.unknown) return hide();
    engine.call(formula, inputs, widget.getAttribute("data-lang")).then(function (margin) {
      if (id !== entry.latest || !widget.isConnected) return;
      if (!margin.ok) return hide();
      var details = {};
      (margin.details || []).forEach(function (item) { details[item.name] = item.formatted; });
      entry.margin = margin.value;
      value.textContent = "\u00b1 " + margin.formatted;
      line.textContent = text(widget, "margin").replace("{margin}", margin.formatted)
        .replace("{confidence}", details.confidence || "").replace("{n}", details.responses || "");
      value.hidden = false;
      line.hidden = false;
      scenarios(widget).forEach(function (block) { showDifference(widget, block); });
    }, hide);
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
      if (state === "ready") {
        scenarios(widget).forEach(function (block) {
          if (scenarioState.get(block).stale) computeScenario(widget, block);
        });
      }
    });
  }
  engine.onChange(onEngineChange);

  // -- scenarios -------------------------------------------------------------------
  // "Add scenario" copies the inputs into a second (and third) set beside the
  // first; each shows its own result and its difference from the first.

  var MAX_SCENARIOS = 3;                     // the inputs above, and two more
  var scenarioState = new WeakMap();         // scenario element -> {timer, latest, stale, value}
  var scenarioSeq = 0;

  function scenarios(widget) {
    var list = part(widget, "scenarios");
    return list ? Array.prototype.slice.call(list.querySelectorAll("[data-scenario]")) : [];
  }

  function scenarioInputs(block) {
    var values = {};
    Array.prototype.forEach.call(block.querySelector("form").elements, function (control) {
      if (control.name) values[control.name] = control.value;
    });
    return values;
  }

  function addScenario(widget, values) {
    var list = part(widget, "scenarios");
    var template = widget.querySelector("template[data-scenario-template]");
    if (!list || !template || scenarios(widget).length >= MAX_SCENARIOS - 1) return null;
    var block = template.content.firstElementChild.cloneNode(true);
    var source = widget.querySelector("form");
    var form = source.cloneNode(true);
    var suffix = "-s" + (++scenarioSeq);
    var errorId = part(widget, "error").id;
    form.querySelectorAll("[id]").forEach(function (element) { element.id += suffix; });
    form.querySelectorAll("label[for]").forEach(function (label) { label.htmlFor += suffix; });
    form.querySelectorAll("[aria-describedby]").forEach(function (element) {
      element.setAttribute("aria-describedby", element.getAttribute("aria-describedby").split(/\s+/)
        .filter(function (id) { return id && id !== errorId; })
        .map(function (id) { return id + suffix; }).join(" "));
    });
    form.querySelectorAll("[aria-invalid]").forEach(function (element) { element.removeAttribute("aria-invalid"); });
    form.querySelectorAll(".calculator__answer").forEach(function (element) {
      element.classList.remove("calculator__answer");
    });
    Array.prototype.forEach.call(source.elements, function (control) {
      if (!control.name) return;
      var copy = form.elements.namedItem(control.name);
      copy.value = values && Object.prototype.hasOwnProperty.call(values, control.name)
        ? values[control.name] : control.value;
    });
    var error = block.querySelector("[data-scenario-error]");
    error.id = errorId + suffix;
    block.insertBefore(form, block.querySelector(".calculator__scenario-result"));
    list.appendChild(block);
    list.hidden = false;
    scenarioState.set(block, { timer: 0, latest: 0, stale: true, value: null });
    function edited() {
      var state = scenarioState.get(block);
      state.stale = true;
      block.querySelector("[data-scenario-result]").setAttribute("aria-busy", "true");
      clearTimeout(state.timer);
      state.timer = setTimeout(function () {
        state.timer = 0;
        if (!widget.isConnected || location.pathname !== widgetState.get(widget).path) return;
        mirrorToUrl(widget);
        computeScenario(widget, block);
      }, DEBOUNCE_MS);
    }
    form.addEventListener("input", edited);
    form.addEventListener("change", edited);
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    block.querySelector("[data-remove-scenario]").addEventListener("click", function () {
      block.remove();
      renumberScenarios(widget);
      mirrorToUrl(widget);
      part(widget, "add-scenario").focus();
    });
    renumberScenarios(widget);
    lock(widget, engine.state() === "failed");
    computeScenario(widget, block);
    return block;
  }

  function renumberScenarios(widget) {
    var blocks = scenarios(widget);
    blocks.forEach(function (block, index) {
      block.querySelector("[data-scenario-title]").textContent =
        text(widget, "scenario").replace("{n}", String(index + 2));
    });
    part(widget, "scenarios").hidden = !blocks.length;
    var add = part(widget, "add-scenario");
    if (add) add.disabled = blocks.length >= MAX_SCENARIOS - 1;
  }

  function computeScenario(widget, block) {
    var state = scenarioState.get(block);
    if (engine.state() === "failed") return;
    var id = ++state.latest;
    var output = block.querySelector("[data-scenario-result]");
    output.setAttribute("aria-busy", "true");
    engine.call(widget.getAttribute("data-calculator"), JSON.stringify(scenarioInputs(block)),
                widget.getAttribute("data-lang"))
      .then(function (reply) {
        if (id !== state.latest || !block.isConnected) return;
        state.stale = false;
        output.setAttribute("aria-busy", "false");
        var error = block.querySelector("[data-scenario-error]");
        var form = block.querySelector("form");
        Array.prototype.forEach.call(form.elements, function (control) {
          if (control.name) control.removeAttribute("aria-invalid");
        });
        if (reply.ok) {
          state.value = reply.value;
          output.setAttribute("data-value", String(reply.value));
          output.textContent = reply.formatted;
          error.hidden = true;
          error.textContent = "";
          scenarioMargin(widget, block, id);
        } else {
          state.value = null;
          output.setAttribute("data-value", "");
          output.textContent = "";
          error.textContent = reply.message;
          error.hidden = false;
          (reply.fields || []).forEach(function (name) {
            var control = form.elements.namedItem(name);
            if (control && control.name) {
              control.setAttribute("aria-invalid", "true");
              control.setAttribute("aria-describedby",
                                   (control.getAttribute("aria-describedby") || "") + " " + error.id);
            }
          });
        }
        block.querySelector(".calculator__scenario-result").hidden = !reply.ok;
        showDifference(widget, block);
      }, function () { /* the engine's state change repaints, and a restart recomputes */ });
  }

  // A survey scenario (NPS, CSAT) also gets its margin of error, so that the
  // difference can be weighed against the noise of both surveys.
  function scenarioMargin(widget, block, id) {
    var formula = widget.getAttribute("data-margin");
    var state = scenarioState.get(block);
    state.margin = null;
    if (!formula) return;
    engine.call(formula, JSON.stringify(scenarioInputs(block)), widget.getAttribute("data-lang"))
      .then(function (margin) {
        if (id !== state.latest || !block.isConnected) return;
        state.margin = margin.ok ? margin.value : null;
        showDifference(widget, block);
      }, function () {});
  }

  // The difference from the first set of inputs, once both are fresh.
  function showDifference(widget, block) {
    var state = scenarioState.get(block);
    var entry = widgetState.get(widget);
    var diff = block.querySelector("[data-scenario-diff]");
    var first = part(widget, "result").getAttribute("data-value");
    if (state.value === null || first === "" || entry.stale || entry.solveFor) {
      diff.textContent = "";
      return;
    }
    var delta = state.value - Number(first);
    var lang = widget.getAttribute("data-lang");
    var number = new Intl.NumberFormat(lang === "zh" ? "zh-CN" : "en-US",
                                       { maximumFractionDigits: 2, signDisplay: "exceptZero" }).format(delta);
    var unit = widget.getAttribute("data-unit") === "percent" ? " " + text(widget, "points") : "";
    var sentence = text(widget, "scenario-diff").replace("{diff}", number + unit);
    // Two independent surveys: the difference's margin is the root of the
    // sum of the squares of theirs (same confidence level).
    if (typeof entry.margin === "number" && typeof state.margin === "number") {
      var combined = Math.sqrt(entry.margin * entry.margin + state.margin * state.margin);
      var shown = new Intl.NumberFormat(lang === "zh" ? "zh-CN" : "en-US",
                                        { maximumFractionDigits: 1 }).format(combined) + unit;
      sentence += text(widget, Math.abs(delta) > combined ? "diff-signal" : "diff-noise").replace("{margin}", shown);
    }
    diff.textContent = sentence;
  }

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
    var entry = widgetState.get(widget);
    var target = part(widget, "target");
    if (entry.solveFor) {
      url.searchParams.set(start + "solve", entry.solveFor);
      url.searchParams.set(start + "target", target ? target.value : "");
    }
    scenarios(widget).forEach(function (block, index) {
      var more = scenarioInputs(block);
      Object.keys(more).forEach(function (name) {
        var control = form.elements.namedItem(name);
        if (control && control.hasAttribute && control.hasAttribute("data-local-only")) return;
        url.searchParams.set(start + "s" + (index + 2) + "." + name, more[name]);
      });
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
    var solveFor = "";
    var targetValue = null;
    var extra = {};                            // scenario number -> its inputs
    new URLSearchParams(location.search).forEach(function (value, key) {
      if (key.indexOf(start) !== 0) return;
      var name = key.slice(start.length);
      var more = /^s([23])\.(.+)$/.exec(name);
      if (more) {
        (extra[more[1]] = extra[more[1]] || {})[more[2]] = value;
        return;
      }
      if (name === "solve") { solveFor = value; return; }
      if (name === "target") { targetValue = value; return; }
      var control = form.elements.namedItem(name);
      if (control && control.name) {
        control.value = value;
        restored = true;
      }
    });
    if (solveFor && setSolveFor(widget, solveFor, targetValue)) restored = true;
    ["2", "3"].forEach(function (n) {
      if (extra[n] && addScenario(widget, extra[n])) restored = true;
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
      changed: false,             // edited, or restored from a link: no longer the example
      solveFor: "",               // the input worked out from a target, or "" for the result
      path: location.pathname,
      shownFor: "",               // the inputs the shown result was computed from
    };
    widgetState.set(widget, entry);
    var form = widget.querySelector("form");
    entry.shownFor = requestKey(widget);       // the build-time example matches its inputs
    var builtMargin = part(widget, "margin-value");
    entry.margin = builtMargin && builtMargin.hasAttribute("data-raw")
      ? parseFloat(builtMargin.getAttribute("data-raw")) : null;
    var solve = part(widget, "solve");
    if (solve) {
      solve.hidden = false;
      part(widget, "solve-for").addEventListener("change", function (event) {
        setSolveFor(widget, event.target.value, null);
        edited(widget);
      });
      part(widget, "target").addEventListener("input", function () { edited(widget); });
      part(widget, "target").addEventListener("keydown", function (event) {
        if (event.key === "Enter") schedule(widget, 0, true);
      });
    }

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
    var add = part(widget, "add-scenario");
    if (add) {
      add.addEventListener("click", function () {
        var block = addScenario(widget, null);
        if (block) {
          mirrorToUrl(widget);
          block.querySelector("[name]").focus();
        }
      });
    }
    part(widget, "retry").addEventListener("click", function () {
      engine.retry().catch(function () {});
    });
    if (restoreFromUrl(widget)) {
      entry.changed = true;
      entry.stale = requestKey(widget) !== entry.shownFor;
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
    if (engine.state() === "idle" && engine.warmStartLikely()) {
      engine.start().catch(function () {});     // a repeat visit: no download, start now
    } else if (engine.state() === "idle" && !slowConnection()) {
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
