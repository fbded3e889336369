"""Small slips a new user met: plurals, flags in --help, durations, seasons, a dead README link."""
from __future__ import annotations

import re
from pathlib import Path

from typer.testing import CliRunner

from rashomon.cli import app
from rashomon.report.fmt import number, readable_date, si_text
from rashomon.report.leftout import plural

ROOT = Path(__file__).resolve().parents[2]


def test_one_article_is_singular():
    assert plural(1, "article") == "1 article"
    assert plural(2, "article") == "2 articles"
    assert plural(0, "contested point") == "0 contested points"


def test_quiet_is_shown_as_a_flag_in_help():
    out = CliRunner().invoke(app, ["analyze", "--help"], env={"COLUMNS": "200"}).output
    line = next(ln for ln in out.splitlines() if "--quiet" in ln)
    assert "<bool>" not in line and "Print nothing but errors" in line


def test_durations_are_written_in_days_not_exponents():
    assert si_text(432000.0, "s") == "5 days (432,000 s)"
    assert si_text(5400.0, "s") == "1.5 hours (5,400 s)"
    assert si_text(30.0, "s") == "30 s"
    assert "e+" not in si_text(1.2e7, "m2") and si_text(1.2e7, "m2") == "12,000,000 m2"
    assert number(0.25) == "0.25" and number(1000000.0) == "1,000,000"


def test_seasons_and_weeks_are_readable_dates():
    assert readable_date("2024-SU") == "summer 2024"
    assert readable_date("2023-WI") == "winter 2023"
    assert readable_date("2024-W05") == "week 5 of 2024"
    assert readable_date("2024-Q1") == "first quarter of 2024"
    assert readable_date("2024-08-07") == "2024-08-07"


def test_every_local_link_in_the_readme_exists():
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    paths = set(re.findall(r"\]\(((?:docs|src|examples|benchmarks)/[^)#\s]+)\)", text))
    paths |= set(re.findall(r"`((?:docs|src|examples|benchmarks)/[\w./-]+\.(?:md|py|yaml))`", text))
    assert "docs/ARCHITECTURE.md" in paths
    missing = sorted(p for p in paths if not (ROOT / p).exists())
    assert missing == []
