"""The times stage on clock times with time zones, numeric day-first dates, wire timestamp lines
and parts of a named day: spans slice the text and values keep the precision the text gives."""
import pytest

from timeskit import times_by_text


@pytest.fixture(scope="module")
def times(nlp):
    """``times(text, published) -> {text: TimeExpr}`` after the parse and times stages only."""
    return times_by_text("2024-06-01")


def test_wire_timestamp_line_is_a_date_with_its_clock_times_apart(times):
    text = "10:12 GMT 14.05.2024 (Updated: 11:40 GMT 14.05.2024)\nThe ferry sank near the harbour."
    st = times(text)
    assert st["14.05.2024"].value == "2024-05-14"
    assert st["10:12 GMT"].value == "2024-05-14T10:12Z"
    assert st["11:40 GMT"].value == "2024-05-14T11:40Z"
    ts = times("05 February, 2024, 08:45 am\nLast modified: 05 February, 2024, 08:48 am\nThe talks resumed.")
    assert ts["05 February, 2024"].value == "2024-02-05"
    assert ts["08:45 am"].value == "2024-02-05T08:45"


def test_dotted_numeric_date_reads_day_first(times):
    ts = times("The council published its findings on 03.02.2024 after a long delay.")
    assert ts["03.02.2024"].value == "2024-02-03"
    assert ts["03.02.2024"].precision == "day"


def test_iso_and_day_month_year_dates(times):
    ts = times("The ruling, dated 2024-02-03, was read out on 3 Feb 2024 in the capital.")
    assert ts["2024-02-03"].value == "2024-02-03"
    assert ts["3 Feb 2024"].value == "2024-02-03"


def test_local_time_and_its_gmt_time_in_brackets_are_two_times(times):
    ts = times('"We have reached the bridge, it is 6.15am (0315GMT)," the commander said.')
    # a bare clock time lies on the publication day; the local one has no zone, the GMT one has Z
    assert ts["6.15am"].value == "2024-06-01T06:15"
    assert ts["0315GMT"].value == "2024-06-01T03:15Z"
    assert ts["0315GMT"].type == "time"


def test_twenty_four_hour_clock_with_zone_name(times):
    ts = times("Polling stations closed at 21:00 local time on Sunday, and counting began at 22:30 Moscow time.")
    assert ts["21:00 local time on Sunday"].value == "2024-05-26T21:00"
    assert "22:30 Moscow time" in ts


def test_clock_after_numeric_date_is_one_time(times):
    ts = times("The first tremor was recorded on 03.02.2024 at 14:05 GMT by the institute.")
    assert ts["03.02.2024 at 14:05 GMT"].value == "2024-02-03T14:05Z"


def test_twenty_four_hour_clock_after_at(times):
    ts = times("The minister said the curfew would start at 22:00 on Monday.")
    assert any(t.value is not None and t.value.endswith("T22:00") for t in ts.values()), ts


def test_part_of_a_day_is_dated_to_the_day(times):
    # TimeBank/TempEval date "Tuesday morning" and "the night of March 3" to the day
    ts = times("The dam burst on the night of March 3, residents said.")
    assert ts["March 3"].value == "2024-03-03"
    ts = times("Shelling resumed on Tuesday morning and again last night, witnesses said.")
    assert ts["Tuesday morning"].value == "2024-05-28"
    assert ts["last night"].value == "2024-05-31"


def test_scores_and_ratios_are_not_clock_times(times):
    ts = times("The home side won 3:1 and the bill passed 51:49 in the chamber.")
    assert not any(t.type == "time" for t in ts.values()), ts


def test_bare_clock_time_lies_on_the_day_named_before_it(times):
    ts = times("The vote was held on Saturday 26 October 2024. Polling stations closed at 8 p.m., "
               "the commission said.", published="2024-10-28")
    assert ts["8 p.m."].value == "2024-10-26T20:00"
    assert ts["8 p.m."].anchor == "previous_time"



def test_range_of_days_gives_the_first_day_the_month_of_the_second(times):
    ts = times("The siege lasted from 10 to 12 May 2023, and fighting flared again on 23-24 June.",
               published="2023-07-01")
    assert ts["10"].value == "2023-05-10"
    assert ts["12 May 2023"].value == "2023-05-12"
    assert ts["23"].value == "2023-06-23"
    assert ts["24 June"].value == "2023-06-24"


def test_same_day_and_day_before_take_the_day_mentioned_before(times):
    ts = times("The storm made landfall on 3 March 2024. On the same day, the dam burst. "
               "The day before, the mayor had left the city.", published="2024-03-10")
    assert ts["the same day"].value == "2024-03-03"
    assert ts["the same day"].anchor == "previous_time"
    assert ts["The day before"].value == "2024-03-02"


def test_earlier_in_the_day_without_an_earlier_date_is_the_publication_day(times):
    ts = times("Earlier in the day, the army said it had regained control of the airport.", published="2024-03-10")
    assert ts["Earlier in the day"].value == "2024-03-10"


def test_iso_timestamp_is_a_time_on_its_day_utc_only_when_it_says_so(times):
    t = times("Updated: 2024-05-14T10:12:00Z\nThe ferry sank near the harbour.")["2024-05-14T10:12:00Z"]
    assert t.type == "time" and t.value == "2024-05-14T10:12Z"
    t = times("Posted 2024-05-14T10:12:30+02:00 by the desk.")["2024-05-14T10:12:30+02:00"]
    assert t.value == "2024-05-14T10:12"
    assert times("On 2024-05-14 the ferry sank.")["2024-05-14"].value == "2024-05-14"
