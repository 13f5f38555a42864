/* Data input for the calculators that read a table or a column of answers
 * (sitegen/templates/calculator-data.html.j2). Loaded by calculators.js only
 * on pages that have one. A chosen file is read here, in the page, into the
 * widget's own text area; the worker parses it exactly like a paste and the
 * engine names any bad row and column. Nothing is uploaded: there is no
 * request, and the text area is never copied into the address.
 * Encodings: a UTF-16 byte-order mark (Excel's "Unicode text"), else UTF-8
 * (its byte-order mark dropped), else GB18030 (Excel's CSV on Chinese Windows). */
(function () {
  "use strict";
  if (window.csCalculatorData) return;
  var bound = new WeakSet();

  function decode(buffer) {
    var bytes = new Uint8Array(buffer);
    if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder("utf-16le").decode(bytes);
    if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder("utf-16be").decode(bytes);
    try {
      return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    } catch (error) {
      return new TextDecoder("gb18030").decode(bytes);
    }
  }

  function say(box, key, values) {
    var message = box.getAttribute("data-text-" + key) || "";
    Object.keys(values).forEach(function (name) { message = message.split("{" + name + "}").join(values[name]); });
    var status = box.querySelector("[data-file-status]");
    status.textContent = message;
    status.setAttribute("data-kind", key);
  }

  function rows(text) {
    return text.split(/\r\n|\r|\n/).filter(function (line) { return line.trim() !== ""; }).length;
  }

  function bind(box) {
    if (bound.has(box)) return;
    var widget = box.closest(".calculator");
    var area = widget && widget.querySelector('form [name="' + box.getAttribute("data-data-input") + '"]');
    var picker = box.querySelector("[data-file-picker]");
    if (!area || !picker) return;
    bound.add(box);
    box.querySelector("[data-file-row]").hidden = false;
    var limit = Number(box.getAttribute("data-max-mb")) || 32;
    picker.addEventListener("change", function () {
      var file = picker.files && picker.files[0];
      if (!file) return;
      if (file.size > limit * 1024 * 1024) {
        say(box, "too-big", { name: file.name });
        return;
      }
      file.arrayBuffer().then(function (buffer) {
        var text = decode(buffer);
        area.value = text;
        area.dispatchEvent(new Event("input", { bubbles: true }));   // calculators.js recomputes
        say(box, "read", { name: file.name, rows: rows(text).toLocaleString(widget.getAttribute("data-lang") === "zh" ? "zh-CN" : "en-US") });
      }, function () {
        say(box, "unreadable", { name: file.name });
      });
    });
  }

  function init() { document.querySelectorAll(".calculator [data-data-input]").forEach(bind); }

  window.csCalculatorData = { decode: decode };
  init();
  if (window.document$ && typeof window.document$.subscribe === "function") window.document$.subscribe(init);
})();
