"""Acceptance on the seed articles: the two cross-article checks the gold reading asks for."""
from __future__ import annotations


def test_derived_whole_and_range_checks_are_found(kursk_dossier):
    d = kursk_dossier
    consistent = [c for c in d.checks if c.type == "consistent"]
    derived = [c for c in consistent if "implies" in c.explanation]
    assert derived, [c.explanation for c in d.checks]
    assert len({q.article for q in derived[0].quantities}) >= 2
    # the point inside the other article's range: alone ("lies inside") or in a group of figures that
    # all agree (since vague plurals are ranges, "thousands of ... troops" may join them)
    inside = [c for c in consistent if {"around 11,000 troops", "between 10,000 and 12,000 troops"} <= {q.text for q in c.quantities}]
    assert inside and len({q.article for q in inside[0].quantities}) >= 2
    assert "inside" in inside[0].explanation or "all compatible with" in inside[0].explanation


def test_every_quantity_slices_its_article(kursk_dossier):
    texts = {a.id: a.text for a in kursk_dossier.articles}
    assert kursk_dossier.quantities and kursk_dossier.checks
    for q in kursk_dossier.quantities:
        assert texts[q.article][q.start:q.end] == q.text
    for c in kursk_dossier.checks:
        for r in c.quantities:
            assert texts[r.article][r.start:r.end] == r.text
