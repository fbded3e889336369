"""The linking scale benchmark's replication (``benchmarks/_linking_replicate.py``): a replica of a
real article gets new ids everywhere (records and references), dates moved by its offset, names
swapped for names of the same kind, jittered unit vectors, and up to the number of real articles
every article is real and distinct. Records are written here by hand; no model is loaded."""
from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from rashomon.models import Actor, Article, ArticleAnnotations, Claim, Span, Speaker, TimeExpr

from scriptkit import load_script

BENCHMARKS = Path(__file__).resolve().parents[2] / "benchmarks"


@pytest.fixture(scope="module")
def rep():
    return load_script(BENCHMARKS / "_linking_replicate.py", "rashomon_bench_replicate")


def _article(aid: str, who: str, published: str, vec: list[float]):
    text = f"{who} said the dam broke on 2023-09-10."
    ts, te = text.index("2023-09-10"), text.index("2023-09-10") + 10
    art = Article(id=aid, index=0, text=text, published=published)
    actor = Actor(id=f"a:{aid}:0-{len(who)}", name=who, type="person", article=aid)
    claim = Claim(id=f"c:{aid}:0-{len(text)}", article=aid, text=text, start=0, end=len(text),
                  speaker=Speaker(name=who, actor=actor.id), actors=[actor.id], times=[f"t:{aid}:{ts}-{te}"])
    t = TimeExpr(id=f"t:{aid}:{ts}-{te}", article=aid, text=text[ts:te], start=ts, end=te, value="2023-09-10", type="date")
    ann = ArticleAnnotations(article=aid, actors=[actor], claims=[claim], times=[t],
                             entities=[Span(article=aid, start=0, end=len(who), text=who)], entity_labels=["PERSON"],
                             claim_vectors={claim.id: vec})
    return art, ann


@pytest.fixture(scope="module")
def real():
    arts, anns = zip(*[_article("x1", "Ada Quist", "2023-09-11", [1.0, 0.0, 0.0]),
                       _article("x2", "Bo Brandt", "2023-09-12", [0.0, 1.0, 0.0])])
    return list(arts), list(anns)


def test_dates_move_by_whole_days_and_months_keep_their_precision(rep):
    assert rep.shift_iso("2023-09-10", 97) == "2023-12-16"
    assert rep.shift_iso("2023-09-10T14:00", 1) == "2023-09-11T14:00"
    assert rep.shift_iso("2023-09", 97) == "2023-12"
    assert rep.shift_iso("PXD", 97) == "PXD"


def test_a_replica_renames_every_record_and_reference(rep, real):
    arts, anns = real
    r = rep.Replicator(arts, anns)
    art, ann = r.replica(0, 2, {"Ada Quist": "Bo Brandt"}, np.zeros(3, dtype=np.float32))
    c = ann.claims[0]
    assert art.id == "x1-r2" and ann.article == "x1-r2" and art.published == rep.shift_iso("2023-09-11", 2 * rep.SHIFT_DAYS)
    assert c.id == f"c:x1-r2:0-{len(art.text)}" and c.article == "x1-r2" and art.text[c.start:c.end] == c.text
    assert c.speaker.actor == ann.actors[0].id == "a:x1-r2:0-9" and c.actors == [ann.actors[0].id]
    assert c.times == [ann.times[0].id] and ann.times[0].value == rep.shift_iso("2023-09-10", 2 * rep.SHIFT_DAYS)
    assert ann.actors[0].name == "Bo Brandt" and c.speaker.name == "Bo Brandt" and ann.entities[0].text == "Bo Brandt"
    assert list(ann.claim_vectors) == [c.id]
    t = ann.times[0]
    assert t.id == f"t:x1-r2:{t.start}-{t.end}" and art.text[t.start:t.end] == t.text
    assert anns[0].claims[0].id == f"c:x1:0-{len(art.text)}"  # the real record is unchanged


def test_jittered_vectors_stay_unit_length_and_close_to_the_real_one(rep, real):
    arts, anns = real
    r = rep.Replicator(arts, anns)
    direction = np.array([0.0, 0.35, 0.0], dtype=np.float32)
    _, ann = r.replica(0, 1, {}, direction)
    v = np.asarray(next(iter(ann.claim_vectors.values())))
    assert abs(float(np.linalg.norm(v)) - 1.0) < 1e-5
    assert float(v @ np.array([1.0, 0.0, 0.0])) > 0.85


def test_up_to_the_real_count_every_article_is_real_and_distinct(rep, real):
    arts, anns = real
    st, distinct = rep.replicate(arts, anns, 2)
    assert [a.id for a in st.dossier.articles] == ["x1", "x2"] and distinct == 2
    st, distinct = rep.replicate(arts, anns, 5)
    assert len(st.dossier.articles) == 5 and distinct == 2
    assert len({c.id for c in st.dossier.claims}) == 5  # no id is repeated
