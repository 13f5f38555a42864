"""Make the repository root and this folder importable whatever pytest's import mode.

The calculator tests import `calculators` from the working tree and share
case tables through `calculator_cases.py`, which sits beside them.
"""
from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]

for path in (str(REPO), str(HERE)):
    if path not in sys.path:
        sys.path.insert(0, path)
