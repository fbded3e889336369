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
