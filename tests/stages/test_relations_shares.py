"""Shares of one named holder that cannot both hold (link/relations/shares.py): a result and an
exit poll worded differently, each listing several holders, contradict on the holder they share;
near misses stay silent (another holder, figures within 10%, another measured noun, another
place, a later figure from the same source is an update). Sentences written for these tests."""
from __future__ import annotations

from test_relations_signals import assert_evidence_slices, build, contradictions, run

from rashomon.models import Quantity, SIValue

RESULT = "The Harbour Party secured 54.2% of the votes, while the three opposition groups earned 38.1%."
POLL = "According to their data, opposition forces receive 51.9% of the votes, while the ruling Harbour Party – 40.9%."


def _share(art, sent, figure, value, noun=None):
    start = sent.index(figure)
    return Quantity(id=f"q-{art}-{start}", article=art, text=figure, start=start, end=start + len(figure), value=value,
                    unit="%", si=SIValue(value=value / 100, unit="fraction"), about_keys=[f"n:{noun}"] if noun else [])


def _pair(result=RESULT, figure="54.2%", value=54.2, noun="vote", poll_speaker="pollster", poll_side="Pollsters",
          date="2024-10-27"):
    qs = [_share("a1", result, figure, value, noun), _share("a1", result, "38.1%", 38.1),
          _share("a2", POLL, "51.9%", 51.9, "vote"), _share("a2", POLL, "40.9%", 40.9)]
    return build([("a1", "2024-10-27", result, "election commission", "Commission", "k1", "asserted"),
                  ("a2", date, POLL, poll_speaker, poll_side, "k2", "asserted")], quantities=qs)


def test_shares_of_one_holder_from_a_result_and_an_exit_poll_contradict():
    d = _pair()
    rels = contradictions(run(d), "numeric")
    assert len(rels) == 1 and {rels[0].a, rels[0].b} == {"k1", "k2"}
    assert "Harbour Party" in rels[0].explanation and "54.2%" in rels[0].explanation and "40.9%" in rels[0].explanation
    assert_evidence_slices(d, rels[0])
    assert {"54.2%", "40.9%"} <= {sp.text for sp in rels[0].evidence}


def test_the_holder_is_the_name_just_before_the_figure_in_its_clause():
    from rashomon.link.relations.context import claim_views
    from rashomon.link.relations.shares import share_holder
    from rashomon.pipeline import CorpusState

    views = claim_views(CorpusState(dossier=_pair()))
    holders = {q.text: share_holder(v, q) for v in views for q in v.quantities}
    assert holders == {"54.2%": "Harbour Party", "38.1%": None, "51.9%": None, "40.9%": "Harbour Party"}


def test_shares_of_another_holder_do_not_contradict():
    other = "The Valley Party secured 54.2% of the votes, while the three opposition groups earned 38.1%."
    assert contradictions(run(_pair(result=other)), "numeric") == []


def test_shares_within_ten_percent_of_each_other_do_not_contradict():
    close = "The Harbour Party secured 43.0% of the votes, while the three opposition groups earned 38.1%."
    assert contradictions(run(_pair(result=close, figure="43.0%", value=43.0)), "numeric") == []


def test_a_share_of_another_measured_noun_does_not_contradict_a_share_of_the_votes():
    seats = "The Harbour Party secured 54.2% of the seats, while the three opposition groups earned 38.1%."
    polls = "According to their data, opposition forces receive 51.9% of the seats, while the ruling Harbour Party – 40.9% of the votes."
    qs = [_share("a1", seats, "54.2%", 54.2, "seat"), _share("a2", polls, "40.9%", 40.9, "vote")]
    d = build([("a1", "2024-10-27", seats, "election commission", "Commission", "k1", "asserted"),
               ("a2", "2024-10-27", polls, "pollster", "Pollsters", "k2", "asserted")], quantities=qs)
    assert contradictions(run(d), "numeric") == []


def test_shares_of_one_holder_in_two_places_do_not_contradict():
    town = "The Harbour Party secured 54.2% of the votes in Arlow, while the three opposition groups earned 38.1%."
    poll = "Opposition forces receive 51.9% of the votes in Bexmoor, while the ruling Harbour Party – 40.9%."
    qs = [_share("a1", town, "54.2%", 54.2, "vote"), _share("a2", poll, "40.9%", 40.9)]
    d = build([("a1", "2024-10-27", town, "election commission", "Commission", "k1", "asserted"),
               ("a2", "2024-10-27", poll, "pollster", "Pollsters", "k2", "asserted")], quantities=qs)
    assert contradictions(run(d), "numeric") == []


def test_a_later_share_from_the_same_source_is_an_update_not_a_contradiction():
    d = _pair(poll_speaker="election commission", poll_side="Commission", date="2024-10-29")
    rels = run(d)
    assert contradictions(rels, "numeric") == []
    assert [r for r in rels if r.type == "updates" and r.signal == "numeric" and {r.a, r.b} == {"k1", "k2"}]


def test_shares_measured_by_one_named_source_about_two_questions_do_not_contradict():
    back = "The Meridian Institute found 54.2% of voters back the new port plan."
    oppose = "The Meridian Institute found 30.5% of voters oppose the new port plan."
    qs = [_share("a1", back, "54.2%", 54.2, "voter"), _share("a2", oppose, "30.5%", 30.5, "voter")]
    d = build([("a1", "2024-10-27", back, None, None, "k1", "asserted"),
               ("a2", "2024-10-27", oppose, None, None, "k2", "asserted")], quantities=qs)
    from rashomon.link.relations.context import claim_views
    from rashomon.link.relations.shares import share_findings, share_holder
    from rashomon.pipeline import CorpusState

    views = claim_views(CorpusState(dossier=d))
    assert [share_holder(v, q) for v in views for q in v.quantities] == [None, None]
    assert share_findings(views) == []


def test_a_day_before_the_figure_is_no_holder():
    from rashomon.link.relations.context import claim_views
    from rashomon.link.relations.shares import share_holder
    from rashomon.pipeline import CorpusState

    counted = "By Sunday 99.6% of the ballots had been counted."
    d = build([("a1", "2024-10-27", counted, None, None, "k1", "asserted")],
              quantities=[_share("a1", counted, "99.6%", 99.6, "ballot")])
    assert [share_holder(v, q) for v in claim_views(CorpusState(dossier=d)) for q in v.quantities] == [None]
