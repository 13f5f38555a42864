"""Benchmark: the calculators engine under CPython, and a fuzz run. Not a test.

    .venv/bin/python benchmarks/engine.py              # everything
    .venv/bin/python benchmarks/engine.py --calls 50000 --seed 1

- fuzz: --calls hostile compute() calls spread over every formula: nested,
  5,000-deep, huge (10**6 items, 1 MB strings, 4,000-digit ints) and
  Unicode-odd values (superscripts, circled and Arabic-Indic digits,
  zero-width and no-break spaces). Each must end in a finite float or an
  InputError within 50 ms; prints the counts, the max and p99 time (wall
  and CPU), and every call that broke the rule. A call over 50 ms of wall
  time is re-run and judged on its CPU time, since on a shared machine wall
  time also measures the wait for a core.
- fuzz solve: --calls / 5 hostile solve() calls (odd targets and unknowns,
  hostile known values), held to the same rule.
- solve: warm median latency of solve() over the contract's solve examples
  and a margin-of-error search (aim <= 30 ms, in the browser too).
- retention_from_accounts at 1k, 10k and 100k rows (aim: 100k < 1 s).

The same tables under Pyodide in node: node benchmarks/engine_pyodide.mjs (same generator, seed 7).
"""
from __future__ import annotations

import argparse
import math
import random
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from calculators import FORMULAS, InputError, compute, solve  # noqa: E402

LIMIT_S = 0.050


def _nest(depth, leaf):
    for _ in range(depth):
        leaf = [leaf]
    return leaf


def _deep_dict(depth):
    value = {"a": 1}
    for _ in range(depth):
        value = {"a": value}
    return value


ODD_TEXT = ["10²", "2⁵", "①②", "½", "١٢", "۳۴", "𝟙𝟚", "Ⅻ", "1e-400", "1e400", "1e999999999", "1 234",
            "1\u00a0234", "\u200b12", "\ufeff12", "12\u0301", "12\x00", "－５", "１２，０００", "1,2", "nan", "-∞",
            "1_000", "0x10", "٣.٥", "12%", "¥", "元", "2026-02-30", "2026-1²-01", "季度", "weekly", ""]
HUGE = [[1] * 10**6, [[1] * 10**6] * 100, "1" * 10**6, "x" * 10**6, "1,\n" * 300_000, "9\n" * 100_001,
        dict.fromkeys(range(10**5), 1), 10**4000, -(10**4000), _nest(5000, 1), _nest(5000, "x"),
        [_deep_dict(3000)], _deep_dict(3000), ["1"] * 100_001, "account,start_mrr,end_mrr\n" + "a,1,1\n" * 200_001]
NUMBERS = [0, 1, -1, 0.5, 1e308, -1e308, 5e-324, 1e-300, 10**15, 10**15 + 1, 100, 101, float("nan"), float("inf"),
           True, None]


def hostile_value(rng: random.Random):
    roll = rng.random()
    if roll < 0.25:
        return rng.choice(ODD_TEXT)
    if roll < 0.35:
        return rng.choice(HUGE)
    if roll < 0.55:
        return rng.choice(NUMBERS)
    if roll < 0.70:
        return [rng.choice(ODD_TEXT + NUMBERS) for _ in range(rng.randint(0, 6))]
    if roll < 0.80:
        return _nest(rng.randint(2, 50), rng.choice(ODD_TEXT + NUMBERS))
    if roll < 0.90:
        return "\n".join(rng.choice(ODD_TEXT) for _ in range(rng.randint(1, 8)))
    return "".join(chr(rng.randint(0, 0x2FFFF)) for _ in range(rng.randint(0, 12)))


def plausible(formula):
    return dict(formula.prefill)


