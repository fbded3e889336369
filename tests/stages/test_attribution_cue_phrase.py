"""The cue phrase around a reporting verb (auxiliaries, negation, adverbs, particle), on sentences
written for these tests."""
from __future__ import annotations

from extractkit import checked_attributions


def _one(atts, cue):
    found = [a for a in atts if a.cue and a.cue.lower() == cue]
    assert found, [a.cue for a in atts]
    return found[0]


def _phrase(text, a):
    assert a.cue_phrase_start is not None, (a.cue, a.cue_start)
    return text[a.cue_phrase_start:a.cue_phrase_end]


def test_auxiliary_and_adverb_before_the_verb_join_the_cue_phrase(run_article):
    text = "The harbour master has also said that the pier will stay closed until spring."
    a = _one(checked_attributions(run_article, text), "said")
    assert _phrase(text, a) == "has also said"
    assert text[a.cue_start:a.cue_end] == "said"  # the cue itself stays the verb


def test_negation_before_the_verb_joins_the_cue_phrase(run_article):
    text = "The school board did not deny that the budget would be cut by a third."
    a = _one(checked_attributions(run_article, text), "deny")
    assert _phrase(text, a) == "did not deny"


def test_particle_after_the_verb_joins_the_cue_phrase(run_article):
    text = "The inspector has pointed out that the bridge had not been painted in years."
    a = _one(checked_attributions(run_article, text), "pointed")
    assert _phrase(text, a) == "has pointed out"


def test_bare_verb_cue_has_no_wider_phrase(run_article):
    text = "The harbour master said that the pier will stay closed until spring."
    a = _one(checked_attributions(run_article, text), "said")
    assert a.cue_phrase_start is None and a.cue_phrase_end is None


def test_preposition_after_the_verb_stays_out_of_the_cue_phrase(run_article):
    text = "The harbour master said on Friday that the pier will stay closed until spring."
    a = _one(checked_attributions(run_article, text), "said")
    assert a.cue_phrase_start is None
