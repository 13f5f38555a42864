// Build the site's standard library for Pyodide (run by sitegen/pyodide_stdlib.py):
//
//   node sitegen/pyodide_stdlib.mjs <python_stdlib.zip> <output.zip> <keep-list file>
//
// Two savings, both measured in Chromium:
//   - only the files the calculators need (the keep list) are shipped: the
//     zip is already compressed, so every module left out is bytes off the wire;
//   - each kept module becomes an unchecked hash-based .pyc in place of its .py,
//     compiled by Pyodide itself so the bytecode matches the browser's Python;
//     start-up no longer compiles some 200 modules.
// Files that are not Python (data files) are kept when their folder is.
// The zip is written uncompressed: the build precompresses it for the wire,
// and brotli over the whole archive beats deflate file by file (about 1.1 MB
// against 1.6 MB for Pyodide 314's trimmed library).
import { readFileSync, writeFileSync } from "node:fs";
import { loadPyodide } from "../node_modules/pyodide/pyodide.mjs";

const [source, target, keepList] = process.argv.slice(2);
const pyodide = await loadPyodide({ stdout: (line) => process.stderr.write(line + "\n") });
pyodide.FS.writeFile("/tmp/in.zip", readFileSync(source));
pyodide.FS.writeFile("/tmp/keep.txt", readFileSync(keepList));
const summary = pyodide.runPython(`
import importlib._bootstrap_external as _external
import importlib.util
import posixpath
import zipfile

STDLIB = "/lib/python314.zip/"
keep = {line.strip() for line in open("/tmp/keep.txt", encoding="utf-8")
        if line.strip() and not line.startswith("#")}
folders = {posixpath.dirname(name) for name in keep}

kept = compiled = 0
with zipfile.ZipFile("/tmp/in.zip") as src, \\
        zipfile.ZipFile("/tmp/out.zip", "w", zipfile.ZIP_STORED) as out:
    for info in src.infolist():
        name = info.filename
        if name.endswith(".py"):
            if name not in keep:
                continue
            data = src.read(info)
            try:
                code = compile(data, STDLIB + name, "exec", dont_inherit=True)
            except SyntaxError:          # keep the source as shipped
                out.writestr(name, data)
            else:
                pyc = _external._code_to_hash_pyc(code, importlib.util.source_hash(data), checked=False)
                out.writestr(name + "c", bytes(pyc))
                compiled += 1
            kept += 1
        elif (name.rstrip("/") in folders) if name.endswith("/") else (posixpath.dirname(name) in folders):
            out.writestr(info, src.read(info))
missing = sorted(keep - {i.filename for i in zipfile.ZipFile("/tmp/in.zip").infolist()})
f"{kept} {compiled} {len(missing)}"
`);
writeFileSync(target, pyodide.FS.readFile("/tmp/out.zip"));
process.stdout.write(`${summary}\n`);
