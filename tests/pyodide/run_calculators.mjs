// Run calculator cases through calculators.browser.run inside Pyodide (node).
//
// stdin:  {"cases": [{"formula": "nrr", "inputs_json": "{...}", "lang": "en"}, ...],
//          "solves": [{"formula": "nrr", "target": 110, "unknown": "expansion_mrr", "inputs_json": "{...}", "lang": "en"}, ...]}
// stdout: one JSON line
//         {"python": "<sys.version>", "results": ["<run() output>", ...],
//          "solve_results": ["<solve() output>", ...], "describe": "<describe() output>",
//          "modules": ["json/__init__.py", ...]}   standard-library files Python loaded
//
// The package source is copied from ../../calculators (or $CALCULATORS_DIR) into
// Pyodide's filesystem, exactly as the Web Worker would load it, so this checks
// the code the browser runs, not an installed copy.
import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { loadPyodide } from "pyodide";

const here = path.dirname(fileURLToPath(import.meta.url));
const packageDir = process.env.CALCULATORS_DIR ?? path.resolve(here, "../../calculators");
const target = "/home/pyodide/calculators";

const request = JSON.parse(readFileSync(0, "utf8"));
// Anything Python prints must not corrupt the JSON on stdout.
// $PYODIDE_STDLIB: a standard-library zip of our own (the site's trimmed one)
// instead of the one the npm package ships; $CALCULATORS_ZIP: the site's
// calculators.zip, unpacked as the browser's worker unpacks it.
const pyodide = await loadPyodide({
  stdout: (line) => process.stderr.write(line + "\n"),
  ...(process.env.PYODIDE_STDLIB ? { stdLibURL: process.env.PYODIDE_STDLIB } : {}),
});

if (process.env.CALCULATORS_ZIP) {
  // The built site's package, unpacked exactly as calculator-worker.mjs does.
  pyodide.unpackArchive(new Uint8Array(readFileSync(process.env.CALCULATORS_ZIP)), "zip", { extractDir: "/home/pyodide" });
} else {
  pyodide.FS.mkdirTree(target);
  for (const name of readdirSync(packageDir).filter((n) => n.endsWith(".py")).sort()) {
    pyodide.FS.writeFile(`${target}/${name}`, readFileSync(path.join(packageDir, name), "utf8"));
  }
}
pyodide.runPython('import sys\nif "/home/pyodide" not in sys.path:\n    sys.path.insert(0, "/home/pyodide")');

const browser = pyodide.pyimport("calculators.browser");
const results = request.cases.map((c) => browser.run(c.formula, c.inputs_json, c.lang));
const solveResults = (request.solves ?? []).map((c) => browser.solve(c.formula, c.target, c.unknown, c.inputs_json, c.lang));
const describe = browser.describe();
const python = pyodide.runPython("import sys; sys.version");
// Every standard-library file loaded by start-up and by all the cases above:
// what the site's trimmed python_stdlib.zip must hold (sitegen/pyodide_stdlib.py).
const modules = pyodide.runPython(`
import sys
STDLIB = "/lib/python314.zip/"
sorted({m.__file__[len(STDLIB):] for m in list(sys.modules.values())
        if (getattr(m, "__file__", None) or "").startswith(STDLIB)})
`).toJs();
browser.destroy();

process.stdout.write(JSON.stringify({ python, results, solve_results: solveResults, describe, modules }) + "\n");
