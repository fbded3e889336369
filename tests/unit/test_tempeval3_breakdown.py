"""The TempEval-3 benchmark's value-error breakdown (``benchmarks/tempeval3.py --breakdown``): each
wrong value falls in one category, and the printout lists the categories largest first."""
from __future__ import annotations

from pathlib import Path

import pytest

from scriptkit import load_script

BENCHMARKS = Path(__file__).resolve().parents[2] / "benchmarks"


@pytest.fixture(scope="module")
def te3():
    return load_script(BENCHMARKS / "tempeval3.py", "rashomon_bench_tempeval3")


@pytest.mark.parametrize("ours, gold, kind", [
    ("2024-01-05TNI", "2024-01-05", "part-of-day"),
    ("2024", "2024-XX", "precision"),
    ("2024-W05", "2024-W5", "other"),
    ("2024", "2024-10", "precision"),
    ("2024-W05", "P1W", "type"),
    ("PXY", "PAST_REF", "reference"),
    ("2024-01-12", "2024-01-05", "anchor"),
    ("2023-Q3", "2023-Q1", "anchor"),
])
def test_each_wrong_value_gets_one_category(te3, ours, gold, kind):
    assert te3.error_kind(ours, gold) == kind


def test_breakdown_lists_categories_largest_first_with_examples(te3, capsys):
    errors = [("anchor", "Friday", "2024-01-12", "2024-01-05", "weekday before"),
              ("missed", "current", "-", "PRESENT_REF", "DATE"),
              ("anchor", "Monday", "2024-01-08", "2024-01-01", "weekday before")]
    te3.print_breakdown(errors, 1)
    out = capsys.readouterr().out.splitlines()
    assert out[0] == "== anchor: 2"
    assert out[1].strip().startswith("'Friday': ours 2024-01-12 / gold 2024-01-05")
    assert out[2] == "== missed: 1"
    assert len(out) == 4
