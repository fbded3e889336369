"""Per-article records: ids that depend only on the article, and records that no corpus stage
changes. Stories and names are made up for these tests."""
from __future__ import annotations

import copy
import pickle

import pytest

from rashomon.engine import InlineEngine
from rashomon.ingest import read_inputs
from rashomon.models import Dossier
from rashomon.pipeline import run_corpus_stages
from rashomon.state import CorpusState

BRIDGE = ("The regional transport ministry said on Monday that the Varnel bridge would stay closed for three weeks.\n\n"
          "\u201cThe cracks in the main span are deeper than we thought,\u201d minister Lena Hovik told reporters, "
          "adding that 40 engineers were inspecting the structure.\n\n"
          "Hovik said repairs would cost about 12 million euros. Residents of Ostrel complained that the detour adds an hour.")
FERRY = ("Ferry operators on the Varn river added four crossings a day after the Varnel bridge closed, the port authority said.\n\n"
         "Port director Emil Sand said the ferries carried 2,000 cars on Tuesday, twice the usual number.")
BRIDGE_LATER = ("Minister Lena Hovik said on Monday that the Varnel bridge would stay closed for three weeks.\n\n"
                "Engineers found cracks in the main span, she said. Repairs will cost about 12 million euros, Hovik said.")
PER_ARTICLE = ("claims", "attributions", "quantities", "times", "actors")


def _files(tmp_path, name, files):
    """The files written under ``tmp_path/name``, in the order given (the batch order)."""
    d = tmp_path / name
    d.mkdir()
    out = []
    for stem, text in files:
        out.append(d / f"{stem}.txt")
        out[-1].write_text(text, encoding="utf-8")
    return out


def _records(ann):
    return {k: [r.model_dump() for r in getattr(ann, k)] for k in PER_ARTICLE}


@pytest.fixture(scope="module")
def three_runs(tmp_path_factory, nlp):
    tmp = tmp_path_factory.mktemp("batches")
    runs = {}
    for name, files in {"alone": [("bridge", BRIDGE)],
                        "first": [("bridge", BRIDGE), ("ferry", FERRY)],
                        "last": [("later", BRIDGE_LATER), ("ferry", FERRY), ("bridge", BRIDGE)]}.items():
        arts = read_inputs(_files(tmp, name, files)).articles
        anns, _ = InlineEngine().annotate(arts)
        runs[name] = (arts, anns)
    return runs


def test_one_article_alone_and_in_two_batches_has_identical_ids_and_records(three_runs):
    alone, first, last = (three_runs[k][1]["bridge"] for k in ("alone", "first", "last"))
    assert [a.index for a in three_runs["last"][0] if a.id == "bridge"] == [2]  # a different position
    assert alone.claims and alone.attributions and alone.quantities and alone.times and alone.actors
    assert _records(alone) == _records(first) == _records(last)
    for ann in (first, last):
        assert ann.claim_vectors.keys() == alone.claim_vectors.keys()


def test_record_ids_name_the_article_and_the_span_they_point_at(three_runs):
    ann = three_runs["alone"][1]["bridge"]
    for c in ann.claims:
        assert c.id.startswith(f"c:bridge:{c.start}-{c.end}") and BRIDGE[c.start:c.end] == c.text
    for q in ann.quantities:
        assert q.id.startswith(f"q:bridge:{q.start}-{q.end}") and BRIDGE[q.start:q.end] == q.text
    for t in ann.times:
        assert t.id.startswith(f"t:bridge:{t.start}-{t.end}") and BRIDGE[t.start:t.end] == t.text
    for at in ann.attributions:
        first = at.content[0]
        assert at.id.startswith(f"at:bridge:{first.start}-{first.end}") and BRIDGE[first.start:first.end] == first.text
    for a in ann.actors:
        m = min(a.mentions, key=lambda m: m.start)
        assert a.id.startswith(f"a:bridge:{m.start}-{m.end}") and BRIDGE[m.start:m.end] == m.text


def test_annotations_are_picklable_records_with_vectors_for_every_claim(three_runs):
    ann = three_runs["alone"][1]["bridge"]
    assert set(ann.claim_vectors) == {c.id for c in ann.claims}
    assert pickle.loads(pickle.dumps(ann)) == ann


def test_corpus_stages_leave_per_article_records_unchanged(three_runs, tmp_path):
    from rashomon.api import write_dossier

    arts, anns = three_runs["last"]
    before_anns, before_arts = copy.deepcopy(anns), copy.deepcopy(arts)
    d = Dossier(articles=list(arts))
    for a in arts:
        d.attributions += anns[a.id].attributions
        d.claims += anns[a.id].claims
        d.quantities += anns[a.id].quantities
        d.times += anns[a.id].times
    state = CorpusState(dossier=d, annotations=anns)
    run_corpus_stages(state)
    assert anns == before_anns and arts == before_arts
    # the cross-article findings are in the assembled dossier, pointing at the per-article ids
    per_article = {c.id: c for ann in anns.values() for c in ann.claims}
    assert [c.id for c in d.claims] == [c.id for a in arts for c in anns[a.id].claims]
    assert all(c.cluster for c in d.claims) and not any(c.cluster for c in per_article.values())
    spoken = [c for c in d.claims if c.speaker and c.speaker.actor]
    assert spoken and all(c.speaker.actor in {x.id for x in d.actors} for c in spoken)
    assert all(per_article[c.id].speaker.actor is None or per_article[c.id].speaker.actor.startswith("a:") for c in spoken)
    assert state.actor_map and all(k.startswith("a:") and v.startswith("A") for k, v in state.actor_map.items())
    assert all(a.event for a in d.articles) and not any(a.event for a in arts)
    text = {a.id: a.text for a in arts}
    assert all(text[c.article][c.start:c.end] == c.text for c in d.claims)
    out = write_dossier(d, tmp_path / "dossier.json").read_text(encoding="utf-8")
    assert "claim_vectors" not in out and "proposition_vectors" not in out


def test_process_pool_engine_gives_the_records_of_the_inline_engine(three_runs):
    from rashomon.engine import ProcessPoolEngine

    arts, inline = three_runs["first"]
    done = []
    pooled, timings = ProcessPoolEngine(2).annotate(arts, on_result=lambda ann: done.append(ann.article))
    assert sorted(done) == sorted(a.id for a in arts)
    assert [t.name for t in timings][-1] == "encode"
    for a in arts:
        assert _records(pooled[a.id]) == _records(inline[a.id])
        assert pooled[a.id].claim_vectors.keys() == inline[a.id].claim_vectors.keys()
