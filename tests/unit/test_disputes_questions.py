"""How a dispute's question is worded from a contested proposition (sentences written for
these tests): connectives and quotes drop, names keep their capital, long propositions are cut
at a word with an ellipsis, and a noun phrase is asked about as a report."""
from __future__ import annotations

from rashomon.link import dispute_wording as W


def setup_module():
    W.set_mid_caps(["Officials in Marlow said the Harbour Authority closed the port."])


def test_a_leading_connective_and_quotes_leave_the_proposition():
    assert W.clean_prop("On the other hand, “the bridge was never closed”") == "the bridge was never closed"
    assert W.clean_prop("However, the port reopened on Monday, officials said") == "the port reopened on Monday, officials said"


def test_a_name_keeps_its_capital_and_a_common_opener_loses_it():
    assert W.clean_prop("Marlow was flooded overnight") == "Marlow was flooded overnight"
    assert W.clean_prop("The Harbour Authority closed the port") == "the Harbour Authority closed the port"


def test_a_long_proposition_is_cut_with_an_ellipsis_and_no_dangling_word():
    long = ("the river rose above the old stone bridge and flooded the lower town and the market square and "
            "the harbour and the roads to the north of the city")
    q = W.clean_prop(long)
    assert q.endswith(" …")
    assert q.split()[-2] not in ("and", "the", "of", "to")
    assert len(q.split()) <= 23


def test_a_trailing_participle_phrase_is_cut_but_a_contrast_clause_is_kept():
    assert W.clean_prop("all ferries have stopped running across the bay, marking a first in decades") == \
        "all ferries have stopped running across the bay"
    assert W.clean_prop("the ferries stopped for a day, but service resumed on Friday") == \
        "the ferries stopped for a day, but service resumed on Friday"


def test_clauses_and_noun_phrases_are_told_apart():
    assert W.is_clause("the ferries stopped running")
    assert W.is_clause("the mayor didn't know")
    assert W.is_clause("last year 31 boats became stranded")
    assert not W.is_clause("any interference in the harbour vote this weekend")
