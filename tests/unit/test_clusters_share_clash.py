"""Two claims that give one named holder shares that cannot both hold ("The Harbour Party secured
54.2%" / "..., while the ruling Harbour Party - 40.9%") contradict, so the claim-pair score of the
clustering stage keeps them apart as it does opposite poles of one state
(``clusters.state_conflict_penalty``); the same holder's agreeing figures, and another holder's,
pay nothing. Sentences written for this test; no model is loaded (hand-made vectors)."""
from __future__ import annotations

import numpy as np

from rashomon.link.clusters import PairScorer, _params
from rashomon.link.features import ClaimFeatures
from rashomon.link.relations.shares import held_shares
from rashomon.models import Quantity, SIValue

RESULT = "The Harbour Party secured 54.2% of the votes, while the three opposition groups earned 38.1%."
POLL = "According to their data, opposition forces receive 51.9% of the votes, while the ruling Harbour Party – 40.9%."
AGREE = "Official figures show the Harbour Party won 54.1% of the votes."
OTHER = "The Valley Party secured 54.2% of the votes, while the three opposition groups earned 38.1%."


def _features(art: str, text: str, figures: list[str]) -> ClaimFeatures:
    qs = []
    for fig in figures:
        start = text.index(fig)
        value = float(fig.rstrip("%"))
        qs.append(Quantity(id=f"q-{art}-{start}", article=art, text=fig, start=start, end=start + len(fig), value=value,
                           unit="%", si=SIValue(value=value / 100, unit="fraction")))
    f = ClaimFeatures(words=["party", "vote", "share"], numbers={float(q.value) for q in qs})
    f.shares = held_shares(text, 0, qs)
    return f


def _score(a: ClaimFeatures, b: ClaimFeatures) -> float:
    vectors = np.array([[1.0, 0.0], [1.0, 0.0]])
    return PairScorer(vectors, [a, b], ["a1", "a2"], dict(_params())).score(0, 1)


def test_held_shares_name_the_holder_of_each_figure_and_offsets_slice_it():
    shares = held_shares(POLL, 0, [Quantity(id="q", article="a2", text="40.9%", start=POLL.index("40.9%"),
                                            end=POLL.index("40.9%") + 5, value=40.9, unit="%")])
    [(holder, q)] = shares
    assert holder == "Harbour Party" and POLL[q.start:q.end] == "40.9%"


def test_shares_of_one_holder_that_cannot_both_hold_pay_the_state_conflict_penalty():
    result, poll = _features("a1", RESULT, ["54.2%", "38.1%"]), _features("a2", POLL, ["51.9%", "40.9%"])
    plain_result, plain_poll = _features("a1", RESULT, ["54.2%", "38.1%"]), _features("a2", POLL, ["51.9%", "40.9%"])
    plain_result.shares, plain_poll.shares = [], []
    penalty = _params()["state_conflict_penalty"]
    assert penalty > 0
    assert abs((_score(plain_result, plain_poll) - _score(result, poll)) - penalty) < 1e-9


def test_agreeing_shares_or_another_holder_pay_nothing():
    result = _features("a1", RESULT, ["54.2%", "38.1%"])
    agree = _features("a2", AGREE, ["54.1%"])
    assert result.shares and agree.shares
    bare_agree = _features("a2", AGREE, ["54.1%"])
    bare_agree.shares = []
    assert _score(result, agree) == _score(result, bare_agree)  # 54.2% / 54.1%: one figure reported twice
    other, poll = _features("a1", OTHER, ["54.2%", "38.1%"]), _features("a2", POLL, ["51.9%", "40.9%"])
    bare_other = _features("a1", OTHER, ["54.2%", "38.1%"])
    bare_other.shares = []
    assert _score(other, poll) == _score(bare_other, poll)  # the Valley Party's share is another holder's
