"""The times stage on named holidays of a weekday rule, clock hours given by the part of the day,
years before a plural noun that are still years, "earlier in the year", "the weeks ahead" and the
reference phrases "a later date" / "as soon as possible"."""
import pytest

from timeskit import times_by_text

PUB = "2022-10-26"  # a Wednesday


@pytest.fixture(scope="module")
def times(nlp):
    """``times(text) -> {text: TimeExpr}`` after the parse and times stages only."""
    return times_by_text(PUB)


def test_holidays_named_day_are_dates_without_a_preposition(times):
    t = times("Crime will be the main theme from now to Election Day.")["Election Day"]
    assert t.value == "2022-11-08"  # the Tuesday after the first Monday of November
    t = times("The girl was rescued Thanksgiving Day, police said.", published="2023-01-07")["Thanksgiving Day"]
    assert t.value == "2022-11-24"  # the fourth Thursday of November
    assert "Christmas" not in times("Buyers said Christmas trees sold out early.")


def test_clock_hour_with_a_part_of_the_day(times):
    ts = times("The ferry leaves at 4 in the morning and returns at 9 at night.")
    assert ts["4 in the morning"].value == "2022-10-26T04:00"
    assert ts["9 at night"].value == "2022-10-26T21:00"


def test_fiscal_and_prefixed_years_stay_years_before_a_plural_noun(times):
    ts = times("Sales are above fiscal 2021 sales, but post-1989 politics split families; 2000 troops arrived.")
    assert ts["fiscal 2021"].value == "2021"
    assert ts["1989"].value == "1989"
    assert "2000" not in ts


def test_earlier_in_the_year_is_this_year(times):
    t = times("In 2019 the plant opened. Planting was delayed earlier in the year by heavy rains.")["earlier in the year"]
    assert (t.value, t.mod) == ("2022", "START")


def test_the_weeks_ahead_is_a_stretch_to_come(times):
    t = times("Funds may have to sell bonds in the weeks ahead.")["the weeks ahead"]
    assert (t.type, t.value) == ("duration", "PXW")


def test_a_later_date_and_as_soon_as_possible_lie_in_the_future(times):
    ts = times("The firm will raise the rest at a later date and wants to sell the unit as soon as possible.")
    assert ts["a later date"].value == "FUTURE_REF"
    assert ts["as soon as possible"].value == "FUTURE_REF"


def test_days_or_hours_later_are_stretches_counted_from_an_event(times):
    ts = times("The index sank on the news. Three days later, it was down 6%. Just over an hour later, trading "
               "resumed. A few days later, the firm cut jobs. Two months earlier, sales had peaked.")
    assert (ts["Three days later"].type, ts["Three days later"].value) == ("duration", "P3D")
    assert ts["over an hour later"].value == "PT1H"
    assert ts["A few days later"].value == "PXD"
    assert ts["Two months earlier"].value == "2022-08"  # a month shift keeps its date


def test_an_offset_followed_by_a_date_in_apposition_names_that_date(times):
    t = times("The office warned residents again, as it had done three days earlier, on October 9, before the storm.")[
        "three days earlier"]
    assert (t.type, t.value, t.anchor) == ("date", "2022-10-09", "previous_time")
