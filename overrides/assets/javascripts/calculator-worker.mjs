// The calculators' engine: Pyodide running the `calculators` package, in a
// module worker so Python never blocks the page. One worker serves every
// widget of a page and survives Material's instant navigation
// (calculators.js creates it once).
//
// Paths are relative to this file, never root-absolute, so the site also
// works under a sub-path: it lives at <root>/<lang>/assets/javascripts/,
// the runtime at <root>/pyodide/ and the package at <root>/py/calculators.zip.
//
// Messages in:  {id, formula, inputs, lang}   inputs is a JSON string
// Messages out: {type: "ready", timings} | {type: "failed", message}
//               (timings: ms since the worker started, for the benchmark)
//               {type: "result", id, reply}   reply is calculators.browser.run()'s JSON
//               {type: "result", id, error}   only if the engine itself broke

const ROOT = new URL("../../../", import.meta.url);
const PACKAGE_DIR = "/home/pyodide/calculators-site";

const timings = {};
const mark = (name) => { timings[name] = Math.round(performance.now()); };

async function start() {
  mark("start");
  // Fetch the package while the runtime boots.
  const archive = fetch(new URL("py/calculators.zip", ROOT)).then((response) => {
    if (!response.ok) throw new Error(`calculators.zip: HTTP ${response.status}`);
    return response.arrayBuffer();
  });
  archive.catch(() => {});   // reported below, once the runtime has loaded
  const { loadPyodide } = await import(new URL("pyodide/pyodide.mjs", ROOT).href);
  mark("imported");
  const pyodide = await loadPyodide({
    indexURL: new URL("pyodide/", ROOT).href,
    stdout: () => {},
    stderr: () => {},
  });
  mark("booted");
  pyodide.unpackArchive(await archive, "zip", { extractDir: PACKAGE_DIR });
  pyodide.runPython(`import sys\nsys.path.insert(0, ${JSON.stringify(PACKAGE_DIR)})`);
  const browser = pyodide.pyimport("calculators.browser");
  const run = browser.run;
  mark("package");
  // Warm the code paths the first real request takes (parsing, steps, formatting).
  run("nrr", '{"start_mrr": 1, "expansion_mrr": 0, "contraction_mrr": 0, "churned_mrr": 0}', "zh");
  mark("warm");
  return run;
}

const engine = start();
engine.then(
  () => self.postMessage({ type: "ready", timings }),
  (error) => self.postMessage({ type: "failed", message: String((error && error.message) || error) }),
);

self.addEventListener("message", async (event) => {
  const { id, formula, inputs, lang } = event.data || {};
  try {
    const run = await engine;
    self.postMessage({ type: "result", id, reply: run(formula, inputs, lang) });
  } catch (error) {
    self.postMessage({ type: "result", id, error: String((error && error.message) || error) });
  }
});
