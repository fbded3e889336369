"""With the setting ``relations.falsity_rebuttals`` (off by default), a claim that calls a
statement false ("the lie is this: that ...", "the claim defies logic") rebuts, by topic, the
claims of other articles that assert it (link/relations/rules.py ``denial_findings``,
``falsity_words`` of data/en/relation_words.yaml; the dispute stances of link/dispute_stances.py
read it as a rejection).
Near misses stay silent: two claims that both call the report false agree; a word that describes a
thing ("a prank video") is no rebuttal; a falsity word about another matter does not contradict
the report; a demand and its refusal can both be true. Also the date rule's near miss that the FNC
stories showed: one voice giving two dates in one report speaks of two happenings (no
contradiction), while two reports putting one happening on different days still contradict; a
rebuttal phrase inside double quotation marks is still read; near copies of one sentence are
never a learned contradiction. Sentences written for these tests."""
from __future__ import annotations

import pytest
from test_relations_signals import assert_evidence_slices, build, contradictions, pairs_of, run

from rashomon.link.relations.targets import falsity_hits

REPORT = "The water board opened the Orvel dam on Sunday night and flooded the farms of the valley, residents said."
REPORT_2 = "Farms in the Orvel valley were flooded after the water board opened the dam on Sunday, a farmer said."
LIE = "The lie is this: that the water board opened the Orvel dam and flooded the farms of the valley."
LOGIC = "The claim that the water board opened the Orvel dam and flooded the valley farms defies logic, engineers said."
PRANK = "A prank video of the Orvel dam and the flooded valley farms was shared widely on Sunday."
OTHER = "Reports that the mayor of Orvel had resigned over the floods are untrue, his office said."


@pytest.fixture
def falsity_on(monkeypatch):
    """The setting ``relations.falsity_rebuttals`` switched on for one test."""
    monkeypatch.setenv("RASHOMON_RELATIONS__FALSITY_REBUTTALS", "true")


def test_without_the_setting_a_claim_calling_the_report_a_lie_is_no_rebuttal():
    d = build([
        ("a1", "2024-02-05", REPORT, "residents", None, "k1", "asserted"),
        ("a2", "2024-02-06", LIE, None, None, "k2", "asserted"),
    ])
    assert contradictions(run(d), "denial") == []


def test_falsity_hits_slice_the_words_that_call_a_statement_false():
    for text, word in ((LIE, "the lie"), (LOGIC, "defies logic"), ("The story was fabricated, experts said.", "fabricated")):
        hits = falsity_hits(text)
        assert hits, text
        s, e, _ = hits[0]
        assert text[s:e].lower() == word
    assert falsity_hits(PRANK) == []
    assert falsity_hits("The video was a hoax made by pranksters.") == []


def test_a_claim_that_calls_the_report_a_lie_contradicts_each_report(falsity_on):
    d = build([
        ("a1", "2024-02-05", REPORT, "residents", None, "k1", "asserted"),
        ("a2", "2024-02-05", REPORT_2, "farmer", None, "k2", "asserted"),
        ("a3", "2024-02-06", LIE, None, None, "k3", "asserted"),
    ])
    rels = contradictions(run(d), "denial")
    assert pairs_of(rels) == {frozenset(("k1", "k3")), frozenset(("k2", "k3"))}
    for r in rels:
        assert_evidence_slices(d, r)
        assert any(sp.text.lower() == "the lie" for sp in r.evidence)


def test_a_claim_said_to_defy_logic_is_contradicted(falsity_on):
    d = build([
        ("a1", "2024-02-05", REPORT, "residents", None, "k1", "asserted"),
        ("a2", "2024-02-06", LOGIC, "engineers", None, "k2", "asserted"),
    ])
    rels = contradictions(run(d), "denial")
    assert pairs_of(rels) == {frozenset(("k1", "k2"))}
    assert_evidence_slices(d, rels[0])
    assert any(sp.text == "defies logic" for sp in rels[0].evidence)


def test_two_claims_that_call_the_report_false_agree(falsity_on):
    d = build([
        ("a1", "2024-02-05", REPORT, "residents", None, "k1", "asserted"),
        ("a2", "2024-02-06", LIE, None, None, "k2", "asserted"),
        ("a3", "2024-02-06", LOGIC, "engineers", None, "k3", "asserted"),
    ])
    pairs = pairs_of(contradictions(run(d)))
    assert frozenset(("k2", "k3")) not in pairs
    assert frozenset(("k1", "k2")) in pairs and frozenset(("k1", "k3")) in pairs


def test_a_word_that_describes_a_thing_or_another_matter_is_no_rebuttal(falsity_on):
    d = build([
        ("a1", "2024-02-05", REPORT, "residents", None, "k1", "asserted"),
        ("a2", "2024-02-06", PRANK, None, None, "k2", "asserted"),
        ("a3", "2024-02-06", OTHER, "mayor's office", None, "k3", "asserted"),
    ])
    assert contradictions(run(d)) == []