def fuzz(calls: int, seed: int) -> bool:
    rng = random.Random(seed)
    formulas = list(FORMULAS.values())
    times: list[float] = []
    cpu_times: list[float] = []
    counts = {"finite": 0, "input_error": 0}
    broken: list[str] = []
    for index in range(calls):
        formula = formulas[index % len(formulas)]
        inputs = plausible(formula)
        for name in rng.sample(formula.input_names, rng.randint(1, len(formula.input_names))):
            inputs[name] = hostile_value(rng)
        if rng.random() < 0.03:
            inputs[rng.choice(["bogus", "x", "start_mrr"])] = hostile_value(rng)
        start, cpu = time.perf_counter(), time.process_time()
        try:
            result = compute(formula.id, **inputs)
            ok = type(result.value) is float and math.isfinite(result.value)
            counts["finite" if ok else "other"] = counts.get("finite" if ok else "other", 0) + 1
            if not ok:
                broken.append(f"{formula.id}: non-finite {result.value!r}")
        except InputError:
            counts["input_error"] += 1
        except BaseException as error:  # noqa: BLE001 - this is what the fuzz looks for
            counts["escaped"] = counts.get("escaped", 0) + 1
            broken.append(f"{formula.id}: {type(error).__name__}: {str(error)[:80]}")
        elapsed = time.perf_counter() - start
        times.append(elapsed)
        cpu_times.append(time.process_time() - cpu)
        if elapsed > LIMIT_S:
            # Re-run once: a shared machine can stall any single call.
            # Judged on CPU time: with a load average of 25 on two cores, wall time
            # measures the queue, not the code.
            start = time.process_time()
            try:
                compute(formula.id, **inputs)
            except BaseException:  # noqa: BLE001
                pass
            again = time.process_time() - start
            if again > LIMIT_S:
                counts["slow"] = counts.get("slow", 0) + 1
                broken.append(f"{formula.id}: {again * 1000:.0f} ms (and {elapsed * 1000:.0f} ms)")
    times.sort()
    p99 = times[int(0.99 * (len(times) - 1))]
    print(f"fuzz: {calls:,} hostile calls over {len(formulas)} formulas (seed {seed})")
    print(f"  finite results {counts['finite']:,}, InputErrors {counts['input_error']:,}, "
          f"other exceptions {counts.get('escaped', 0)}, non-finite {counts.get('other', 0)}, "
          f"over 50 ms on re-run {counts.get('slow', 0)}")
    print(f"  wall time per call: median {statistics.median(times) * 1e3:.3f} ms, p99 {p99 * 1e3:.3f} ms, "
          f"max {times[-1] * 1e3:.2f} ms (first run, before any re-run)")
    cpu_times.sort()
    print(f"  CPU time per call: p99 {cpu_times[int(0.99 * (len(cpu_times) - 1))] * 1e3:.3f} ms, "
          f"max {cpu_times[-1] * 1e3:.2f} ms")
    for line in broken[:20]:
        print("  BROKEN", line)
    return not broken


def fuzz_solve(calls: int, seed: int) -> bool:
    """Hostile solve() calls: odd targets, odd unknowns, hostile known values."""
    rng = random.Random(seed + 1)
    formulas = list(FORMULAS.values())
    times: list[float] = []
    counts = {"answer": 0, "input_error": 0}
    broken: list[str] = []
    for index in range(calls):
        formula = formulas[index % len(formulas)]
        unknown = rng.choice([*formula.input_names, "bogus", 5, None])
        known = {k: v for k, v in plausible(formula).items() if k != unknown}
        if rng.random() < 0.5 and known:
            known[rng.choice(list(known))] = hostile_value(rng)
        target = hostile_value(rng) if rng.random() < 0.4 else rng.uniform(-200, 2e5)
        start = time.perf_counter()
        try:
            result = solve(formula.id, target, unknown, **known)
            if not (type(result.value) is float and math.isfinite(result.value)):
                broken.append(f"solve {formula.id}.{unknown}: non-finite {result.value!r}")
            counts["answer"] += 1
        except InputError:
            counts["input_error"] += 1
        except BaseException as error:  # noqa: BLE001 - this is what the fuzz looks for
            broken.append(f"solve {formula.id}.{unknown}: {type(error).__name__}: {str(error)[:80]}")
        elapsed = time.perf_counter() - start
        times.append(elapsed)
        if elapsed > LIMIT_S:
            start = time.process_time()
            try:
                solve(formula.id, target, unknown, **known)
            except BaseException:  # noqa: BLE001
                pass
            if time.process_time() - start > LIMIT_S:
                broken.append(f"solve {formula.id}.{unknown}: {elapsed * 1000:.0f} ms")
    times.sort()
    print(f"fuzz solve: {calls:,} hostile calls: answers {counts['answer']:,}, InputErrors "
          f"{counts['input_error']:,}, other exceptions or slow calls {len(broken)}; "
          f"p99 {times[int(0.99 * (len(times) - 1))] * 1e3:.3f} ms, max {times[-1] * 1e3:.2f} ms")
    for line in broken[:20]:
        print("  BROKEN", line)
    return not broken


