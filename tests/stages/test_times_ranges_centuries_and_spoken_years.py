"""The times stage on forms TimeML gives a value and the rules used to miss or misread: a month-day
with a determiner, the week of a date, the second day of a range, spoken years after a month or
season, centuries and decades in words, durations with a word between count and unit, ages and a
month abbreviation that is a first name."""
import pytest

from rashomon.extract.times import timeml_value
from timeskit import times_by_text, times_of

PUB = "2024-02-10"  # a Saturday


@pytest.fixture(scope="module")
def times(nlp):
    """``times(text) -> {text: TimeExpr}`` after the parse and times stages only."""
    return times_by_text(PUB)


def test_month_day_with_a_determiner_keeps_its_day(times):
    ts = times("The clinic was attacked last Oct. 23, and the retrial opens next March 4.")
    assert ts["last Oct. 23"].value == "2023-10-23"
    assert ts["next March 4"].value == "2024-03-04"


def test_the_week_of_a_date_is_that_iso_week(times):
    ts = times("A hearing is expected the week of March 6. The talks began the week of Feb. 1, 2021.")
    assert (ts["the week of March 6"].value, ts["the week of March 6"].precision) == ("2024-W10", "week")
    assert ts["the week of Feb. 1, 2021"].value == "2021-W05"


def test_second_day_of_a_range_takes_the_month_and_the_year(times):
    ts = times("The summit will be held on April 24 and 25 in the capital. The fair ran May 3-5, 2019, downtown.")
    assert ts["April 24"].value == "2024-04-24"
    assert ts["25"].value == "2024-04-25"
    assert ts["May 3"].value == "2019-05-03"
    assert ts["5"].value == "2019-05-05"
    assert "2019" not in ts  # the year belongs to both days


def test_a_number_after_a_date_that_cannot_be_a_day_is_not_one(times):
    ts = times("The vote was on March 5 and 60 people were hurt.")
    assert set(ts) == {"March 5"}


def test_spoken_year_after_a_month_or_a_season(times):
    ts = times("January nineteen ninety-seven. Oil fell to the level seen in the winter of nineteen ninety-four.")
    assert ts["January nineteen ninety-seven"].value == "1997-01"
    assert ts["the winter of nineteen ninety-four"].value == "1994-WI"


def test_centuries_and_decades_in_words(times):
    ts = times("A fabled 11th century temple survived the nineteenth century, and crime fell through the nineties.")
    assert ts["11th century"].value == "10"
    assert ts["the nineteenth century"].value == "18"
    assert (ts["the nineties"].value, ts["the nineties"].precision) == ("199", "decade")


def test_durations_with_a_word_between_count_and_unit(times):
    ts = times("The boy will stay at least two more weeks; the loan may run an additional year; it took eight trading days.")
    assert ts["at least two more weeks"].value == "P2W"
    assert ts["an additional year"].value == "P1Y"
    assert timeml_value(ts["eight trading days"]) == "P8D"


def test_an_age_is_not_a_time(times):
    ts = times("Mr. Reed, 52 years old, will succeed her; staff 55 years old or older may retire after waiting 30 years.")
    assert set(ts) == {"30 years"}


def test_a_month_abbreviation_before_a_capitalised_word_is_a_name(times):
    text = "The foreign ministers of Hungary and Jan Novak of the Czech Republic signed. Sales fell in Jan. and rose in March."
    found = times_of(text, PUB)
    assert [t.start for t in found if t.text == "Jan"] == [text.index("Jan.")]
    assert [t.value for t in found if t.text == "March"] == ["2023-03"]


def test_quoted_show_titles_and_high_noon_are_not_times(times):
    text = "He told CBS's \"60 Minutes.\" For the country, high noon comes today, and the vote closes at noon."
    found = times_of(text, PUB)
    assert "60 Minutes" not in {t.text for t in found}
    noons = [t for t in found if t.text == "noon"]
    assert [(t.start, t.value) for t in noons] == [(text.rindex("noon"), "2024-02-10T12:00")]


def test_an_iso_week_written_out_keeps_its_value(times):
    t = times("The figures for 2023-W12 were revised.")["2023-W12"]
    assert (t.value, t.precision) == ("2023-W12", "week")


def test_decades_and_centuries_ago_are_years_back(times):
    ts = times("A decade ago the plant employed 900 people; the town was founded a century ago.")
    assert (ts["A decade ago"].value, ts["A decade ago"].precision) == ("2014", "year")
    assert ts["a century ago"].value == "1924"
