"""What tests of the project's scripts and benchmarks share: importing one by its path.

``scripts/`` and ``benchmarks/`` are folders of commands, not packages; a test imports one as a
module with ``load_script(path, name)``. The script's folder is on ``sys.path`` while it loads,
so a benchmark's ``from _common import ...`` resolves, and is taken off again after.
"""
from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parents[1]
SCRIPTS = ROOT / "scripts"
BENCHMARKS = ROOT / "benchmarks"


def load_script(path: Path, name: str) -> ModuleType:
    """The module of the script at ``path``, loaded under ``name``."""
    folder = str(Path(path).parent)
    sys.path.insert(0, folder)
    try:
        spec = importlib.util.spec_from_file_location(name, path)
        mod = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(mod)
    finally:
        sys.path.remove(folder)
    return mod
