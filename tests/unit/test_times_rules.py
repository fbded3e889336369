"""The time-expression rules on their own (no spaCy): spans, kinds and values from anchor dates."""
from datetime import date

import pytest

from rashomon.extract import timex_rules as R

PUB = date(2025, 4, 26)  # a Saturday


def _one(text):
    ms = R.find(text)
    assert len(ms) == 1, [(text[m.start:m.end], m.kind) for m in ms]
    return ms[0], text[ms[0].start:ms[0].end]


def _resolved_one(text):
    """(span, value) of the one time expression of ``text``, resolved against ``PUB`` as in the past."""
    m, got = _one(text)
    return got, R.resolve(R.relative_form(m, "before"), PUB)[0]


@pytest.mark.parametrize("text,span,value", [
    ("The polls closed on November 5, 2024 in most states.", "November 5, 2024", "2024-11-05"),
    ("The trial opened on 3 March 2023 in Lyon.", "3 March 2023", "2023-03-03"),
    ("The storm made landfall in August 2024.", "August 2024", "2024-08"),
    ("The storm made landfall in early August 2024.", "early August 2024", "2024-08"),
    ("The court has sat since 2014.", "2014", "2014"),
    ("Turnout peaked in the 1990s.", "the 1990s", "199"),
    ("The vote was held in the summer of 2022.", "the summer of 2022", "2022-SU"),
])
def test_absolute_dates_need_no_anchor(text, span, value):
    m, got = _one(text)
    assert got == span
    assert R.absolute_value(m) == value


def test_part_of_period_modifier_is_recorded_but_does_not_change_the_value():
    m, got = _one("Jury selection begins in early March 2026.")
    assert got == "early March 2026" and m.mod == "START" and R.absolute_value(m) == "2026-03"
    m, got = _one("Rebuilding lasted until late 2019.")
    assert m.mod == "END" and R.absolute_value(m) == "2019"


@pytest.mark.parametrize("text,span,iso", [
    ("The hearing lasted five days.", "five days", "P5D"),
    ("Counting took six weeks.", "six weeks", "P6W"),
    ("The jury deliberated for three hours.", "three hours", "PT3H"),
    ("Rain fell for 24 hours.", "24 hours", "PT24H"),
    ("The levee held for two decades.", "two decades", "P20Y"),
    ("Water rose in the past five days.", "the past five days", "P5D"),
    ("The talks lasted half an hour.", "half an hour", "PT30M"),
    ("The dynasty ruled for half a century.", "half a century", "P50Y"),
    ("The months-long strike ended.", "months-long", "PXM"),
    ("The decade-long conflict ended.", "decade-long", "P10Y"),
    ("A years-long feud ended.", "years-long", "PXY"),
])
def test_durations_get_iso_durations(text, span, iso):
    m, got = _one(text)
    assert got == span and m.type == "duration" and R.absolute_value(m) == iso


@pytest.mark.parametrize("text", [
    "The storm destroyed 2,000 homes.",
    "The party won 24 seats.",
    "He finished 3rd in the race.",
])
def test_counts_and_ordinals_are_not_dates(text):
    assert R.find(text) == []


def test_ambiguous_month_words_need_date_context():
    assert R.find("The senator may resign.") == []
    assert R.find("Thousands joined the march downtown.") == []
    m, got = _one("The recount ends in May.")
    assert got == "May" and m.f["m"] == 5


@pytest.mark.parametrize("form,value", [
    ("offset:day:0", "2025-04-26"),            # today
    ("offset:day:-1", "2025-04-25"),           # yesterday
    ("weekday:SA:before", "2025-04-26"),       # "on Saturday", published on a Saturday
    ("weekday:FR:before", "2025-04-25"),
    ("weekday:MO:before", "2025-04-21"),
    ("weekday:FR:before:NI", "2025-04-25TNI"),  # Friday night
    ("offset:week:-1", "2025-W16"),            # last week
    ("offset:week:0", "2025-W17"),             # earlier this week
    ("offset:year:0", "2025"),                 # this year
    ("offset:month:-1", "2025-03"),            # last month
    ("season:SU:det:-1", "2024-SU"),           # last summer
    ("season:FA:year:-1", "2024-FA"),          # the fall of last year
    ("season:FA:before", "2024-FA"),           # "in the fall", past tense, in April
    ("month:3:before", "2025-03"),             # "in March"
    ("month:8:before", "2024-08"),             # "in August" (past) seen from April
    ("month:8:year:-1", "2024-08"),            # August of the previous year
    ("monthday:4-26:before", "2025-04-26"),
    ("monthday:12-24:before", "2024-12-24"),   # not after the publication date in past tense
    ("monthday:12-24:after", "2025-12-24"),
    ("quarter:3:before", "2024-Q3"),
])
def test_relative_forms_resolve_against_an_anchor(form, value):
    assert R.resolve(form, PUB)[0] == value


