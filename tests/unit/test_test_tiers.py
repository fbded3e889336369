"""The test tiers of ``tests/conftest.py``, checked on a throw-away test tree run in a subprocess: a
test gets its tier marker from its folder, a test on the whole-pipeline fixture is ``slow``, and
under ``CI=true`` a skip is a failure (without ``CI`` it stays a plain pytest skip)."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

TESTS = Path(__file__).resolve().parents[1]

SAMPLE = {
    "unit/test_u.py": "def test_u():\n    assert True\n",
    "stages/test_s.py": ("import pytest\n\n@pytest.fixture\ndef kursk_dossier():\n    return 1\n\n"
                         "def test_s():\n    assert True\n\ndef test_s_on_the_seed(kursk_dossier):\n    assert kursk_dossier\n"),
    "acceptance/test_a.py": "import pytest\n\ndef test_skips():\n    pytest.skip('no browser here')\n",
}


@pytest.fixture(scope="module")
def tree(tmp_path_factory):
    root = tmp_path_factory.mktemp("tiers")
    tests = root / "tests"
    tests.mkdir()
    shutil.copy(TESTS / "conftest.py", tests / "conftest.py")
    for rel, body in SAMPLE.items():
        (tests / rel).parent.mkdir(exist_ok=True)
        (tests / rel).write_text(body, encoding="utf-8")
    return root


MARKS_PLUGIN = ("def pytest_collection_finish(session):\n"
                "    for item in session.items:\n"
                "        print('MARKS', item.name, sorted({m.name for m in item.iter_markers()}))\n")


def _pytest(root: Path, *args: str, ci: str | None = None) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k != "CI"}
    env["PYTHONPATH"] = os.pathsep.join([str(root), env.get("PYTHONPATH", "")])
    if ci is not None:
        env["CI"] = ci
    return subprocess.run([sys.executable, "-m", "pytest", "-q", "-s", "-p", "no:cacheprovider", "-p", "no:xdist",
                           "-W", "ignore::pytest.PytestUnknownMarkWarning", "--rootdir", str(root), *args, "tests"],
                          cwd=root, capture_output=True, text=True, env=env)


def test_the_folder_sets_the_tier_and_the_whole_pipeline_fixture_marks_slow(tree):
    (tree / "tier_marks.py").write_text(MARKS_PLUGIN, encoding="utf-8")
    r = _pytest(tree, "-p", "tier_marks", "--collect-only")
    marks = {line.split()[1]: line.split(" ", 2)[2] for line in r.stdout.splitlines() if line.startswith("MARKS ")}
    assert marks == {"test_u": "['unit']", "test_s": "['stages']", "test_s_on_the_seed": "['slow', 'stages']",
                     "test_skips": "['acceptance']"}, r.stdout + r.stderr


def test_a_skip_fails_under_ci(tree):
    ci = _pytest(tree, ci="true")
    assert ci.returncode == 1, ci.stdout + ci.stderr
    assert "skipped under CI=true" in ci.stdout and "no browser here" in ci.stdout, ci.stdout
    assert "3 passed" in ci.stdout, ci.stdout
