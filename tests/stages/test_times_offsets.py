"""The times stage on offsets from an event ("three days after the derailment"): a duration stays
a duration, unless it stands in apposition to a date, which it then restates. Sentences written
for these tests; spans must slice the text."""
import pytest

from timeskit import times_by_text


@pytest.fixture(scope="module")
def times(nlp):
    """``times(text, published) -> {text: TimeExpr}`` after the parse and times stages only."""
    return times_by_text("2024-06-01")


def test_offset_in_apposition_to_a_date_restates_the_date(times):
    st = times("The spill was reported on March 9, 2024, four days after the collision at the pier.")
    t = st["four days"]
    assert (t.value, t.type, t.anchor) == ("2024-03-09", "date", "previous_time")


def test_offset_without_a_date_beside_it_stays_a_duration(times):
    st = times("The mayor visited the pier 20 days after the collision.")
    t = st["20 days"]
    assert (t.value, t.type) == ("P20D", "duration")


def test_duration_after_a_date_without_an_offset_word_stays_a_duration(times):
    st = times("The strike began on March 9, 2024, and lasted four days.")
    assert st["four days"].value == "P4D"


def test_previous_or_following_weekday_counts_from_the_day_mentioned_before(times):
    ts = times("The index closed at 2,082 on Friday, Oct. 11, down 4.5% from the previous Friday.", published="2024-10-30")
    assert ts["the previous Friday"].value == "2024-10-04"
    assert ts["the previous Friday"].anchor == "previous_time"
    ts = times("The suspect was arrested on Oct. 3 and released the following Monday.", published="2024-10-30")
    assert ts["the following Monday"].value == "2024-10-07"


def test_a_year_or_months_later_count_from_the_time_mentioned_before(times):
    ts = times("The plant closed in 2005. A year later, the ban was lifted.")
    assert ts["A year later"].value == "2006" and ts["A year later"].anchor == "previous_time"
    ts = times("The law passed in March 2010, and two months later it was repealed.")
    assert ts["two months later"].value == "2010-05"
    # "earlier" keeps counting from the writing, as TimeBank dates it
    assert times("Five years earlier, the plant had closed.")["Five years earlier"].value == "2019"


def test_that_day_that_night_and_the_next_morning_count_from_the_day_mentioned_before(times):
    ts = times("The storm hit on March 3, 2024. That night, the levee broke. The next morning, rescuers "
               "arrived, and the night before, winds had risen.")
    assert ts["That night"].value == "2024-03-03" and ts["That night"].part == "NI"
    assert ts["The next morning"].value == "2024-03-04" and ts["The next morning"].part == "MO"
    assert ts["the night before"].value == "2024-03-03"  # the night before the morning of March 4
    assert times("The storm hit on March 3, 2024. That day, 40 people died.")["That day"].value == "2024-03-03"
