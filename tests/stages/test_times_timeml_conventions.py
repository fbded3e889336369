"""The times stage on TimeML (TIMEX3) conventions: parts of a day, stretches of unknown length,
rates, recurring weekdays and the direction of a weekday in a forward-looking clause."""
import pytest

from rashomon.extract.times import timeml_value
from timeskit import times_by_text

PUB = "2024-06-01"  # a Saturday


@pytest.fixture(scope="module")
def times(nlp):
    """``times(text) -> {text: TimeExpr}`` after the parse and times stages only."""
    return times_by_text(PUB)


def test_part_of_day_is_kept_beside_the_day_and_joins_the_timeml_value(times):
    ts = times("The fire broke out on Friday night and was contained this morning, firefighters said.")
    night, morning = ts["Friday night"], ts["this morning"]
    assert (night.value, night.part) == ("2024-05-31", "NI")
    assert timeml_value(night) == "2024-05-31TNI"
    assert (morning.value, morning.part) == ("2024-06-01", "MO")
    assert timeml_value(morning) == "2024-06-01TMO"


def test_a_day_without_a_part_has_the_day_as_timeml_value(times):
    t = times("The bridge reopened on Thursday, officials said.")["Thursday"]
    assert t.part is None
    assert timeml_value(t) == t.value == "2024-05-30"


def test_vague_stretches_are_durations_of_unknown_length(times):
    ts = times("Prices have risen in recent years and fell over the past few weeks; "
               "talks will continue in the coming months.")
    assert (ts["recent years"].type, ts["recent years"].value) == ("duration", "PXY")
    assert ts["the past few weeks"].value == "PXW"
    assert ts["the coming months"].value == "PXM"


def test_rate_denominator_is_a_frequency_not_a_stretch(times):
    ts = times("The levy raises $40 million a year, and the ferry carries 900 cars a week.")
    assert (ts["a year"].type, ts["a year"].value) == ("set", "P1Y")
    assert (ts["a week"].type, ts["a week"].value) == ("set", "P1W")
    t = times("The inquiry took a year to report.")["a year"]
    assert (t.type, t.value) == ("duration", "P1Y")


def test_recurring_weekday_is_a_set(times):
    ts = times("The market opens each Thursday and on Sundays, and the late ferry sails on Tuesday nights.")
    assert (ts["each Thursday"].type, ts["each Thursday"].value) == ("set", "XXXX-WXX-4")
    assert ts["Sundays"].value == "XXXX-WXX-7"
    assert ts["Tuesday nights"].value == "XXXX-WXX-2TNI"


def test_weekday_after_as_soon_as_or_a_modal_lies_ahead(times):
    assert times("The envoy may arrive as early as Tuesday, aides said.")["Tuesday"].value == "2024-06-04"
    assert times("The minister would be travelling to the capital Thursday, his office said.")["Thursday"].value == "2024-06-06"
    assert times("On Monday, the union plans to hold a rally outside the ministry.")["Monday"].value == "2024-06-03"


def test_weekday_in_a_past_clause_with_could_looks_back(times):
    # "could not" is the past of "cannot": the search happened on the Thursday before
    assert times("Rescuers could not reach the village Thursday because of the floods.")["Thursday"].value == "2024-05-30"
    assert times("He would have signed the deal on Tuesday.")["Tuesday"].value == "2024-05-28"


def test_half_units_are_written_in_the_next_smaller_unit(times):
    ts = times("The siege lasted 5 1/2 hours; he served two and a half years and waited an hour and a half.")
    assert ts["5 1/2 hours"].value == "PT5H30M"
    assert ts["two and a half years"].value == "P2Y6M"
    assert ts["an hour and a half"].value == "PT1H30M"


def test_that_year_and_the_following_year_count_from_the_time_mentioned_before(times):
    ts = times("The plant opened in March 2019. Later that year it was sold, and the following year it closed.")
    assert (ts["Later that year"].value, ts["Later that year"].anchor) == ("2019", "previous_time")
    assert ts["the following year"].value == "2020"
    assert ts["the following year"].relative is None  # both rest on a date given outright


def test_that_quarter_takes_the_quarter_of_the_date_before(times):
    ts = times("Sales fell in the three months ended June 30, 2023. In that quarter, costs rose.")
    assert ts["that quarter"].value == "2023-Q2"


def test_the_following_year_without_an_earlier_time_counts_from_publication(times):
    t = times("The following year, prices rose again.")["The following year"]
    assert (t.value, t.anchor) == ("2025", "publication")


def test_near_future_phrases_are_future_references(times):
    ts = times("Prices will stay high in the near future and, in the short term, fuel will be rationed.")
    assert ts["the near future"].value == "FUTURE_REF"
    assert ts["the short term"].value == "FUTURE_REF"


def test_midday_is_noon_on_the_day_named(times):
    ts = times("The convoy left at midday on Friday, and the border closed at midnight.")
    assert any(t.value == "2024-05-31T12:00" for t in ts.values()), ts
