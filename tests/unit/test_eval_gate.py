"""The evaluation gate (``benchmarks/gate.py``): a metric below its floor, a missing result file and a
missing metric each fail; results at or above every floor pass; the shipped floors file is valid."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from scriptkit import load_script

BENCHMARKS = Path(__file__).resolve().parents[2] / "benchmarks"


@pytest.fixture(scope="module")
def gate():
    return load_script(BENCHMARKS / "gate.py", "rashomon_eval_gate")


def _setup(tmp_path, floors: str, results: dict[str, dict]) -> tuple[Path, Path]:
    f = tmp_path / "floors.yaml"
    f.write_text(floors, encoding="utf-8")
    out = tmp_path / "results"
    out.mkdir()
    for name, data in results.items():
        (out / f"{name}.json").write_text(json.dumps(data), encoding="utf-8")
    return f, out


FLOORS = """
speed:
  min: {f1: 0.80}
  max: {seconds_per_item: 2.0}
clusters:
  file: clusters.json
  min: {mean.claims: 0.90, clusters.seed.events: 0.95}
"""
GOOD = {"speed": {"benchmark": "speed", "metrics": {"f1": 0.80, "seconds_per_item": 1.5}},
        "clusters": {"clusters": {"seed": {"events": 1.0}}, "mean": {"claims": 0.92}}}


def test_results_at_or_above_every_floor_pass(gate, tmp_path, capsys):
    floors, results = _setup(tmp_path, FLOORS, GOOD)
    assert gate.main([str(results), "--floors", str(floors)]) == 0
    assert "all floors hold" in capsys.readouterr().out


def test_a_metric_below_its_floor_fails_and_is_named(gate, tmp_path, capsys):
    bad = json.loads(json.dumps(GOOD))
    bad["clusters"]["mean"]["claims"] = 0.85
    floors, results = _setup(tmp_path, FLOORS, bad)
    assert gate.main([str(results), "--floors", str(floors)]) == 1
    assert "mean.claims = 0.85 (FAILS" in capsys.readouterr().out


def test_a_metric_above_its_ceiling_fails(gate, tmp_path):
    bad = json.loads(json.dumps(GOOD))
    bad["speed"]["metrics"]["seconds_per_item"] = 2.5
    floors, results = _setup(tmp_path, FLOORS, bad)
    assert gate.main([str(results), "--floors", str(floors)]) == 1


def test_missing_data_fails_the_gate(gate, tmp_path, capsys):
    floors, results = _setup(tmp_path, FLOORS, {"speed": GOOD["speed"]})
    assert gate.main([str(results), "--floors", str(floors)]) == 1
    assert "clusters: no results" in capsys.readouterr().out


def test_a_metric_missing_from_the_results_fails(gate, tmp_path):
    floors, results = _setup(tmp_path, FLOORS, {**GOOD, "speed": {"metrics": {"seconds_per_item": 1.0}}})
    assert gate.main([str(results), "--floors", str(floors)]) == 1


def test_a_cluster_without_a_dossier_fails(gate, tmp_path):
    floors, results = _setup(tmp_path, FLOORS, {**GOOD, "clusters": {"clusters": {"seed": None}, "mean": {"claims": 0.95}}})
    assert gate.main([str(results), "--floors", str(floors)]) == 1


def test_a_malformed_floors_file_is_a_usage_error(gate, tmp_path):
    floors, results = _setup(tmp_path, "speed:\n  min: {f1: high}\n", GOOD)
    assert gate.main([str(results), "--floors", str(floors)]) == 2


def test_the_shipped_floors_name_every_benchmark_and_the_cluster_evaluation(gate):
    floors = gate.load_floors(BENCHMARKS / "floors.yaml")
    shipped = {p.stem for p in BENCHMARKS.glob("*.py") if not p.stem.startswith("_") and p.stem != "gate"}
    assert shipped and shipped <= set(floors)
    assert floors["clusters"]["min"]


def test_present_fails_when_an_entry_has_no_result(gate, tmp_path, capsys):
    floors = FLOORS + "  present: [clusters]\n"
    good = json.loads(json.dumps(GOOD))
    good["clusters"]["clusters"]["other"] = {"events": 0.5}
    f, results = _setup(tmp_path, floors, good)
    assert gate.main([str(results), "--floors", str(f)]) == 0
    good["clusters"]["clusters"]["other"] = None
    (tmp_path / "b").mkdir()
    f, results = _setup(tmp_path / "b", floors, good)
    assert gate.main([str(results), "--floors", str(f)]) == 1
    assert "no result for ['other']" in capsys.readouterr().out
