// Benchmark: retention_from_accounts and solve under Pyodide in node. Not a test.
//
//   node benchmarks/engine_pyodide.mjs
//
// Loads the calculators source into Pyodide exactly as tests/pyodide does,
// builds the same tables as benchmarks/engine.py (its generator, run inside
// Pyodide, seed 7) and times browser.run on 1k, 10k and 100k rows (aim:
// 100k < 3 s), then solve() warm. Times are medians: wall clock, and the
// process's CPU time (process.cpuUsage), which is what the code costs when
// other work shares the machine.
import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { loadPyodide } from "pyodide";

const here = path.dirname(fileURLToPath(import.meta.url));
const packageDir = path.resolve(here, "../calculators");
const t0 = performance.now();
const pyodide = await loadPyodide({ stdout: (line) => process.stderr.write(line + "\n") });
pyodide.FS.mkdirTree("/home/pyodide/calculators");
for (const name of readdirSync(packageDir).filter((n) => n.endsWith(".py"))) {
  pyodide.FS.writeFile(`/home/pyodide/calculators/${name}`, readFileSync(path.join(packageDir, name), "utf8"));
}
pyodide.FS.writeFile("/home/pyodide/bench_engine.py", readFileSync(path.join(here, "engine.py"), "utf8"));
pyodide.runPython('import sys\nsys.path.insert(0, "/home/pyodide")');
const browser = pyodide.pyimport("calculators.browser");
const bench = pyodide.pyimport("bench_engine");
console.log(`Pyodide ${pyodide.runPython("import sys; sys.version.split()[0]")} loaded in ${Math.round(performance.now() - t0)} ms`);

const median = (xs) => xs.slice().sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const cpuMs = (since) => { const u = process.cpuUsage(since); return (u.user + u.system) / 1000; };
let hundred = 0;
for (const rows of [1000, 10000, 100000]) {
  const text = bench.table(rows);
  const inputs = JSON.stringify({ accounts: text });
  const times = [];
  const cpus = [];
  let reply;
  for (let i = 0; i < 3; i++) {
    const start = performance.now();
    const cpu = process.cpuUsage();
    reply = JSON.parse(browser.run("retention_from_accounts", inputs, "en"));
    times.push(performance.now() - start);
    cpus.push(cpuMs(cpu));
  }
  if (rows === 100000) hundred = median(cpus);
  const grr = reply.details.find((d) => d.name === "grr").value;
  console.log(`retention_from_accounts ${rows.toLocaleString("en")} rows: ${median(times).toFixed(1)} ms wall, ` +
              `${median(cpus).toFixed(1)} ms CPU  NRR ${reply.value.toFixed(2)}%, GRR ${grr.toFixed(2)}%`);
}
{
  const inputs = JSON.stringify({ scores: bench.scores(100000) });
  const times = [];
  const cpus = [];
  for (let i = 0; i < 3; i++) {
    const start = performance.now();
    const cpu = process.cpuUsage();
    browser.run("nps_from_scores", inputs, "en");
    times.push(performance.now() - start);
    cpus.push(cpuMs(cpu));
  }
  console.log(`nps_from_scores 100,000 answers: ${median(times).toFixed(1)} ms wall, ${median(cpus).toFixed(1)} ms CPU`);
}
const solves = [
  ["nrr", 110, "expansion_mrr", { start_mrr: 100000, contraction_mrr: 2000, churned_mrr: 3000 }],
  ["nps", 30, "promoters", { passives: 25, detractors: 15 }],
  ["csat_margin_of_error", 3, "total_responses", { satisfied_responses: 80 }],
  ["nps_margin_of_error", 5, "promoters", { passives: 100, detractors: 100 }],
];
for (const [formula, target, unknown, known] of solves) {
  const json = JSON.stringify(known);
  browser.solve(formula, target, unknown, json, "en");
  const times = [];
  const cpus = [];
  for (let i = 0; i < 20; i++) {
    const start = performance.now();
    const cpu = process.cpuUsage();
    browser.solve(formula, target, unknown, json, "en");
    times.push(performance.now() - start);
    cpus.push(cpuMs(cpu));
  }
  console.log(`solve ${formula} for ${unknown}: ${median(times).toFixed(2)} ms wall, ${median(cpus).toFixed(2)} ms CPU (warm median of 20)`);
}
console.log(`aim: 100k rows < 3 s in Pyodide: ${hundred < 3000 ? "yes" : "NO"} (${(hundred / 1000).toFixed(2)} s CPU)`);
bench.destroy();
browser.destroy();
