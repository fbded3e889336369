"""The FNC stories benchmark (``benchmarks/fnc_stories.py``): it says the data is absent and exits 0
for a split whose files are not there (the held-out test split), and it wires the shared tool's
build and score around an analysis, reporting the tool's measures. The wiring test uses stance
files written for the test and a dossier written by hand in place of the pipeline, so it runs
without a spaCy model."""
from __future__ import annotations

import csv
import json
import subprocess
import sys
from pathlib import Path

import pytest

from scriptkit import load_script

BENCHMARKS = Path(__file__).resolve().parents[2] / "benchmarks"
SCRIPT = BENCHMARKS / "fnc_stories.py"


@pytest.fixture(scope="module")
def bench():
    return load_script(SCRIPT, "rashomon_bench_fnc_stories")


def _run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(SCRIPT), *args], capture_output=True, text=True, timeout=60)


def test_the_held_out_test_split_is_reported_absent_and_exits_zero(tmp_path):
    (tmp_path / "train_bodies.csv").write_text("Body ID,articleBody\n", encoding="utf-8")
    p = _run("--data", str(tmp_path), "--split", "test", "--json", str(tmp_path / "out.json"))
    assert p.returncode == 0
    assert "competition_test_stances.csv" in p.stdout and "nothing to measure" in p.stdout
    assert not (tmp_path / "out.json").exists()


def test_a_missing_data_folder_exits_zero_with_a_message(tmp_path):
    p = _run("--data", str(tmp_path / "nowhere"))
    assert p.returncode == 0
    assert "absent" in p.stdout


def test_an_unknown_split_is_a_usage_error(tmp_path):
    p = _run("--data", str(tmp_path), "--split", "train")
    assert p.returncode == 2


def _write_fnc(folder: Path) -> None:
    """Two stories of three articles each (two agree, one disagrees) and one unrelated pair."""
    bodies = {"1": "Officials said the bridge over the river collapsed on Tuesday.",
              "2": "The bridge across the river fell down on Tuesday, engineers confirmed.",
              "3": "Engineers denied that any bridge collapsed; the river crossing stands.",
              "4": "The mayor announced a new tram line for the eastern district.",
              "5": "A new tram line will serve the eastern district, the mayor said.",
              "6": "No tram line is planned, the transport office said, contradicting reports."}
    with open(folder / "train_bodies.csv", "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        w.writerow(["Body ID", "articleBody"])
        w.writerows(bodies.items())
    rows = [("River bridge collapses", "1", "agree"), ("River bridge collapses", "2", "agree"),
            ("River bridge collapses", "3", "disagree"), ("City plans tram line", "4", "agree"),
            ("City plans tram line", "5", "agree"), ("City plans tram line", "6", "disagree"),
            ("City plans tram line", "1", "unrelated")]
    with open(folder / "9_1_train_test_stances.csv", "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        w.writerow(["Headline", "Body ID", "Stance"])
        w.writerows(rows)


def _dossier_one_contradiction_per_story(work: Path) -> Path:
    """A dossier with one claim per article, one event per story, and in each story a contradiction
    between the first agreeing and the disagreeing article."""
    stories = json.loads((work / "stories.json").read_text(encoding="utf-8"))["stories"]
    claims, events, relations = [], [], []
    for s in stories:
        members = s["agree"] + s["disagree"]
        claims += [{"id": f"c-{a}", "article": a} for a in members]
        events.append({"id": f"e-{s['id']}", "articles": members})
        relations.append({"type": "contradicts", "a": f"c-{s['agree'][0]}", "b": f"c-{s['disagree'][0]}"})
    out = work / "dossier.json"
    out.write_text(json.dumps({"claims": claims, "clusters": [], "events": events, "relations": relations}), encoding="utf-8")
    return out


def test_measure_builds_the_stories_and_reports_the_tools_measures(bench, tmp_path):
    if not bench.TOOL.is_file():
        pytest.skip(f"the shared story tool {bench.TOOL} is not on this machine")
    data, work = tmp_path / "data", tmp_path / "work"
    data.mkdir()
    work.mkdir()
    _write_fnc(data)
    m = bench.measure(bench.TOOL, data / "9_1_train_test_stances.csv", data / "train_bodies.csv", work,
                      analyse_fn=_dossier_one_contradiction_per_story)
    assert (work / "input.jsonl").is_file()
    assert m["stories"] == 2 and m["articles"] == 6
    assert m["agree_disagree_pairs"] == 4 and m["agree_agree_pairs"] == 2
    assert m["contra_recall"] == 0.5  # one of the two agree x disagree pairs per story
    assert m["contra_false_rate"] == 0.0
    assert m["support_recall"] == 0.0  # no cluster, no supports relation
    assert m["event_pair_f1"] == 1.0
    assert m["contradicts_relations"] == 2
    assert list(m) == list(bench.METRICS)
