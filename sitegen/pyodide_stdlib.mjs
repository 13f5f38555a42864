// Precompile Pyodide's standard library to bytecode (run by sitegen/pyodide_stdlib.py).
//
//   node sitegen/pyodide_stdlib.mjs <python_stdlib.zip> <output.zip> <calculators dir>
//
// Pyodide ships the standard library as .py source, so every page that starts
// the calculators compiles some 200 modules before Python is ready: about two
// thirds of a cold start in Chromium. Pyodide itself compiles them here, so the
// bytecode matches the browser's Python exactly. Only the modules Python loads
// at start-up and the calculators import are compiled (bytecode is bigger than
// source); each becomes an unchecked hash-based .pyc in place of its .py, and
// every other module stays source, imported as before.
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { loadPyodide } from "../node_modules/pyodide/pyodide.mjs";

const [source, target, calculators] = process.argv.slice(2);
const pyodide = await loadPyodide({ stdout: (line) => process.stderr.write(line + "\n") });
pyodide.FS.writeFile("/tmp/in.zip", readFileSync(source));
// Import the calculators as the worker does, to learn which modules they need.
pyodide.FS.mkdirTree("/tmp/pkg/calculators");
for (const name of readdirSync(calculators).filter((n) => n.endsWith(".py"))) {
  pyodide.FS.writeFile(`/tmp/pkg/calculators/${name}`, readFileSync(path.join(calculators, name)));
}
const compiled = pyodide.runPython(`
import sys
sys.path.insert(0, "/tmp/pkg")
import calculators.browser

import importlib._bootstrap_external as _external
import importlib.util
import zipfile

STDLIB = "/lib/python314.zip/"
needed = {module.__file__[len(STDLIB):] for module in list(sys.modules.values())
          if (getattr(module, "__file__", None) or "").startswith(STDLIB)}

count = 0
with zipfile.ZipFile("/tmp/in.zip") as src, \\
        zipfile.ZipFile("/tmp/out.zip", "w", zipfile.ZIP_DEFLATED, compresslevel=9) as out:
    for info in src.infolist():
        data = src.read(info)
        if info.filename in needed:
            try:
                code = compile(data, STDLIB + info.filename, "exec", dont_inherit=True)
            except SyntaxError:          # e.g. test data; keep the source as shipped
                out.writestr(info.filename, data)
                continue
            pyc = _external._code_to_hash_pyc(code, importlib.util.source_hash(data), checked=False)
            out.writestr(info.filename + "c", bytes(pyc))
            count += 1
        else:
            out.writestr(info.filename, data)
count
`);
writeFileSync(target, pyodide.FS.readFile("/tmp/out.zip"));
process.stdout.write(`${compiled}\n`);
