"""The per-text readings the relation and linking stages keep (to read a text once, not once per
pair) give what reading it afresh gives, and a caller cannot change what the next caller gets:

- ``negation_targets(x, ys)`` keeps exactly the claims of ``ys`` that ``negation_aims_at(x, y)``
  accepts, in their order;
- ``state_poles`` returns a fresh copy each time;
- ``content_words`` returns a fresh list each time, for a claim and for a long text alike.

Sentences written for these tests; propositions built by hand (offsets slice the claim text).
"""
from __future__ import annotations

import numpy as np

from rashomon.link.features import content_words
from rashomon.link.relations.context import ClaimView
from rashomon.link.relations.lexicon import state_poles
from rashomon.link.relations.targets import negation_aims_at, negation_targets
from rashomon.models import Claim, Proposition, PropSlot, Span


def _slot(text: str, part: str, head: str) -> PropSlot:
    start = text.index(part)
    return PropSlot(text=part, start=start, end=start + len(part), head=head)


def _view(cid: str, text: str, predicate: str, head: str, polarity: str = "asserted", patient: tuple | None = None) -> ClaimView:
    prop = Proposition(predicate=_slot(text, predicate, head), polarity=polarity,
                       patient=_slot(text, *patient) if patient else None)
    claim = Claim(id=cid, article=f"art-{cid}", text=text, start=0, end=len(text), polarity=polarity, proposition=prop)
    return ClaimView(claim=claim, text=text, span=Span(article=claim.article, start=0, end=len(text), text=text),
                     cluster=f"k-{cid}", side=None, speaker=None, speaker_name=None, date=None, date_source="",
                     vec=np.zeros(3, dtype=np.float32))


DENIAL = _view("x", "The ferry did not sink near the harbour.", "sink", "sink", "denied", ("ferry", "ferry"))
OTHERS = [
    _view("a", "The ferry sank near the harbour on Friday.", "sank", "sink", patient=("ferry", "ferry")),
    _view("b", "The harbour reopened to ships on Saturday.", "reopened", "reopen", patient=("harbour", "harbour")),
    _view("c", "The ferry did not sink, the captain insisted.", "sink", "sink", "denied", ("ferry", "ferry")),
    _view("d", "Divers said the ferry sank in deep water.", "sank", "sink", patient=("ferry", "ferry")),
]


def test_slots_of_the_handmade_propositions_slice_their_claims():
    for v in [DENIAL, *OTHERS]:
        p = v.claim.proposition
        assert v.text[p.predicate.start:p.predicate.end] == p.predicate.text


def test_negation_targets_keeps_what_negation_aims_at_accepts_in_order():
    expected = [v for v in OTHERS if negation_aims_at(DENIAL, v)]
    assert [v.claim.id for v in negation_targets(DENIAL, OTHERS)] == [v.claim.id for v in expected]
    assert [v.claim.id for v in expected] == ["a", "d"]  # the assertions of "sink", not the other denial


def test_negation_targets_of_an_asserted_claim_is_empty():
    assert negation_targets(OTHERS[0], OTHERS[1:]) == []
    assert not any(negation_aims_at(OTHERS[0], v) for v in OTHERS[1:])


def test_state_poles_gives_each_caller_its_own_copy():
    text = "Officials said the commander survived the raid."
    first = state_poles(text, strict=True)
    assert first["alive"][0] == "alive"
    first["alive"][1].clear()
    first.pop("alive")
    again = state_poles(text, strict=True)
    assert again["alive"][0] == "alive" and again["alive"][1]


def test_content_words_gives_a_fresh_list_for_short_and_long_texts():
    short = "Rescuers pulled twelve passengers from the water."
    long_ = " ".join([short] * 60)  # longer than the kept texts
    for text in (short, long_):
        words = content_words(text)
        assert "rescuer" in words
        words.clear()
        assert content_words(text) and "rescuer" in content_words(text)
    assert content_words(long_) == content_words(short) * 60
