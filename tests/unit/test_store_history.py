"""A claim cluster's history read off a hand-made dossier: first report, repetitions, a denial
and a revision, in date order, each with evidence offsets that slice its article."""
from __future__ import annotations

import jsonschema

from rashomon.models import Article, Claim, Cluster, Dossier, Relation, Speaker, dossier_schema
from rashomon.store.history import cluster_histories, cluster_view

TEXTS = {
    "a1": "The ministry said the dam was hit by shelling.",
    "a2": "Officials repeated that the dam was hit by shelling.",
    "a3": "The army denied that it shelled the dam.",
    "a4": "The ministry now says the dam collapsed on its own.",
}
DATES = {"a1": "2024-03-01", "a2": "2024-03-02", "a3": "2024-03-03", "a4": "2024-03-05"}


def _claim(aid: str, phrase: str, speaker: str) -> Claim:
    text = TEXTS[aid]
    start = text.index(phrase)
    return Claim(id=f"c:{aid}:{start}", article=aid, text=phrase, start=start, end=start + len(phrase), speaker=Speaker(name=speaker))


def _dossier() -> Dossier:
    arts = [Article(id=a, index=i, text=t, published=DATES[a], outlet=f"Outlet {i}") for i, (a, t) in enumerate(TEXTS.items())]
    claims = [_claim("a2", "the dam was hit by shelling", "Officials"), _claim("a1", "the dam was hit by shelling", "the ministry"),
              _claim("a3", "it shelled the dam", "the army"), _claim("a4", "the dam collapsed on its own", "the ministry")]
    clusters = [Cluster(id="k1", label="hit by shelling", claims=[claims[0].id, claims[1].id], articles=["a1", "a2"]),
                Cluster(id="k2", label="denial", claims=[claims[2].id], articles=["a3"]),
                Cluster(id="k3", label="collapsed", claims=[claims[3].id], articles=["a4"])]
    relations = [Relation(id="r1", type="contradicts", a="k2", b="k1", explanation="denial", signal="denial"),
                 Relation(id="r2", type="updates", a="k1", b="k3", explanation="same speaker, later", signal="same_speaker_revision")]
    return Dossier(articles=arts, claims=claims, clusters=clusters, relations=relations)


def test_history_lists_first_report_repetition_denial_and_revision_in_date_order():
    view = cluster_view(_dossier(), "k1", event="ev-x")
    assert [(h.step, h.date, h.by) for h in view.history] == [
        ("first_reported", "2024-03-01", "the ministry"), ("repeated", "2024-03-02", "Officials"),
        ("denied", "2024-03-03", "the army"), ("revised", "2024-03-05", "the ministry")]
    assert [h.relation for h in view.history] == [None, None, "r1", "r2"]
    for h in view.history:
        assert TEXTS[h.article][h.start:h.end] == h.text
    assert [c.article for c in view.claims] == ["a1", "a2"] and view.event == "ev-x"


def test_an_unknown_cluster_has_no_view():
    assert cluster_view(_dossier(), "k9") is None


def test_every_clusters_history_goes_into_the_exported_dossier_and_its_schema():
    d = _dossier()
    hist = cluster_histories(d, {"k1": "cl-aaaa", "k2": "cl-bbbb"})
    assert [(h.cluster, h.stable_id) for h in hist] == [("k1", "cl-aaaa"), ("k2", "cl-bbbb"), ("k3", None)]
    assert [s.step for s in hist[0].steps] == ["first_reported", "repeated", "denied", "revised"]
    exported = d.model_copy(update={"histories": hist})
    jsonschema.validate(exported.model_dump(mode="json"), dossier_schema())
    assert dossier_schema()["properties"]["histories"]["anyOf"][1] == {"type": "null"}  # optional: analyze writes null
