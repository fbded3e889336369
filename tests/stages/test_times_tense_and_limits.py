"""The times stage on the direction of yearless and weekday dates: a past perfect looks back, a
limit set by "until" / "through" under a past verb may lie ahead, a passive plan looks ahead, and a
scheduled present ("the leaders meet Monday") looks ahead."""
import pytest

from timeskit import times_by_text

PUB = "2024-10-30"  # a Wednesday


@pytest.fixture(scope="module")
def times(nlp):
    """``times(text) -> {text: TimeExpr}`` after the parse and times stages only."""
    return times_by_text(PUB)


def test_past_perfect_puts_a_once_planned_weekday_before_the_writing(times):
    t = times("The tender offer had been due to expire Friday evening.")["Friday evening"]
    assert t.value == "2024-10-25"
    t = times("The vote had been scheduled for Monday, before the court stepped in.")["Monday"]
    assert t.value == "2024-10-28"


def test_until_under_a_past_verb_takes_the_nearest_month(times):
    assert times("The regulator gave the bidder until mid-November to file more documents.")["mid-November"].value == "2024-11"
    assert times("The lenders have extended credit lines through January.")["January"].value == "2025-01"
    # far from the publication date the nearest month is the one before
    assert times("The strike lasted until March.")["March"].value == "2024-03"


def test_a_passive_plan_looks_ahead(times):
    assert times("The officials said the handover was planned for early March.")["early March"].value == "2025-03"


def test_a_scheduled_present_looks_ahead_but_a_past_narrative_does_not(times):
    assert times("The two leaders meet separately Monday with the mediator.")["Monday"].value == "2024-11-04"
    ts = times("Shares fell sharply, and the index hurt the market on Monday.")
    assert ts["Monday"].value == "2024-10-28"
    assert times("The ministry says Monday was the calmest day in weeks.")["Monday"].value == "2024-10-28"


def test_putting_off_until_a_weekday_looks_ahead_even_in_the_past_tense(times):
    assert times("The court postponed the hearing until Tuesday.")["Tuesday"].value == "2024-11-05"
    assert times("The agency extended its deadline until 9 a.m. Friday.")["9 a.m. Friday"].value == "2024-11-01T09:00"
    # staying somewhere until a day is not putting anything off: that day lies behind
    assert times("The envoy stayed in the capital until Tuesday.")["Tuesday"].value == "2024-10-29"


def test_a_weekend_under_a_future_verb_is_the_coming_one(times):
    # published on a Wednesday: the coming weekend is 2-3 November, the one just past 26-27 October
    assert times("Leaders will meet this weekend in Rome.")["this weekend"].value == "2024-W44-WE"
    assert times("Officials met over the weekend in Rome.")["the weekend"].value == "2024-W43-WE"


def test_a_present_passive_of_a_plan_verb_looks_ahead(times):
    assert times("A hearing is set for Tuesday in the capital.")["Tuesday"].value == "2024-11-05"
    assert times("Talks are planned for Monday.")["Monday"].value == "2024-11-04"