def test_a_demand_and_its_refusal_are_no_falsity_rebuttal(falsity_on):
    d = build([
        ("a1", "2024-02-05", "Farmers demanded that the water board pay for the flooded farms of the Orvel valley.",
         "farmers", "Farmers", "k1", "asserted"),
        ("a2", "2024-02-06", "The water board refused to pay for the flooded farms of the Orvel valley, its chairman said.",
         "chairman", "Board", "k2", "asserted"),
    ])
    assert contradictions(run(d), "denial") == []


def _dated(sentences_and_days):
    """Claims with one day-precision date each: ``(article, sentence, date phrase, ISO day, speaker)``."""
    from rashomon.models import TimeExpr

    items, times, offset = [], [], {}
    for i, (art, sent, phrase, day, speaker) in enumerate(sentences_and_days):
        base = offset.get(art, 0)
        start = base + sent.index(phrase)
        times.append(TimeExpr(id=f"t{i}", article=art, text=phrase, start=start, end=start + len(phrase), value=day))
        items.append((art, "2024-05-10", sent, speaker, None, f"k{i + 1}", "asserted"))
        offset[art] = base + len(sent) + 1
    return build(items, times=times)


def test_two_dates_from_one_voice_in_one_report_are_two_happenings():
    d = _dated([
        ("a1", "The fake bulletin about the Orvel dam was first posted on May 2, the editors said.", "May 2", "2024-05-02", None),
        ("a1", "The real bulletin about the Orvel dam was posted on May 4, the editors said.", "May 4", "2024-05-04", None),
    ])
    assert contradictions(run(d), "date") == []


def test_two_reports_that_put_one_happening_on_different_days_still_contradict():
    d = _dated([
        ("a1", "The bulletin about the Orvel dam was first posted on May 2, the editors said.", "May 2", "2024-05-02", "editors"),
        ("a2", "The bulletin about the Orvel dam was first posted on May 4, a reader said.", "May 4", "2024-05-04", "reader"),
    ])
    rels = contradictions(run(d), "date")
    assert len(rels) == 1
    assert_evidence_slices(d, rels[0])


def test_a_quoted_rebuttal_word_is_still_read_and_its_offsets_slice_the_text():
    from rashomon.link.relations.rules import _rebuttal_hits

    text = "The board said that claims the dam was opened on purpose are “categorically false.”"
    verbs, sents = _rebuttal_hits(text)
    assert sents
    for s, e, matched in sents:
        assert text[s:e] == matched
    assert any("false" in m for _s, _e, m in sents)
    assert _rebuttal_hits("The board called the plan to open the dam “ambitious” and “overdue.”") == ([], [])


def test_a_report_and_a_quoted_categorical_denial_contradict():
    quoted = "The water board said claims that it opened the Orvel dam and flooded the valley farms are “categorically false.”"
    d = build([
        ("a1", "2024-02-05", REPORT, "residents", None, "k1", "asserted"),
        ("a2", "2024-02-06", quoted, "water board", "Board", "k2", "asserted"),
    ])
    rels = contradictions(run(d), "denial")
    assert pairs_of(rels) == {frozenset(("k1", "k2"))}
    assert_evidence_slices(d, rels[0])


def test_near_copies_are_never_a_learned_contradiction_but_a_changed_figure_or_negation_is_no_copy():
    from rashomon.link.relations.classifier import near_copies
    from rashomon.link.relations.context import claim_views
    from rashomon.pipeline import CorpusState

    a = "A ferry captain from Dunmore was missing for more than 48 hours before divers found him alive."
    typo = "A ferry captain from Dunmorre was missing for more than 48 hours before divers found him alive."
    figure = "A ferry captain from Dunmore was missing for more than 72 hours before divers found him alive."
    negated = "A ferry captain from Dunmore was not missing for more than 48 hours before divers found him alive."
    d = build([("a1", "2024-02-05", a, None, None, "k1", "asserted"), ("a2", "2024-02-05", typo, None, None, "k2", "asserted"),
               ("a3", "2024-02-05", figure, None, None, "k3", "asserted"), ("a4", "2024-02-05", negated, None, None, "k4", "asserted")])
    v = {x.cluster: x for x in claim_views(CorpusState(dossier=d))}
    assert near_copies(v["k1"], v["k2"])
    assert not near_copies(v["k1"], v["k3"])
    assert not near_copies(v["k1"], v["k4"])


def test_a_copy_cut_short_is_a_near_copy_but_a_shorter_claim_with_other_words_is_not():
    from rashomon.link.relations.classifier import near_copies
    from rashomon.link.relations.context import claim_views
    from rashomon.pipeline import CorpusState

    full = "A ferry captain from Dunmore was missing for more than 48 hours before divers were able to pull him from the wreck."
    cut = "A ferry captain from Dunmorre was missing for more than 48 hours before divers were able to pull"
    other = "A ferry captain from Dunmore was missing for more than 48 hours before police called off the search."
    d = build([("a1", "2024-02-05", full, None, None, "k1", "asserted"), ("a2", "2024-02-05", cut, None, None, "k2", "asserted"),
               ("a3", "2024-02-05", other, None, None, "k3", "asserted")])
    v = {x.cluster: x for x in claim_views(CorpusState(dossier=d))}
    assert near_copies(v["k1"], v["k2"]) and near_copies(v["k2"], v["k1"])
    assert not near_copies(v["k1"], v["k3"])
