/* The calculators' pictures (sitegen/templates/calculator-figures.html.j2):
 * SVG built with createElementNS from data the Python engine computed
 * (calculators/charts.py), never from numbers worked out here. Loaded by
 * calculators.js only on pages that have a chart.
 *   waterfall  NRR, GRR, account table: start, +expansion, -contraction,
 *              -churn, end, as floating horizontal bars (a phone-width row
 *              each, label above the bar);
 *   line       LTV against monthly churn, the reader's point marked;
 *   scale      NPS on -100..100, the result marked, with its margin of error.
 * The SVG is aria-hidden: the figure's table holds every figure it shows and
 * is what assistive technology reads; this script refills it from each live
 * result. Colours come from CSS classes (calculator-extras.css), with light
 * and dark values. No inline code, no innerHTML, no eval. */
(function () {
  "use strict";
  if (window.csCalculatorCharts) return;
  var NS = "http://www.w3.org/2000/svg";
  var scriptUrl = document.currentScript ? document.currentScript.src : location.href;
  var CSS_URL = new URL("../stylesheets/calculator-extras.css", scriptUrl).href;
  var data = new WeakMap();                  // figure -> the chart it shows

  function units() { return window.csCalculatorUnits; }
  function money(text) { return units() ? units().money(text) : text; }

  // Widths are measured, so draw again once the stylesheet has laid the figure out.
  function stylesheet() {
    if (document.getElementById("calculator-extras-css")) return;
    var link = document.createElement("link");
    link.addEventListener("load", function () { redrawAll(); });
    link.id = "calculator-extras-css";
    link.rel = "stylesheet";
    link.href = CSS_URL;
    document.head.appendChild(link);
  }

  function svg(name, attrs, parent) {
    var node = document.createElementNS(NS, name);
    Object.keys(attrs || {}).forEach(function (key) { node.setAttribute(key, String(attrs[key])); });
    if (parent) parent.appendChild(node);
    return node;
  }

  function label(parent, x, y, content, cls, anchor) {
    var node = svg("text", { x: x, y: y, "class": cls || "calc-chart__text", "text-anchor": anchor || "start" }, parent);
    node.textContent = content;
    return node;
  }

  function sign(bar) { return bar.step === "up" ? "+" : bar.step === "down" ? "−" : ""; }

  // -- the three kinds ------------------------------------------------------------

  function waterfall(root, chart, width) {
    var rowHeight = 46, top = 4;
    var notes = chart.notes || [];
    var height = top + rowHeight * chart.bars.length + (notes.length ? 24 : 0);
    root.setAttribute("viewBox", "0 0 " + width + " " + height);
    root.setAttribute("height", height);
    var level = 0, spans = [];
    chart.bars.forEach(function (bar) {
      var from, to;
      if (bar.step === "start" || bar.step === "end") { from = 0; to = bar.value; level = bar.value; }
      else if (bar.step === "up") { from = level; to = level + bar.value; level = to; }
      else { from = level - bar.value; to = level; level = from; }
      spans.push([Math.min(from, to), Math.max(from, to)]);
    });
    var most = Math.max.apply(null, spans.map(function (s) { return s[1]; }).concat([1]));
    var valueRoom = 96, plot = Math.max(40, width - valueRoom);
    var x = function (v) { return Math.max(0, v) / most * plot; };
    chart.bars.forEach(function (bar, i) {
      var y = top + i * rowHeight;
      var span = spans[i];
      var group = svg("g", { "class": "calc-chart__bar calc-chart__bar--" + bar.step,
                             "data-bar": bar.name, "data-value": String(bar.value) }, root);
      label(group, 0, y + 13, bar.label);
      var left = x(span[0]), w = Math.max(x(span[1]) - left, bar.value ? 2 : 0);
      svg("rect", { x: left, y: y + 20, width: w, height: 16, rx: 2, "class": "calc-chart__rect" }, group);
      label(group, left + w + 6, y + 33, sign(bar) + money(bar.formatted), "calc-chart__value");
      if (i === chart.bars.length - 1 && notes.length) {   // NRR and GRR of an account table
        label(root, 0, y + rowHeight + 16, notes.map(function (n) { return n.label + " " + n.formatted; }).join(" · "),
              "calc-chart__value");
      }
      if (i > 0) {                                    // the connector from the level before
        var at = x(bar.step === "down" ? span[1] : bar.step === "up" ? span[0] : span[1]);
        svg("line", { x1: at, x2: at, y1: y + 36 - rowHeight, y2: y + 20, "class": "calc-chart__link" }, root);
      }
    });
  }

  function line(root, chart, width) {
    var height = 220, left = 8, right = 12, top = 26, bottom = 40;
    root.setAttribute("viewBox", "0 0 " + width + " " + height);
    root.setAttribute("height", height);
    var points = chart.points;
    var xs = points.map(function (p) { return p.x; }), ys = points.map(function (p) { return p.y; });
    var x0 = Math.min.apply(null, xs), x1 = Math.max.apply(null, xs);
    var yMax = Math.max.apply(null, ys.concat([chart.current.value, 1]));
    var yMin = Math.min(0, Math.min.apply(null, ys));
    var X = function (v) { return left + (v - x0) / ((x1 - x0) || 1) * (width - left - right); };
    var Y = function (v) { return top + (yMax - v) / ((yMax - yMin) || 1) * (height - top - bottom); };
    svg("line", { x1: left, x2: width - right, y1: Y(yMin), y2: Y(yMin), "class": "calc-chart__axis" }, root);
    var path = points.map(function (p, i) { return (i ? "L" : "M") + X(p.x).toFixed(1) + " " + Y(p.y).toFixed(1); }).join(" ");
    svg("path", { d: path, "class": "calc-chart__line" }, root);
    // x ticks: the table's rows, so the picture and the table name the same points.
    var rows = chart.rows || [];
    points.filter(function (p) { return [0.5, 1, 1.5, 2, 3].indexOf(p.factor) >= 0; }).forEach(function (p, i) {
      if (!rows[i]) return;
      svg("line", { x1: X(p.x), x2: X(p.x), y1: Y(yMin), y2: Y(yMin) + 5, "class": "calc-chart__axis" }, root);
      label(root, X(p.x), Y(yMin) + 18, rows[i].x_formatted, "calc-chart__tick",
            i === rows.length - 1 && X(p.x) > width - 30 ? "end" : "middle");
    });
    label(root, width - right, height - 4, chart.x_label, "calc-chart__tick", "end");
    var cx = X(chart.current.x), cy = Y(chart.current.value);
    svg("line", { x1: cx, x2: cx, y1: cy, y2: Y(yMin), "class": "calc-chart__guide" }, root);
    var mark = svg("g", { "class": "calc-chart__current", "data-current": "", "data-value": String(chart.current.value) }, root);
    svg("circle", { cx: cx, cy: cy, r: 5, "class": "calc-chart__dot" }, mark);
    var text = (chart.current.caption || "{y} ({x})").split("{y}").join(money(chart.current.formatted))
      .split("{x}").join(chart.current.x_formatted);
    // Above and to the right of the point: the falling line leaves that corner empty.
    var right = cx < width * 0.6;
    label(mark, right ? cx + 10 : cx - 10, Math.max(cy - 12, 14), text, "calc-chart__value", right ? "start" : "end");
    label(root, left, 14, chart.y_label, "calc-chart__tick");
  }

  function scale(root, chart, width) {
    var height = 78, pad = 16, mid = 44;
    root.setAttribute("viewBox", "0 0 " + width + " " + height);
    root.setAttribute("height", height);
    var X = function (v) { return pad + (v - chart.min) / (chart.max - chart.min) * (width - 2 * pad); };
    svg("rect", { x: X(chart.min), y: mid - 4, width: X(0) - X(chart.min), height: 8, "class": "calc-chart__zone calc-chart__zone--low" }, root);
    svg("rect", { x: X(0), y: mid - 4, width: X(chart.max) - X(0), height: 8, "class": "calc-chart__zone calc-chart__zone--high" }, root);
    if (chart.range) {
      svg("rect", { x: X(chart.range.low), y: mid - 9, width: Math.max(X(chart.range.high) - X(chart.range.low), 1), height: 18,
                    "class": "calc-chart__range", "data-range": "" }, root);
    }
    [-100, -50, 0, 50, 100].forEach(function (v) {
      svg("line", { x1: X(v), x2: X(v), y1: mid + 6, y2: mid + 12, "class": "calc-chart__axis" }, root);
      label(root, X(v), mid + 26, v < 0 ? "−" + -v : String(v), "calc-chart__tick",
            v === -100 ? "start" : v === 100 ? "end" : "middle");
    });
    var v = Math.max(chart.min, Math.min(chart.max, chart.mark.value));
    var mark = svg("g", { "class": "calc-chart__current", "data-mark": "", "data-value": String(chart.mark.value) }, root);
    svg("path", { d: "M" + X(v) + " " + (mid - 6) + " l-6 -10 h12 z", "class": "calc-chart__dot" }, mark);
    label(mark, Math.min(Math.max(X(v), 20), width - 20), mid - 20, "NPS " + chart.mark.formatted, "calc-chart__value", "middle");
  }

  var KINDS = { waterfall: waterfall, line: line, scale: scale };

  // -- the table equivalent ------------------------------------------------------------

  function row(cells, attrs) {
    var tr = document.createElement("tr");
    Object.keys(attrs || {}).forEach(function (key) { tr.setAttribute(key, attrs[key]); });
    cells.forEach(function (cell) {
      var td = document.createElement("td");
      td.textContent = cell;
      tr.appendChild(td);
    });
    return tr;
  }

  function table(figure, chart) {
    var body = figure.querySelector("[data-chart-table] tbody");
    if (!body) return;
    var rows = [];
    if (chart.kind === "waterfall") {
      rows = chart.bars.map(function (bar) {
        return row([bar.label, sign(bar) + money(bar.formatted)], { "data-bar-row": bar.name, "data-value": String(bar.value) });
      });
      (chart.notes || []).forEach(function (note) {
        rows.push(row([note.label, note.formatted], { "data-chart-note": note.name, "data-value": String(note.value) }));
      });
    } else if (chart.kind === "line") {
      rows = chart.rows.map(function (r) {
        return row([r.x_formatted + (r.current ? " (" + chart.current.label + ")" : ""), money(r.y_formatted)],
                   r.current ? { "data-current": "" } : {});
      });
    } else {
      rows.push(row(["NPS", chart.mark.formatted], { "data-mark": "", "data-value": String(chart.mark.value) }));
      if (chart.range) rows.push(row([chart.range.label, chart.range.formatted], { "data-range": "" }));
      chart.ends.forEach(function (end) { rows.push(row([end, ""])); });
    }
    body.replaceChildren.apply(body, rows);
  }

  // -- drawing ---------------------------------------------------------------------------

  function draw(figure, chart) {
    data.set(figure, chart);
    var canvas = figure.querySelector("[data-chart-canvas]");
    var width = Math.round(canvas.clientWidth || figure.clientWidth || 320);
    var root = svg("svg", { "class": "calc-chart calc-chart--" + chart.kind, width: width, focusable: "false" });
    KINDS[chart.kind](root, chart, width);
    canvas.replaceChildren(root);
    var title = figure.querySelector("[data-chart-title]");
    if (title) title.textContent = chart.title;
    table(figure, chart);
    figure.classList.add("calculator__chart--drawn");
    figure.hidden = false;
  }

  function redrawAll() {
    document.querySelectorAll(".calculator [data-chart]").forEach(function (figure) {
      var chart = data.get(figure);
      if (chart && figure.isConnected) draw(figure, chart);
    });
  }

  function init() {
    document.querySelectorAll(".calculator [data-chart]").forEach(function (figure) {
      if (data.has(figure)) return;
      try { draw(figure, JSON.parse(figure.getAttribute("data-chart-data"))); } catch (error) { /* the table stays */ }
    });
  }

  // Each live result: its own picture, or none beside an error.
  document.addEventListener("calculator:result", function (event) {
    var figure = event.target.querySelector && event.target.querySelector("[data-chart]");
    if (!figure) return;
    var reply = event.detail && event.detail.reply;
    if (reply && reply.ok && reply.chart) draw(figure, reply.chart);
    else figure.hidden = true;
  });
  document.addEventListener("calculator:currency", redrawAll);
  var resizeTimer = 0;
  window.addEventListener("resize", function () {
    clearTimeout(resizeTimer);
    resizeTimer = setTimeout(redrawAll, 150);
  });

  window.csCalculatorCharts = { redraw: redrawAll };
  stylesheet();
  init();
  if (window.document$ && typeof window.document$.subscribe === "function") window.document$.subscribe(init);
})();
