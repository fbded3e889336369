"""Every claim, attribution and actor mention of the seed dossier slices its article text exactly."""
from __future__ import annotations


def test_every_claim_attribution_and_mention_slices_the_cleaned_text(kursk_dossier):
    text = {a.id: a.text for a in kursk_dossier.articles}
    assert kursk_dossier.claims and kursk_dossier.attributions and kursk_dossier.actors
    for c in kursk_dossier.claims:
        assert text[c.article][c.start:c.end] == c.text
        if c.speaker is not None and c.speaker.start is not None:
            assert text[c.article][c.speaker.start:c.speaker.end] == c.speaker.text
    for a in kursk_dossier.attributions:
        for s in a.content:
            assert text[a.article][s.start:s.end] == s.text
        if a.cue_start is not None:
            assert text[a.article][a.cue_start:a.cue_end] == a.cue
    for actor in kursk_dossier.actors:
        for m in actor.mentions:
            arts = actor.articles or ([actor.article] if actor.article else [])
            assert any(text.get(x, "")[m.start:m.end] == m.text for x in arts)


def test_claim_ids_are_unique_and_per_article(kursk_dossier):
    ids = [c.id for c in kursk_dossier.claims]
    assert ids and len(ids) == len(set(ids))
    assert all(c.id.startswith("c") and "-" in c.id for c in kursk_dossier.claims)


def test_claim_propositions_slice_the_text_and_point_at_dossier_records(kursk_dossier):
    """Most claims of the seed dossier carry a proposition; every slot slices its article's text,
    argument slots name dossier actors (not per-article ids) and time/quantity slots name dossier
    records of the same claim."""
    d = kursk_dossier
    text = {a.id: a.text for a in d.articles}
    actors = {a.id for a in d.actors}
    times = {t.id for t in d.times}
    quantities = {q.id for q in d.quantities}
    with_prop = [c for c in d.claims if c.proposition is not None]
    assert len(with_prop) >= 0.8 * len(d.claims)
    named = 0
    for c in with_prop:
        for name, slot in c.proposition:
            if slot is None or not hasattr(slot, "start"):
                continue
            assert text[c.article][slot.start:slot.end] == slot.text, (c.id, name)
            if slot.actor is not None:
                assert slot.actor in actors, (c.id, name, slot.actor)
                named += 1
        if c.proposition.time is not None:
            assert c.proposition.time.ref in times and c.proposition.time.ref in c.times
        if c.proposition.quantity is not None:
            assert c.proposition.quantity.ref in quantities and c.proposition.quantity.ref in c.quantities
    assert named >= 10