def bench_solve(repeats: int) -> None:
    cases = [
        ("nrr", 110, "expansion_mrr", {"start_mrr": 100000, "contraction_mrr": 2000, "churned_mrr": 3000}),
        ("customer_churn_rate", 5, "lost_customers", {"start_customers": 500}),
        ("ltv_cac_ratio", 3, "cac", {"ltv": 12000}),
        ("nps", 30, "promoters", {"passives": 25, "detractors": 15}),
        ("nps", 30, "detractors", {"promoters": 60, "passives": 25}),
        ("csat_margin_of_error", 3, "total_responses", {"satisfied_responses": 80}),
        ("nps_margin_of_error", 5, "promoters", {"passives": 100, "detractors": 100}),
    ]
    print("solve (warm, median of %d):" % repeats)
    for fid, target, unknown, known in cases:
        solve(fid, target, unknown, **known)
        samples = []
        for _ in range(repeats):
            start = time.perf_counter()
            solve(fid, target, unknown, **known)
            samples.append(time.perf_counter() - start)
        print(f"  {fid:<22} for {unknown:<18} {statistics.median(samples) * 1e3:7.3f} ms")


def table(rows: int, seed: int = 7) -> str:
    rng = random.Random(seed)
    lines = ["account,start_mrr,end_mrr"]
    for i in range(rows):
        start = rng.choice([0, rng.randint(100, 50_000)])
        end = rng.choice([0, start, int(start * rng.uniform(0.5, 1.6)), rng.randint(100, 9000)])
        lines.append(f"acct-{i:06d},{start}.{rng.randint(0, 99):02d},{end}")
    return "\n".join(lines) + "\n"


def bench_accounts() -> float:
    """Wall and CPU time; on a shared machine the CPU time is the one that says what the code costs."""
    print("retention_from_accounts (median of 3; wall / CPU):")
    worst = 0.0
    for rows in (1_000, 10_000, 100_000):
        text = table(rows)
        walls, cpus = [], []
        for _ in range(3):
            wall, cpu = time.perf_counter(), time.process_time()
            result = compute("retention_from_accounts", accounts=text)
            walls.append(time.perf_counter() - wall)
            cpus.append(time.process_time() - cpu)
        if rows == 100_000:
            worst = statistics.median(cpus)
        print(f"  {rows:>7,} rows ({len(text) / 1e6:.1f} MB): {statistics.median(walls) * 1e3:8.1f} ms / "
              f"{statistics.median(cpus) * 1e3:7.1f} ms   NRR {result.value:.2f}%, GRR {result.detail('grr'):.2f}%")
    return worst


def scores(count: int, seed: int = 7) -> str:
    rng = random.Random(seed)
    return "\n".join(str(rng.randint(0, 10)) for _ in range(count))


def bench_scores() -> None:
    text = scores(100_000)
    cpus = []
    for _ in range(3):
        cpu = time.process_time()
        result = compute("nps_from_scores", scores=text)
        cpus.append(time.process_time() - cpu)
    print(f"nps_from_scores, a pasted column of 100,000 answers: {statistics.median(cpus) * 1e3:.1f} ms CPU "
          f"(NPS {result.value:.2f} ± {result.detail('margin_of_error'):.2f})")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--calls", type=int, default=50_000)
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--repeats", type=int, default=50)
    args = parser.parse_args()
    clean = fuzz(args.calls, args.seed)
    clean = fuzz_solve(args.calls // 5, args.seed) and clean
    bench_solve(args.repeats)
    hundred_k = bench_accounts()
    bench_scores()
    print(f"aims: fuzz clean {'yes' if clean else 'NO'}; 100k rows < 1 s under CPython: "
          f"{'yes' if hundred_k < 1 else 'NO'} ({hundred_k:.2f} s CPU)")
    return 0 if clean else 1


if __name__ == "__main__":
    sys.exit(main())
