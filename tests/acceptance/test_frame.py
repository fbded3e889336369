"""The pipeline frame, the schema, the API and the command line."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest

from rashomon.models import Dossier, dossier_schema
from rashomon.pipeline import STAGES, Stage, check_order

ROOT = Path(__file__).resolve().parent.parent
CLI = [sys.executable, "-m", "rashomon.cli"]


def test_stage_order_is_checked_against_declared_fields():
    check_order(STAGES)
    broken = (Stage("b", "corpus", "x:y", reads=("dossier.relations",)),)
    with pytest.raises(ValueError, match="dossier.relations"):
        check_order(broken)


def test_every_stage_is_importable_and_callable():
    for st in STAGES:
        assert callable(st.load()), st.name


def test_every_stage_runs_and_leaves_its_output_on_the_seed_articles(kursk_dossier):
    """A stage left a placeholder produces nothing: on the seed articles every stage runs and every
    part of the dossier that the stages fill is non-empty."""
    d = kursk_dossier
    ran = {t.name for t in d.run.stages}
    assert {st.name for st in STAGES} <= ran, sorted({st.name for st in STAGES} - ran)
    for part in ("events", "actors", "attributions", "claims", "clusters", "relations", "quantities", "times", "checks",
                 "framing", "timeline", "summary"):
        assert getattr(d, part), f"the seed dossier has no {part}"


def test_written_dossier_validates_against_exported_schema(kursk_dossier, tmp_path):
    from rashomon import write_dossier

    path = write_dossier(kursk_dossier, tmp_path / "dossier.json")
    data = json.loads(path.read_text(encoding="utf-8"))
    jsonschema.validate(data, dossier_schema())
    assert data["format"] == "rashomon.dossier/1"
    assert Dossier.model_validate(data).articles


def test_dossier_has_every_field_the_format_names():
    fields = set(Dossier.model_fields)
    assert {"format", "articles", "events", "claims", "clusters", "relations", "quantities", "times", "checks", "framing"} <= fields


def test_api_analyze_returns_dossier_with_all_articles(kursk_dossier, kursk_dir):
    assert len(kursk_dossier.articles) == len(list(kursk_dir.glob("*.txt")))
    assert kursk_dossier.run and kursk_dossier.run.stages


def test_schema_command_prints_json_schema():
    out = subprocess.run(CLI + ["schema"], capture_output=True, text=True, check=True).stdout
    assert json.loads(out)["title"] == "rashomon.dossier/1"


def test_analyze_command_writes_dossier_and_exits_zero(tmp_path, kursk_dir):
    src = tmp_path / "in"
    src.mkdir()
    for f in sorted(kursk_dir.glob("*.txt"))[:2]:
        (src / f.name).write_bytes(f.read_bytes())
    r = subprocess.run(CLI + ["analyze", str(src), "--out", str(tmp_path / "out"), "--format", "json", "--quiet"],
                       capture_output=True, text=True)
    assert r.returncode == 0, r.stderr
    assert (tmp_path / "out" / "dossier.json").exists()


def test_analyze_command_exit_code_three_names_the_bad_file(tmp_path, kursk_dir):
    src = tmp_path / "in"
    src.mkdir()
    f = sorted(kursk_dir.glob("*.txt"))[0]
    (src / f.name).write_bytes(f.read_bytes())
    (src / "broken.jsonl").write_text('{"id": "x", "text": "fine"}\n{not json\n', encoding="utf-8")
    r = subprocess.run(CLI + ["analyze", str(src), "--out", str(tmp_path / "out"), "-f", "json"], capture_output=True, text=True)
    assert r.returncode == 3, r.stdout + r.stderr
    assert "broken.jsonl" in r.stderr and ":2" in r.stderr
    d = json.loads((tmp_path / "out" / "dossier.json").read_text(encoding="utf-8"))
    assert {a["id"] for a in d["articles"]} >= {f.stem, "x"}
    assert any(e["path"].endswith("broken.jsonl") and e["line"] == 2 for e in d["run"]["errors"])


def test_analyze_command_exit_code_four_when_nothing_readable(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    r = subprocess.run(CLI + ["analyze", str(tmp_path / "empty.txt"), "--out", str(tmp_path / "out"), "-f", "json", "-q"],
                       capture_output=True, text=True)
    assert r.returncode == 4
    assert "empty.txt" in r.stderr


def test_unknown_format_is_a_usage_error(tmp_path):
    r = subprocess.run(CLI + ["analyze", str(tmp_path), "--format", "pdf"], capture_output=True, text=True)
    assert r.returncode == 2


def test_help_explains_every_analyze_option():
    out = subprocess.run(CLI + ["analyze", "--help"], capture_output=True, text=True, env={"COLUMNS": "200", "PATH": ""}).stdout
    for opt in ("--out", "--format", "--jobs", "--quiet"):
        assert opt in out


def test_process_pool_gives_same_claims_as_in_process(kursk_dir):
    import rashomon

    one = rashomon.analyze([kursk_dir], jobs=1)
    two = rashomon.analyze([kursk_dir], jobs=2)
    assert [c.text for c in one.claims] == [c.text for c in two.claims]
    assert [q.text for q in one.quantities] == [q.text for q in two.quantities]


def test_schema_describes_the_claim_proposition_and_its_slots():
    defs = dossier_schema()["$defs"]
    assert {"Proposition", "PropSlot"} <= set(defs)
    assert {"predicate", "agent", "patient", "place", "time", "quantity", "polarity", "modality", "hedge"} <= set(defs["Proposition"]["properties"])
    assert {"text", "start", "end", "actor", "ref"} <= set(defs["PropSlot"]["properties"])
