"""``rashomon analyze`` on a corpus of any size (stream_run.py): streamed, the seed articles give
the batch dossier in one chunk and an index that points at it; above ``blocking.stream_min_articles``
the switch to the streamed run is automatic (records spilled, several chunks, every article linked
once, what was left out listed); below it the batch is one dossier as before."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from rashomon.cli import app
from rashomon.engine import InlineEngine
from rashomon.models import Article, StreamIndex
from rashomon.stream_run import INDEX_NAME, SPILL_NAME, analyze_to

KURSK = Path(__file__).resolve().parents[2] / "examples" / "kursk"
STORIES = [
    ("flood-1", "2024-03-04", "Floods forced 2,000 people from their homes in the river town of Marlow on Monday, "
     "the regional governor said. Rescue teams said the water rose two metres overnight."),
    ("flood-2", "2024-03-05", "About 2,000 residents of Marlow left their homes after the river burst its banks, "
     "the governor said on Tuesday. Officials said the water level rose by two metres."),
    ("mine-1", "2024-10-20", "Twelve miners were rescued from a collapsed copper mine near Dunmore on Sunday, "
     "the mining company said. The company said the tunnel collapsed after heavy rain."),
    ("mine-2", "2024-10-21", "Rescuers brought 12 miners out of the Dunmore copper mine, the company said on Monday. "
     "Union leaders said the mine had ignored safety warnings."),
]


def _index(out: Path) -> StreamIndex:
    return StreamIndex.model_validate_json((out / INDEX_NAME).read_text(encoding="utf-8"))


def _chunk(out: Path, folder: str) -> dict:
    return json.loads((out / folder / "dossier.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def streamed_kursk(tmp_path_factory):
    out = tmp_path_factory.mktemp("stream-kursk")
    outcome = analyze_to([KURSK], out, stream=True, formats=frozenset({"md"}))
    return outcome, out


@pytest.fixture(scope="module")
def stories(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("stories") / "stories.jsonl"
    path.write_text("".join(json.dumps({"id": i, "published": d, "text": t}) + "\n" for i, d, t in STORIES), encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def cli_run(stories, tmp_path_factory):
    """The command line, no --stream, on 4 articles and a missing input, with the switch set at 3
    articles, windows of 2 and chunks of 2."""
    out = tmp_path_factory.mktemp("stream-cli")
    res = CliRunner().invoke(app, ["analyze", str(stories), str(stories.parent / "missing.txt"), "--out", str(out), "--format", "json",
                                   "--set", "blocking.stream_min_articles=3", "--set", "blocking.stream_window=2",
                                   "--set", "blocking.stream_chunk=2"])
    return res, out


def test_streamed_seed_articles_give_the_batch_dossier_in_one_chunk(streamed_kursk, kursk_dossier):
    outcome, out = streamed_kursk
    assert outcome.dossier is None and [c.folder for c in outcome.index.chunks] == ["chunks/0001"]
    chunk = _chunk(out, "chunks/0001")
    batch = kursk_dossier.model_dump(mode="json")
    assert {k: v for k, v in chunk.items() if k != "run"} == {k: v for k, v in batch.items() if k != "run"}
    assert (out / "chunks/0001/report.md").is_file()


def test_the_index_points_each_event_at_the_chunk_that_holds_it_and_evidence_slices_its_text(streamed_kursk, kursk_dossier):
    _, out = streamed_kursk
    index = _index(out)
    assert index.articles == len(kursk_dossier.articles) and index.events
    for ev in index.events:
        chunk = _chunk(out, ev.chunk)
        assert ev.id in {e["id"] for e in chunk["events"]}
        assert set(ev.articles) <= {a["id"] for a in chunk["articles"]}
    chunk = _chunk(out, index.chunks[0].folder)
    texts = {a["id"]: a["text"] for a in chunk["articles"]}
    assert len(chunk["claims"]) == index.chunks[0].claims > 0
    assert all(texts[c["article"]][c["start"]:c["end"]] == c["text"] for c in chunk["claims"])
    assert not any(p.name.startswith(SPILL_NAME) for p in out.iterdir())  # the spill is removed


def test_above_the_setting_the_run_streams_on_its_own_and_links_every_article_once(cli_run):
    res, out = cli_run
    assert res.exit_code == 3, res.output  # written, but one input could not be read
    assert not (out / "dossier.json").exists()
    index = _index(out)
    assert len(index.chunks) >= 2 and all(c.articles <= 2 for c in index.chunks)
    linked = [a["id"] for c in index.chunks for a in _chunk(out, c.folder)["articles"]]
    assert sorted(linked) == sorted(i for i, _, _ in STORIES)
    assert sorted(a for e in index.events for a in e.articles) == sorted(linked)
    assert len(index.errors) == 1 and index.errors[0].path.endswith("missing.txt")
    assert "missing.txt" in res.output


def test_below_the_setting_the_batch_is_one_dossier(stories, tmp_path):
    outcome = analyze_to([stories], tmp_path, settings={"blocking": {"stream_min_articles": len(STORIES)}})
    assert outcome.index is None and not (tmp_path / INDEX_NAME).exists()
    assert sorted(a.id for a in outcome.dossier.articles) == sorted(i for i, _, _ in STORIES)


def test_an_engine_told_not_to_keep_hands_each_result_only_to_on_result():
    text = STORIES[0][2]
    got: list[str] = []
    out, _ = InlineEngine().annotate(iter([Article(id="x", text=text, raw=text)]), on_result=lambda ann: got.append(ann.article), keep=False)
    assert out == {} and got == ["x"]
