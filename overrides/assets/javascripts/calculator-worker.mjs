// The calculators' engine: Pyodide running the `calculators` package, in a
// module worker so Python never blocks the page. One worker serves every
// widget of a page and survives Material's instant navigation
// (calculator-engine.js creates it, and replaces it if it dies).
//
// Paths are relative to this file, never root-absolute, so the site also
// works under a sub-path: it lives at <root>/<lang>/assets/javascripts/,
// the runtime at <root>/pyodide/ and the package at <root>/py/calculators.zip.
//
// Messages in:  {id, formula, inputs, lang}   inputs is a JSON string
//               {id, formula, inputs, lang, solve: {target, unknown}}   solve for one input
// Messages out: {type: "stage", name}          start-up progress (resets the page's stall timer)
//               {type: "ready", timings} | {type: "failed", message}
//               (timings: ms since the worker started, for the benchmark)
//               {type: "result", id, reply}   reply is calculators.browser.run()'s JSON
//               {type: "result", id, error}   only if the engine itself broke
//
// Repeat visits start from a memory snapshot. Python's start-up (the
// interpreter, the standard library, our package, the warm-up call) costs
// about a second even when every file comes from the service worker's cache.
// So after a cold start the worker copies Pyodide's memory once, before any
// reader's input is in it, into Cache Storage; the next page restores that
// copy instead of starting Python again. Only when the page allows storage
// (?snapshot=1: offline copies on, not opted out; calculator-engine.js asks
// offline.js). The copy is keyed by Pyodide's version and the package's own
// hash, and Pyodide refuses one from another build of itself; a copy that
// does not fit or does not restore is dropped and the start is a cold one.

import { dropSnapshot, readSnapshot, snapshotKey, writeSnapshot } from "./calculator-snapshot.mjs";

const ROOT = new URL("../../../", import.meta.url);
const RUNTIME = new URL("pyodide/", ROOT);
const PACKAGE_DIR = "/home/pyodide/calculators-site";
const SNAPSHOTS_ALLOWED = new URL(import.meta.url).searchParams.get("snapshot") === "1"
  && typeof caches !== "undefined";
const SNAPSHOT_KEY_URL = new URL("pyodide/engine-snapshot", ROOT).href;   // a cache key, never fetched

// The runtime files loadPyodide fetches, and the type each must be served
// with. A missing file, or a .wasm served as anything but application/wasm,
// makes loadPyodide hang instead of failing; asking first turns that into a
// clear error within a round trip instead of a long "Loading…".
const RUNTIME_FILES = [
  ["pyodide.asm.wasm", /^application\/wasm/i],
  ["pyodide.asm.mjs", /javascript/i],
  ["python_stdlib.zip", null],
  ["pyodide-lock.json", null],
];

const timings = {};
const mark = (name) => {
  timings[name] = Math.round(performance.now());
  self.postMessage({ type: "stage", name });
};

// Rejects on a definite answer only (an HTTP error status, a wrong type). A
// network error or a refused HEAD (405, 501: some hosts, and a caching
// service worker, answer HEAD differently) proves nothing, so loading goes on.
async function check(name, type) {
  let response;
  try {
    response = await fetch(new URL(name, RUNTIME), { method: "HEAD" });
  } catch (error) {
    return;
  }
  if (response.status === 405 || response.status === 501) return;
  if (!response.ok) throw new Error(`pyodide/${name}: HTTP ${response.status}`);
  const served = response.headers.get("content-type") || "";
  if (type && served && !type.test(served)) {
    throw new Error(`pyodide/${name} is served as "${served}", which the browser cannot run`);
  }
}

