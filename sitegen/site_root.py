"""Files at the site root, shared by both language trees: the landing page,
the Pyodide runtime and the calculators package the browser runs, and KaTeX
for the calculators' formulas."""
from __future__ import annotations

import shutil
import zipfile
from pathlib import Path

from . import csp, pyodide_stdlib
from .rendering import environment

REPO = Path(__file__).resolve().parent.parent
STATIC = Path(__file__).parent / "static"

# The files a page needs from the npm package; the rest (console, maps, .d.ts)
# would only add weight.
PYODIDE_FILES = ("pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm",
                 "python_stdlib.zip", "pyodide-lock.json")

# KaTeX, for the formulas of calculator widgets. Only the minified script, its
# stylesheet and the woff2 fonts: every browser that runs Pyodide reads woff2,
# so the stylesheet's woff/ttf fallbacks are never requested.
KATEX_FILES = ("katex.min.js", "katex.min.css")


def write_root(out: Path) -> None:
    (out / "index.html").write_text(
        environment().get_template("landing.html.j2").render(csp=csp.policy("")), encoding="utf-8")
    for name in ("landing.js", "landing.css"):
        shutil.copy2(STATIC / name, out / name)
    copy_pyodide(out / "pyodide")
    copy_katex(out / "katex")
    bundle_calculators(out / "py" / "calculators.zip")


def copy_pyodide(target: Path) -> None:
    source = REPO / "node_modules" / "pyodide"
    missing = [f for f in PYODIDE_FILES if not (source / f).is_file()]
    if missing:
        raise FileNotFoundError(
            f"Pyodide runtime not found in {source} (missing {', '.join(missing)}); "
            "run `make setup` (npm ci) first")
    target.mkdir(parents=True, exist_ok=True)
    for name in PYODIDE_FILES:
        shutil.copy2(source / name, target / name)
    pyodide_stdlib.install(target)   # bytecode for the modules start-up needs


def copy_katex(target: Path) -> None:
    """One copy at the site root for both trees; calculators.js loads it only
    on pages that have a calculator."""
    source = REPO / "node_modules" / "katex"
    missing = [f for f in KATEX_FILES if not (source / "dist" / f).is_file()]
    if missing:
        raise FileNotFoundError(
            f"KaTeX not found in {source} (missing {', '.join(missing)}); "
            "run `make setup` (npm ci) first")
    (target / "fonts").mkdir(parents=True, exist_ok=True)
    for name in KATEX_FILES:
        shutil.copy2(source / "dist" / name, target / name)
    for font in sorted((source / "dist" / "fonts").glob("*.woff2")):
        shutil.copy2(font, target / "fonts" / font.name)
    shutil.copy2(source / "LICENSE", target / "LICENSE")


def bundle_calculators(target: Path) -> None:
    """Zip the calculators package for the browser worker to unpack into Pyodide."""
    target.parent.mkdir(parents=True, exist_ok=True)
    package = REPO / "calculators"
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as archive:
        for path in sorted(package.rglob("*.py")):
            archive.write(path, path.relative_to(REPO).as_posix())