def test_relative_expressions_have_machine_forms():
    text = "Officials said on Saturday that the dam failed last week, a year after the floods of last summer."
    forms = [R.relative_form(m, "before") for m in R.find(text)]
    assert forms == ["weekday:SA:before", "offset:week:-1", None, "season:SU:det:-1"]


def test_weekday_followed_by_a_date_takes_the_date():
    m, got = _one("The verdict came on Friday, Oct. 23, 1998.")
    assert got == "Friday, Oct. 23, 1998" and R.absolute_value(m) == "1998-10-23"


def test_clock_time_joined_with_its_day():
    m, got = _one("Polls close at 9 p.m. Tuesday.")
    assert got == "9 p.m. Tuesday"
    assert R.resolve(R.relative_form(m, "after"), date(2024, 11, 4))[0] == "2024-11-05T21:00"


@pytest.mark.parametrize("text", [
    "Police said a second device was found near the polling station.",
    "The Daily Caller first reported the storm damage.",
    "Growers shipped Christmas trees across the state.",
])
def test_words_that_only_look_like_times_are_skipped(text):
    assert R.find(text) == []


@pytest.mark.parametrize("form,anchor,value", [
    ("monthday:1-14:after", date(2025, 1, 15), "2025-01-14"),   # future tense, but the day before
    ("monthday:2-23:after", date(2025, 3, 6), "2025-02-23"),    # eleven days back, not next year
    ("monthday:10-26:before", date(2025, 10, 25), "2025-10-26"),  # the next day, not last year
    ("monthday:10-23:after", date(2025, 5, 6), "2025-10-23"),   # far off: the tense still decides
])
def test_month_and_day_close_to_the_anchor_is_that_date_whatever_the_tense(form, anchor, value):
    assert R.resolve(form, anchor)[0] == value


def test_weekday_beside_a_month_and_day_picks_the_year():
    m, got = _one("The hearing is set for Monday, Oct. 26.")
    assert got == "Monday, Oct. 26"
    form = R.relative_form(m, "before")
    # seen from April 2026 the past tense alone would say 2025; Oct. 26 is a Monday in 2026
    assert R.resolve(form, date(2026, 4, 1))[0] == "2026-10-26"


@pytest.mark.parametrize("text,span,value", [
    ("Profit rose in the 2024 second quarter.", "the 2024 second quarter", "2024-Q2"),
    ("Sales beat last year's third quarter.", "last year's third quarter", "2024-Q3"),
    ("The plant opens in next year's first quarter.", "next year's first quarter", "2026-Q1"),
    ("Output fell in the third quarter of last year.", "the third quarter of last year", "2024-Q3"),
    ("The plant opens in the first quarter of next year.", "the first quarter of next year", "2026-Q1"),
    ("Orders slowed in the second half of last year.", "the second half of last year", "2024-H2"),
    ("Rates should fall in the first half of next year.", "the first half of next year", "2026-H1"),
])
def test_quarter_of_a_named_or_relative_year(text, span, value):
    m, got = _one(text)
    assert got == span
    v = R.absolute_value(m) or R.resolve(R.relative_form(m, "before"), PUB)[0]
    assert v == value


def test_mid_month_with_a_hyphen_is_that_month():
    m, got = _one("Talks resumed in mid-March after a pause.")
    assert got == "mid-March" and m.f["m"] == 3


def test_capitalised_caption_date_with_a_day_is_a_date_but_a_capitalised_month_alone_is_not():
    m, got = _one("FILE - JANUARY 04: A view of the harbour on the day it reopened.")
    assert got == "JANUARY 04"
    assert R.find("MARCH FOR OUR LIVES") == []


@pytest.mark.parametrize("text,span,value", [
    ("Marchers parade through the town each July.", "each July", "XXXX-07"),
    ("The parade is held every March 17 downtown.", "every March 17", "XXXX-03-17"),
    ("The river floods every spring.", "every spring", "XXXX-SP"),
])
def test_a_recurring_month_day_or_season_is_a_set(text, span, value):
    m, got = _one(text)
    assert got == span and m.type == "set"
    assert R.absolute_value(m) == value


