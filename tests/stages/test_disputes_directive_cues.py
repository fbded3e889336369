"""Which reporting cues make a claim a demand (link/disputes.py ``is_directive``, cues in
data/en/disputes.yaml): a demand and its refusal can both hold, so a contradiction with a demand
is dropped; a label ("called the vote a fraud") or an insistence that something is so ("insisted
the drone was a survey aircraft") states a fact and keeps its contradictions. Sentences
written for this test."""
from __future__ import annotations

import pytest
from test_relations_signals import build

from rashomon.link.disputes import is_directive
from rashomon.link.relations.context import claim_views
from rashomon.state import CorpusState

CASES = [
    ("The ministry insisted the drone was a survey aircraft that drifted off course.", "insisted", False),
    ("The mayor called the flood warning a complete failure of the council.", "called", False),
    ("The senator called out the governor for a misleading account of the spill.", "called", False),
    ("The union called for a new inquiry into the spill.", "called", True),
    ("The governor called on residents to leave the valley before dark.", "called", True),
    ("The union insisted on a new inquiry into the spill.", "insisted", True),
    ("The union demanded that the council resign.", "demanded", True),
]


@pytest.fixture(scope="module")
def views():
    d = build([(f"a{i}", "2024-05-02", text, "speaker", None, f"k{i}", "asserted") for i, (text, _cue, _want) in enumerate(CASES)])
    for c, (_text, cue, _want) in zip(d.claims, CASES):
        c.cue = cue
    return {v.claim.text: v for v in claim_views(CorpusState(dossier=d))}


@pytest.mark.parametrize("text,cue,want", CASES)
def test_only_a_demand_or_a_call_for_action_is_a_directive(views, text, cue, want):
    assert is_directive(views[text]) is want, (cue, text)
