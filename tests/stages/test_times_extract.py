"""The times stage on whole texts: values resolved against the publication date, tense,
unknown publication dates kept null with a reason and a machine form, document years."""
import pytest

from timeskit import times_of


@pytest.fixture(scope="module")
def times(nlp):
    """``times(text, published=None) -> {text: TimeExpr}`` after parse + times stages only."""
    def run(text, published=None, index=3):
        return {t.text: t for t in times_of(text, published, index)}

    return run


ELECTION = ("Voters in the northern district went to the polls on Saturday, two days after the count of "
            "March 6 was annulled. The commission said today that turnout fell last week and that "
            "results from earlier this week would be audited. Last summer the same district voted in a "
            "referendum, and in the fall of last year it elected a mayor. The council met on Friday night. "
            "This year the commission hired 300 staff for the past five days of counting.")


def test_relative_dates_resolve_against_the_publication_date(times):
    ts = times(ELECTION, "2025-04-26")
    assert ts["Saturday"].value == "2025-04-26"
    assert ts["March 6"].value == "2025-03-06"
    assert ts["today"].value == "2025-04-26"
    assert ts["last week"].value == "2025-W16"
    assert ts["this week"].value == "2025-W17" and ts["this week"].mod == "START"  # TimeML leaves "earlier" out
    assert ts["Last summer"].value == "2024-SU"
    assert ts["the fall of last year"].value == "2024-FA"
    assert ts["Friday night"].value == "2025-04-25"  # dated to the day, as TimeBank does
    assert ts["This year"].value == "2025"
    assert ts["the past five days"].value == "P5D" and ts["the past five days"].type == "duration"
    assert ts["Saturday"].anchor == "publication" and ts["Saturday"].precision == "day"
    assert "300" not in ts


def test_ids_name_the_article_and_span_not_the_batch_position(times):
    at3, at7 = times(ELECTION, "2025-04-26", index=3), times(ELECTION, "2025-04-26", index=7)
    assert [t.id for t in at3.values()] == [t.id for t in at7.values()]
    t = at7["Saturday"]
    assert t.id == f"t:a:{t.start}-{t.end}" and ELECTION[t.start:t.end] == "Saturday"


def test_without_publication_date_relative_times_stay_null_with_reason_and_form(times):
    ts = times(ELECTION)
    sat = ts["Saturday"]
    assert sat.value is None and sat.reason == "relative to an unknown publication date"
    assert sat.relative == "weekday:SA:before"
    assert ts["today"].relative == "offset:day:0" and ts["today"].value is None
    assert ts["last week"].relative == "offset:week:-1"
    assert ts["March 6"].value is None and ts["March 6"].relative.startswith("monthday:3-6")


def test_month_names_with_early_mid_late_keep_month_precision(times):
    ts = times("The storm season began in early March and peaked in late August.", "2025-10-02")
    assert ts["early March"].value == "2025-03" and ts["early March"].mod == "START"
    assert ts["late August"].value == "2025-08" and ts["late August"].precision == "month"


def test_yearless_date_takes_the_year_nearest_before_publication_in_past_tense(times):
    ts = times("The defendant was arrested on December 24 and charged the next day.", "2025-02-10")
    assert ts["December 24"].value == "2024-12-24"


def test_future_tense_points_forward(times):
    ts = times("The jury will return on Monday, and sentencing is scheduled for January 12.", "2024-12-18")
    assert ts["Monday"].value == "2024-12-23"
    assert ts["January 12"].value == "2025-01-12"


def test_previous_year_month(times):
    ts = times("The hurricane struck the coast in August of the previous year.", "2025-04-26")
    assert ts["August of the previous year"].value == "2024-08"


def test_undated_article_takes_its_year_from_an_explicit_month_year(times):
    text = ("The company filed for bankruptcy in September 2023. On April 2 the court approved the sale, "
            "and the buyer took over in early May.")
    ts = times(text)
    assert ts["September 2023"].value == "2023-09" and ts["September 2023"].anchor == "absolute"
    assert ts["April 2"].value == "2024-04-02" and ts["April 2"].anchor == "document_year"
    assert "September 2023" in ts["April 2"].reason
    assert ts["early May"].value == "2024-05"


def test_years_are_dates_but_counts_are_not(times):
    ts = times("Since 2014 the militia has grown to 2000 fighters, and in 2024 it held 24 towns.", "2025-01-01")
    assert ts["2014"].value == "2014" and ts["2024"].value == "2024"
    assert "2000" not in ts and "24" not in ts


def test_quarter_a_year_earlier_follows_the_quarter_in_context(times):
    ts = times("Third-quarter profit rose 12% to $4 million from $3 million a year earlier.", "1989-11-02")
    assert ts["Third-quarter"].value == "1989-Q3"
    assert ts["a year earlier"].value == "1988-Q3"


def test_since_points_back(times):
    ts = times("Thousands of ballots have been challenged since January 1 in the county.", "2016-09-29")
    assert ts["January 1"].value == "2016-01-01"


def test_deadline_given_in_the_present_perfect_lies_ahead(times):
    # 2024-03-04 is a Monday: "has given them until Wednesday" is the Wednesday to come
    ts = times("The city has given the tenants until 9 a.m. Wednesday to leave the building.", "2024-03-04")
    assert ts["9 a.m. Wednesday"].value.startswith("2024-03-06")
    ts = times("The tenants had stayed until Wednesday, the city said.", "2024-03-08")
    assert ts["Wednesday"].value == "2024-03-06"


def test_weekday_of_a_planned_thing_lies_ahead(times):
    # 2024-03-08 is a Friday: the rally planned "on Saturday" is the next day, not six days back
    ts = times("Farmers planned a rally on Saturday outside the ministry.", "2024-03-08")
    assert ts["Saturday"].value == "2024-03-09"
