"""The command line prints each unreadable input with its stable code."""
from __future__ import annotations

from typer.testing import CliRunner

from rashomon.cli import app


def test_an_empty_input_is_named_on_stderr_with_code_r002(tmp_path):
    (tmp_path / "blank.txt").write_text("   \n", encoding="utf-8")
    res = CliRunner().invoke(app, ["analyze", str(tmp_path / "blank.txt"), "-o", str(tmp_path / "out"), "-q"])
    assert res.exit_code == 4
    line = next(l for l in res.output.splitlines() if "blank.txt" in l)
    assert line.startswith("error: ") and "[R002 empty]" in line