async function start() {
  mark("start");
  const preflight = Promise.all(RUNTIME_FILES.map(([name, type]) => check(name, type)));
  // Fetch the package while the runtime boots; a missing one fails at once.
  const archive = fetch(new URL("py/calculators.zip", ROOT)).then((response) => {
    if (!response.ok) throw new Error(`py/calculators.zip: HTTP ${response.status}`);
    return response.arrayBuffer();
  });
  const early = Promise.all([preflight, archive]);
  early.catch(() => {});
  const runtime = import(new URL("pyodide.mjs", RUNTIME).href);
  const snapshot = SNAPSHOTS_ALLOWED
    ? storedSnapshot(Promise.all([archive, runtime.then((module) => module.version)]))
    : Promise.resolve(null);
  const { loadPyodide, version } = await runtime;
  mark("imported");
  // Its bytes (tens of MB from disk) are still being read: loadPyodide
  // awaits them only once its own files have loaded.
  const stored = await snapshot;
  let pyodide = null;
  if (stored) {
    try {
      [pyodide] = await Promise.all([loadPyodide({ ...OPTIONS, _loadSnapshot: stored.bytes }), early]);
      timings.from = "snapshot";
    } catch (error) {
      if (isMissingFile(error)) throw error;
      dropSnapshot(SNAPSHOT_KEY_URL);   // from another build, or damaged: start cold
    }
  }
  if (!pyodide) {
    // Whichever comes first: the runtime booted, or a file found missing.
    [pyodide] = await Promise.all([loadPyodide({ ...OPTIONS, _makeSnapshot: SNAPSHOTS_ALLOWED }), early]);
    timings.from = "cold";
  }
  mark("booted");
  // The package's files live in the file system, which a snapshot does not
  // hold; modules imported later (lazily) are read from there.
  pyodide.unpackArchive(await archive, "zip", { extractDir: PACKAGE_DIR });
  pyodide.runPython(`import sys\nif ${JSON.stringify(PACKAGE_DIR)} not in sys.path: sys.path.insert(0, ${JSON.stringify(PACKAGE_DIR)})`);
  const browser = pyodide.pyimport("calculators.browser");
  const run = browser.run;
  const solve = browser.solve;
  // calculators.charts.run: run's reply plus the picture's data (entry "chart").
  const chart = pyodide.pyimport("calculators.charts").run;
  mark("package");
  // Warm the code paths the first real request takes (parsing, steps, formatting).
  run("nrr", '{"start_mrr": 1, "expansion_mrr": 0, "contraction_mrr": 0, "churned_mrr": 0}', "zh");
  mark("warm");
  if (timings.from === "cold" && SNAPSHOTS_ALLOWED) keepSnapshot(pyodide, await archive, version);
  return { run, solve, chart };
}

const OPTIONS = { indexURL: RUNTIME.href, stdout: () => {}, stderr: () => {} };

function isMissingFile(error) {
  return /^pyodide\/|^py\/calculators\.zip/.test(String((error && error.message) || error));
}

// Never rejects: without a usable snapshot the start is simply a cold one.
async function storedSnapshot(archiveAndVersion) {
  try {
    const [bytes, version] = await archiveAndVersion;
    const key = await snapshotKey(bytes, version);
    return await readSnapshot(SNAPSHOT_KEY_URL, key, () => mark("snapshot-read"));
  } catch (error) {
    return null;
  }
}

// Copy the memory now, while it holds nothing of the reader's; store it
// without holding up the first result.
function keepSnapshot(pyodide, archiveBytes, version) {
  let memory;
  try {
    memory = pyodide.makeMemorySnapshot();
  } catch (error) {
    return;                            // a Pyodide that cannot: cold starts as before
  }
  timings.snapshotBytes = memory.length;
  snapshotKey(archiveBytes, version)
    .then((key) => writeSnapshot(SNAPSHOT_KEY_URL, key, memory))
    .then(() => self.postMessage({ type: "snapshot-stored" }), () => {});
}

const engine = start();
engine.then(
  () => self.postMessage({ type: "ready", timings }),
  (error) => self.postMessage({ type: "failed", message: String((error && error.message) || error) }),
);

self.addEventListener("message", async (event) => {
  const { id, formula, inputs, lang, solve, entry } = event.data || {};
  try {
    const python = await engine;
    const reply = solve
      ? python.solve(formula, String(solve.target), String(solve.unknown), inputs, lang)
      : entry === "chart" ? python.chart(formula, inputs, lang)
      : python.run(formula, inputs, lang);
    self.postMessage({ type: "result", id, reply });
  } catch (error) {
    self.postMessage({ type: "result", id, error: String((error && error.message) || error) });
  }
});
