"""Counts of one counted kind under different words (link/relations/tolls.py, ``counts.unit_kinds``
of data/en/conflict_slots.yaml: "cases" and "incidents"), and a bound ("more than 1,500") that is
no "other part"; each with near misses that must stay silent (another kind, another place, a
later higher count, an added group). Sentences written for these tests."""
from __future__ import annotations

from test_relations_signals import assert_evidence_slices, build, contradictions, run


def _q(art, sent, figure, value, unit=None, bound=None, qualifier=None, approx=False):
    from rashomon.models import Quantity

    start = sent.index(figure)
    return Quantity(id=f"q-{art}-{start}", article=art, text=figure, start=start, end=start + len(figure),
                    value=value, unit=unit, bound=bound, qualifier=qualifier, approx=approx)


CASES = "Investigators in Varnholt reviewed more than 1,500 reported cases of the mystery illness, the panel said."
INCIDENTS = "The inquiry in Varnholt looked into approximately 1,000 incidents of the mystery illness, the ministry said."


def _cases_vs(sent, figure, value, unit, date="2024-05-02", approx=True):
    qs = [_q("a1", CASES, "more than 1,500 reported cases", 1500, unit="cases", bound="lower", qualifier="more than"),
          _q("a2", sent, figure, value, unit=unit, qualifier="approximately" if approx else None, approx=approx)]
    return build([("a1", "2024-05-02", CASES, "panel", "Panel", "k1", "asserted"),
                  ("a2", date, sent, "ministry", "Ministry", "k2", "asserted")], quantities=qs)


def test_cases_and_incidents_of_one_inquiry_that_cannot_both_hold_contradict():
    d = _cases_vs(INCIDENTS, "approximately 1,000 incidents", 1000, "incidents")
    rels = contradictions(run(d), "count")
    assert len(rels) == 1 and {rels[0].a, rels[0].b} == {"k1", "k2"}
    assert "1,500" in rels[0].explanation and "1,000" in rels[0].explanation
    assert_evidence_slices(d, rels[0])
    assert {"more than 1,500 reported cases", "approximately 1,000 incidents"} <= {sp.text for sp in rels[0].evidence}


def test_cases_against_a_figure_of_another_kind_do_not_contradict():
    other = "The inquiry in Varnholt looked into approximately 1,000 clinics that treated the mystery illness, the ministry said."
    d = _cases_vs(other, "approximately 1,000 clinics", 1000, "clinics")
    assert contradictions(run(d), "count") == []


def test_cases_in_another_place_do_not_contradict():
    other = "The inquiry in Doramund looked into approximately 1,000 incidents of the mystery illness, the ministry said."
    d = _cases_vs(other, "approximately 1,000 incidents", 1000, "incidents")
    assert contradictions(run(d), "count") == []


def test_cases_that_overlap_once_the_bound_is_read_do_not_contradict():
    other = "The inquiry in Varnholt looked into 1,800 incidents of the mystery illness, the ministry said."
    d = _cases_vs(other, "1,800 incidents", 1800, "incidents", approx=False)
    assert contradictions(run(d), "count") == []


def test_a_lower_bound_on_the_dead_is_counted_and_an_added_group_is_not():
    s1 = "More than 2,000 people died in the floods in Arlow, the relief agency said."
    s2 = "The floods in Arlow killed 700 people, the governor said."
    s3 = "Another 700 people died in the floods in Arlow, the mayor said."
    qs = [_q("a1", s1, "More than 2,000 people", 2000, unit="people", bound="lower", qualifier="More than"),
          _q("a2", s2, "700 people", 700, unit="people"), _q("a3", s3, "Another 700 people", 700, unit="people")]
    d = build([("a1", "2024-09-16", s1, "relief agency", "Aid agencies", "k1", "asserted"),
               ("a2", "2024-09-16", s2, "governor", "Government", "k2", "asserted"),
               ("a3", "2024-09-16", s3, "mayor", "City", "k3", "asserted")], quantities=qs)
    from rashomon.link.relations.context import claim_views
    from rashomon.link.relations.tolls import count_kind
    from rashomon.pipeline import CorpusState

    kinds = {q.text: count_kind(v, q) for v in claim_views(CorpusState(dossier=d)) for q in v.quantities}
    assert kinds == {"More than 2,000 people": "dead", "700 people": "dead", "Another 700 people": None}
    rels = contradictions(run(d))
    assert {"k1", "k2"} in [{r.a, r.b} for r in rels]
    assert [r for r in rels if r.signal == "count" and "k3" in (r.a, r.b)] == []  # "another 700": a further group
