"""Framing: variant sets matched in every inflection, modifiers captured with head nouns, and
the log-odds ratio with an informative Dirichlet prior (sentences written for these tests)."""
from __future__ import annotations

from dossier_fixture import make_dossier
from rashomon.analyse.framing import frame_dossier, log_odds_dirichlet, tokens_of, verb_forms
from rashomon.models import Article, Dossier


def _dossier(*texts: str) -> Dossier:
    return Dossier(articles=[Article(id=f"a{i}", index=i, text=t) for i, t in enumerate(texts)])


def _terms(d: Dossier, concept_word: str) -> dict[str, list[str]]:
    f = next(f for f in d.framing if concept_word in f.concept)
    return f.terms


def test_verb_forms_cover_irregular_compounds_and_regular_inflections():
    forms = verb_forms("retake", {"take": ["took", "taken"]})
    assert {"retake", "retakes", "retook", "retaken", "retaking"} <= forms
    assert {"liberated", "liberating", "liberates"} <= verb_forms("liberate")
    assert {"expelled", "expels"} <= verb_forms("expel")


def test_inflected_verbs_for_the_same_event_report_the_surface_form_found():
    d = _dossier("Rebels retook the airport on Monday after a long siege.",
                 "Government troops say they have liberated the airport district.",
                 "The army forced the rebels out of the airport, officials said.",
                 "The airport was retaken, but retaking the city will be harder.")
    frame_dossier(d)
    terms = _terms(d, "taking back territory")
    assert terms["a0"] == ["retook"]
    assert terms["a1"] == ["liberated"]
    assert "forced the rebels out" in terms["a2"]
    assert set(terms["a3"]) == {"retaken", "retaking"}


def test_head_nouns_are_captured_with_their_modifiers():
    d = _dossier("Officials called it an attempted incursion across the river.",
                 "The army launched its cross-border incursion in spring.",
                 "Analysts described a brazen campaign that surprised the capital.",
                 "The Damascus regime's forces withdrew.")
    frame_dossier(d)
    op = _terms(d, "military operation")
    assert "attempted incursion" in op["a0"]
    assert "cross-border incursion" in op["a1"]
    assert "brazen campaign" in op["a2"]
    assert _terms(d, "labels for a government")["a3"] == ["Damascus regime"]


def test_place_name_spellings_are_aligned_and_capitalised_words_are_not_verbs():
    d = _dossier("Shelling hit Kharkov overnight, the Odessa Free Press reported.", "Shelling hit Kharkiv overnight.")
    frame_dossier(d)
    assert _terms(d, "Kharkiv") == {"a0": ["Kharkov"], "a1": ["Kharkiv"]}
    retake = [f for f in d.framing if "taking back" in f.concept]
    assert not retake, "'Free' in an outlet name is not the verb 'free'"


def test_region_designators_are_compared_per_place_only_when_they_differ():
    d = _dossier("Fighting continued in Sumy Oblast and in Kharkiv region.", "Fighting continued in the Sumy region and in Kharkiv region.")
    frame_dossier(d)
    concepts = [f.concept for f in d.framing if "designated" in f.concept]
    assert any(c.endswith("Sumy") for c in concepts)
    assert not any(c.endswith("Kharkiv") for c in concepts)


def test_every_framing_evidence_span_slices_the_article_text():
    d = make_dossier()
    frame_dossier(d)
    texts = {a.id: a.text for a in d.articles}
    assert d.framing
    for f in d.framing:
        for sp in f.evidence:
            assert texts[sp.article][sp.start:sp.end] == sp.text


def test_distancing_and_hedging_cues_come_from_the_claims():
    d = make_dossier()
    frame_dossier(d)
    assert _terms(d, "distancing")["herald"] == ["so-called"]
    assert _terms(d, "hedges")["blog"] == ["Reportedly"]


def test_log_odds_ranks_words_one_outlet_alone_uses_without_a_frequency_floor():
    from collections import Counter

    counts = {"x": Counter({"junta": 1, "army": 3, "city": 2}), "y": Counter({"government": 1, "army": 3, "city": 2}),
              "z": Counter({"army": 2, "city": 2, "government": 1})}
    out = log_odds_dirichlet(counts)
    assert out["x"][0].word == "junta" and out["x"][0].count == 1
    assert all(w.word != "army" or w.z < out["x"][0].z for w in out["x"])
    assert log_odds_dirichlet({"only": Counter({"a": 1})}) == {"only": []}


def test_distinctive_words_keep_unicode_intact():
    d = _dossier("Die Truppen verließen Zürich; the envoy met officials in Kyïv.", "The envoy met officials in the capital.")
    frame_dossier(d)
    words = [w.word for w in d.distinctive_words["a0"]]
    assert "zürich" in words and "kyïv" in words and "verließen" in words
    assert "zürich" in tokens_of("Zürich")


def test_kursk_framing_recall_against_the_gold_reading(kursk_dossier):
    import json
    import unicodedata
    from pathlib import Path

    import pytest

    gold_path = Path(__file__).resolve().parents[2] / "shared" / "gold" / "kursk.gold.json"
    if not gold_path.exists():
        pytest.skip(f"{gold_path} is absent")

    def norm(s):
        s = unicodedata.normalize("NFKC", s).replace("\u2019", "'").replace("\u2018", "'")
        return " ".join(s.split()).lower()

    have = {(a, norm(t)) for f in kursk_dossier.framing for a, ts in f.terms.items() for t in ts}
    ok = tot = 0
    for f in json.loads(gold_path.read_text(encoding="utf-8"))["framing"]:
        for a, vs in f["variants"].items():
            for v in vs:
                tot += 1
                ok += any(x == a and (norm(v) in t or t in norm(v)) for x, t in have if t)
    assert ok / tot >= 0.70, f"{ok}/{tot}"
