"""Small slips a new user met: "1 articles", ``--quiet <bool>`` in --help, durations printed as
``4.32e+05 s``, a timeline date ``2024-SU``, a README link to a file that does not exist."""
from __future__ import annotations

import re
from pathlib import Path

from typer.testing import CliRunner

from rashomon.cli import app
from rashomon.models import Article, Dossier, Quantity, SIValue, TimelineEntry
from rashomon.report import render_html, render_markdown

ROOT = Path(__file__).resolve().parents[2]
TEXT = "The siege lasted five days in the summer of 2024."


def _dossier() -> Dossier:
    art = Article(id="a1", text=TEXT, outlet="River Post")
    q = Quantity(id="q1", article="a1", text="five days", start=17, end=26, value=5, unit="day", si=SIValue(value=432000.0, unit="s"))
    tl = TimelineEntry(date="2024-SU", label="the siege", articles=["a1"])
    return Dossier(articles=[art], quantities=[q], timeline=[tl])


def test_one_article_is_singular_in_the_reports():
    d = _dossier()
    md = render_markdown(d)
    assert "1 article ·" in md and "1 articles" not in md
    html = render_html(d)
    assert "1 article ·" in html and "1 articles" not in html


def test_durations_are_written_in_days_not_exponents():
    html = render_html(_dossier())
    assert "e+05" not in html and "5 days (432,000 s)" in html


def test_season_dates_are_readable_in_the_timeline():
    html = render_html(_dossier())
    assert "summer 2024" in html and "<time>2024-SU</time>" not in html


def test_number_and_date_helpers():
    from rashomon.report.fmt import number, readable_date, si_text

    assert si_text(5400.0, "s") == "1.5 hours (5,400 s)" and si_text(30.0, "s") == "30 s"
    assert si_text(1.2e7, "m2") == "12,000,000 m2" and number(0.25) == "0.25"
    assert readable_date("2023-WI") == "winter 2023" and readable_date("2024-W05") == "week 5 of 2024"
    assert readable_date("2024-Q1") == "first quarter of 2024" and readable_date("2024-08-07") == "2024-08-07"


def test_quiet_is_shown_as_a_flag_in_help():
    out = CliRunner().invoke(app, ["analyze", "--help"], env={"COLUMNS": "200"}).output
    line = next(ln for ln in out.splitlines() if "--quiet" in ln)
    assert "<bool>" not in line and "Print nothing but errors" in line


def test_every_local_link_in_the_readme_exists():
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    paths = set(re.findall(r"\]\(((?:docs|src|examples|benchmarks)/[^)#\s]+)\)", text))
    paths |= set(re.findall(r"`((?:docs|src|examples|benchmarks)/[\w./-]+\.(?:md|py|yaml))`", text))
    assert "docs/ARCHITECTURE.md" in paths
    missing = sorted(p for p in paths if not (ROOT / p).exists())
    assert missing == []
