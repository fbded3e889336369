"""Time words inside names (shows, papers, magazines) are not times; month-days and short forms
that name well-known past events take the event's year, other event names keep a null value."""
import pytest

from timeskit import times_of


@pytest.fixture(scope="module")
def times(nlp):
    """``times(text, published=None) -> [TimeExpr]`` after parse + times stages only."""
    def run(text, published=None):
        return times_of(text, published)

    return run


def test_weekly_in_a_magazine_name_is_not_a_set(times):
    ts = times("Writing in the Weekly Standard, the columnist said the levy was doomed. "
               "The trade magazine Farm Weekly reported the sale.", "2012-03-02")
    assert not [t for t in ts if t.type == "set"], [(t.text, t.value) for t in ts]


def test_lowercase_weekly_is_still_a_frequency(times):
    ts = times("The clinic publishes weekly reports on flu cases.", "2012-03-02")
    assert [(t.text, t.value) for t in ts] == [("weekly", "P1W")]


def test_daily_in_a_paper_name_is_not_a_set(times):
    ts = times("The mayor told The Daily Ledger that she would stay.", "2012-03-02")
    assert not [t for t in ts if t.type == "set"], [(t.text, t.value) for t in ts]


def test_show_and_paper_names_with_weekdays_are_not_dates(times):
    ts = times("The senator told Channel Nine News Sunday that the bill was dead, and the Sunday Courier "
               "printed his remarks. He repeated them on Tuesday.", "2014-06-12")
    assert [t.text for t in ts] == ["Tuesday"], [(t.text, t.value) for t in ts]


def test_quoted_this_week_title_is_not_a_date_but_plain_this_week_is(times):
    ts = times('Appearing on "This Week," the governor defended the budget. The assembly votes this week.',
               "2014-06-12")
    assert [t.text for t in ts] == ["this week"]
    assert ts[0].value == "2014-W24"


def test_weekday_after_a_person_name_stays_a_date(times):
    ts = times("Governor Ann Lee on Sunday signed the order.", "2014-06-12")
    assert [(t.text, t.value) for t in ts] == [("Sunday", "2014-06-08")]


def test_month_day_naming_a_known_event_takes_the_event_year(times):
    ts = times("Fifteen years after the Sept. 11 attacks, the memorial reopened. Since 9/11 the rules "
               "have changed.", "2016-05-20")
    got = {t.text: t.value for t in ts}
    assert got["Sept. 11"] == "2001-09-11"
    assert got["9/11"] == "2001-09-11"
    assert "event" in next(t for t in ts if t.text == "9/11").reason


def test_named_event_from_the_table(times):
    ts = times("Veterans of D-Day gathered on the beach.", "2014-06-06")
    assert [(t.text, t.value) for t in ts] == [("D-Day", "1944-06-06")]


def test_unknown_event_month_day_keeps_a_null_value_when_not_recent(times):
    ts = times("Relatives of those killed in the April 3 bombing met the minister.", "2016-12-01")
    t = next(t for t in ts if t.text == "April 3")
    assert t.value is None
    assert t.reason == "names an event; year not given"


def test_recent_event_month_day_is_resolved_normally(times):
    ts = times("Relatives of those killed in the April 3 bombing met the minister.", "2016-04-20")
    t = next(t for t in ts if t.text == "April 3")
    assert t.value == "2016-04-03"


def test_plain_month_day_still_resolves_against_publication(times):
    ts = times("The hearing was held on Sept. 11, officials said.", "2016-10-02")
    assert [(t.text, t.value) for t in ts] == [("Sept. 11", "2016-09-11")]


def test_capitalised_today_inside_a_paper_name_is_not_a_date(times):
    ts = times("The governor told USA Today that the vote was rigged, and today he repeated it.", "2014-06-12")
    assert [(t.text, t.value) for t in ts] == [("today", "2014-06-12")]


def test_weekday_after_a_place_name_stays_a_date(times):
    ts = times("The president spoke to reporters in the Rose Garden Wednesday. Yesterday New York officials "
               "agreed.", "2014-06-12")
    assert [t.text for t in ts] == ["Wednesday", "Yesterday"], [(t.text, t.value) for t in ts]


def test_weekday_before_a_capitalised_noun_after_a_possessive_stays_a_date(times):
    ts = times("In his Sunday Mass the bishop condemned the attack.", "2014-06-12")
    assert [t.text for t in ts] == ["Sunday"]


def test_quoted_today_at_the_start_of_a_quote_stays_a_date(times):
    ts = times('The mayor said: "Today is a sad day for the city."', "2014-06-12")
    assert [(t.text, t.value) for t in ts] == [("Today", "2014-06-12")]
