"""The command line tells what it left out: an empty folder is named with the reason, and every
skipped input and note is summed up on stderr at the end of the run."""
from __future__ import annotations

import subprocess
import sys

CLI = [sys.executable, "-m", "rashomon.cli"]
TEXT = ("The mayor of the river town said on Monday that the old bridge would reopen next week after repairs. "
        "Engineers said the work had cost about 2 million euros.\n")


def test_empty_folder_is_named_on_stderr_with_the_reason(tmp_path):
    src = tmp_path / "in"
    (src / "sub").mkdir(parents=True)
    r = subprocess.run(CLI + ["analyze", str(src), "--out", str(tmp_path / "out"), "-q"], capture_output=True, text=True)
    assert r.returncode == 4
    assert str(src) in r.stderr and "empty_dir" in r.stderr and "subdirectories: 1" in r.stderr
    assert "nothing to analyse" in r.stderr


def test_end_of_run_summary_lists_left_out_inputs_and_notes(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    (src / "good.txt").write_text(TEXT, encoding="utf-8")
    (src / "empty.txt").write_bytes(b"")
    (src / ".hidden.txt").write_text(TEXT, encoding="utf-8")
    (src / "again.txt").write_text(TEXT, encoding="utf-8")
    r = subprocess.run(CLI + ["analyze", str(src), "--out", str(tmp_path / "out"), "-f", "md"], capture_output=True, text=True)
    assert r.returncode == 3, r.stderr
    tail = r.stderr[r.stderr.index("Left out: 2 inputs"):]
    assert "empty.txt" in tail and "again" in tail and "duplicate" in tail
    assert "note: skipped hidden entry" in tail
    assert "1 article," in r.stdout and "1 articles" not in r.stdout
    md = (tmp_path / "out" / "report.md").read_text(encoding="utf-8")
    assert "Left out: 2 inputs" in md.split("## Articles")[0] and "skipped hidden entry" in md
