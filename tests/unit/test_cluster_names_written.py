"""The hand score's different-names penalty (``clusters.entity_mismatch_penalty``) and the
minimal-pair specifics: a name the entity tagger found on one side only is not "another name"
when the other claim writes it; two claims that name different people still pay."""
from __future__ import annotations

import numpy as np
import pytest

from rashomon.link.clusters import PairScorer, _params
from rashomon.link.features import ClaimFeatures, content_words

FILLER = ["Officials met on the budget plan for the coming year.", "Rain is expected over the coast this week.",
          "The school board approved new textbooks for pupils.", "Traffic was slow on the main road after the storm.",
          "The museum opened a new wing for modern art.", "Farmers reported a good harvest of wheat and corn."]


def _claims(pairs: list[tuple[str, set[str]]]) -> list[ClaimFeatures]:
    return [ClaimFeatures(words=content_words(t), entities=e) for t, e in pairs]


def _scores(rows: list[tuple[str, set[str]]], penalty: float) -> PairScorer:
    feats = _claims(rows + [(t, set()) for t in FILLER])
    vec = np.ones((len(feats), 4), dtype=np.float32) / 2.0
    params = dict(_params(), entity_mismatch_penalty=penalty, entity_share_bonus=0.0)
    return PairScorer(vec, feats, [f"a{k}" for k in range(len(feats))], params)


def _penalty_paid(a: tuple[str, set[str]], b: tuple[str, set[str]]) -> float:
    with_it = _scores([a, b], 0.3).score(0, 1, 0.5)
    without = _scores([a, b], 0.0).score(0, 1, 0.5)
    return round(without - with_it, 6)


def test_names_tagged_on_one_side_only_are_not_other_names():
    # the tagger found "Merrill" in one and only "Tarn" in the other; each claim writes both names
    a = ("Merrill neither admitted nor denied wrongdoing in the Tarn accord.", {"merrill"})
    b = ("Merrill Lynch did not admit to wrongdoing in the Tarn accord.", {"tarn"})
    assert _penalty_paid(a, b) == 0.0


def test_a_headline_name_with_a_stray_word_is_not_another_name():
    # a headline's title case makes the tagger take a verb into the name on one side
    a = ("Dolce and Gabbana fined in Velka tax case", {"gabbana fined"})
    b = ("Gabbana convicted of tax evasion by Velka court", {"velka"})
    assert _penalty_paid(a, b) == 0.0


def test_claims_naming_different_people_pay_the_penalty():
    a = ("Merrill neither admitted nor denied wrongdoing in the accord.", {"merrill"})
    c = ("Goldman did not admit to wrongdoing in the accord.", {"goldman"})
    assert _penalty_paid(a, c) == pytest.approx(0.3)


def test_one_name_written_on_both_sides_does_not_excuse_another_swapped_name():
    # both write "Tarn", but one names Merrill and the other Goldman: still other names
    a = ("Merrill settled with the Tarn regulator.", {"merrill"})
    c = ("Goldman settled with the Tarn regulator.", {"goldman", "tarn"})
    assert _penalty_paid(a, c) == pytest.approx(0.3)