@pytest.mark.parametrize("text,span,value", [
    ("Protesters gathered this past weekend in the square.", "this past weekend", "2025-W16-WE"),
    ("The club lost this past Sunday at home.", "this past Sunday", "2025-04-20"),
    ("Sales rose this past winter.", "this past winter", "2024-WI"),
])
def test_this_past_names_the_period_just_gone(text, span, value):
    assert _resolved_one(text) == (span, value)


@pytest.mark.parametrize("text,spans,years", [
    ("The war lasted from 1939-1945 across Europe.", ["1939", "1945"], [1939, 1945]),
    ("He was governor in 1990-91.", ["1990", "91"], [1990, 1991]),
    ("The 2011–12 season was the longest.", ["2011", "12"], [2011, 2012]),
])
def test_each_end_of_a_dashed_year_range_is_a_year(text, spans, years):
    ms = R.find(text)
    assert [text[m.start:m.end] for m in ms] == spans
    assert [R.absolute_value(m) for m in ms] == [str(y) for y in years]


def test_a_dash_between_numbers_that_cannot_be_years_in_order_is_no_range():
    assert R.find("The vote went 1990-1880 against the plan.") == []
    assert R.find("Call 2012-3456 for tickets.") == []


@pytest.mark.parametrize("text,span,value", [
    ("Revenue in Q3 2012 fell.", "Q3 2012", "2012-Q3"),
    ("Earnings for H1 2013 are due.", "H1 2013", "2013-H1"),
    ("Profit rose in 2012's fourth quarter.", "2012's fourth quarter", "2012-Q4"),
    ("Q4 sales fell sharply.", "Q4", "2024-Q4"),
])
def test_quarters_and_halves_written_as_codes_or_with_a_possessive_year(text, span, value):
    m, got = _one(text)
    assert got == span
    assert (R.absolute_value(m) or R.resolve(R.relative_form(m, "before"), PUB)[0]) == value


def test_codes_that_are_not_quarters_or_halves_are_skipped():
    assert R.find("The H1N1 virus spread in the town.") == []
    assert R.find("He drove a Q7 to the meeting.") == []


@pytest.mark.parametrize("text,span,value", [
    ("The fire started the day before yesterday.", "the day before yesterday", "2025-04-24"),
    ("They arrive the day after tomorrow.", "the day after tomorrow", "2025-04-28"),
])
def test_the_day_before_yesterday_and_after_tomorrow_are_two_days_off(text, span, value):
    assert _resolved_one(text) == (span, value)


def test_a_decade_written_with_an_apostrophe_alone_is_a_decade():
    text = "The firm grew in the 1980s and '90s."
    assert [(text[m.start:m.end], R.absolute_value(m)) for m in R.find(text)] == [("the 1980s", "198"), ("'90s", "199")]


@pytest.mark.parametrize("text,values", [
    ("Talks ran from June to August 2011.", ["2011-06", "2011-08"]),
    ("Sales rose between March and May 2012.", ["2012-03", "2012-05"]),
    ("The freeze lasted from December to February 2012.", ["2011-12", "2012-02"]),
    ("The trial ran from March 30 to April 2, 2012.", ["2012-03-30", "2012-04-02"]),
])
def test_the_first_end_of_a_range_takes_the_year_written_after_the_second(text, values):
    assert [R.absolute_value(m) for m in R.find(text)] == values


def test_a_month_in_another_clause_does_not_take_a_later_year():
    ms = R.find("He met her in March and in May 2012 they wed.")
    assert [R.absolute_value(m) for m in ms] == [None, "2012-05"]


@pytest.mark.parametrize("text,span,value", [
    ("They met on Monday of last week.", "Monday of last week", "2025-04-14"),
    ("They meet on Tuesday of next week.", "Tuesday of next week", "2025-04-29"),
])
def test_a_weekday_of_a_named_week_is_that_weekday_in_that_week(text, span, value):
    assert _resolved_one(text) == (span, value)


def test_a_part_of_the_day_written_before_the_day_word_is_kept():
    m, got = _one("In London at mid-afternoon yesterday, shares rose.")
    assert got == "mid-afternoon yesterday" and m.f["part"] == "AF" and m.mod == "MID"
    assert R.resolve(R.relative_form(m, "before"), PUB)[0] == "2025-04-25"
