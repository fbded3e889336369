"""Small modules with one job: no Python module under ``src/rashomon`` is longer than 600 lines.

A module that grows past the limit is split by job (see ``extract/attribution.py`` and its
``attribution_*`` parts); there is no allow-list."""
from __future__ import annotations

from pathlib import Path

PKG = Path(__file__).resolve().parents[2] / "src" / "rashomon"
MAX_LINES = 600


def too_long(pkg: Path, limit: int = MAX_LINES) -> dict[str, int]:
    """Modules under ``pkg`` (relative paths) with more than ``limit`` lines, with their length."""
    out = {}
    for path in sorted(pkg.rglob("*.py")):
        n = len(path.read_text(encoding="utf-8").splitlines())
        if n > limit:
            out[path.relative_to(pkg).as_posix()] = n
    return out


def test_the_check_flags_a_module_over_the_limit(tmp_path):
    (tmp_path / "short.py").write_text("x = 1\n" * 600)
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "long.py").write_text("x = 1\n" * 601)
    assert too_long(tmp_path) == {"sub/long.py": 601}


def test_no_module_is_longer_than_600_lines():
    assert len(list(PKG.rglob("*.py"))) > 50  # the scan sees the package
    assert too_long(PKG) == {}
