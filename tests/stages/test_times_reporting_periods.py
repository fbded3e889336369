"""The times stage on the reporting periods of company results: the year of report, the full and
fiscal year, the latest period, a year's period and the same period a year before."""
import pytest

from timeskit import times_by_text

PUB = "2023-11-02"


@pytest.fixture(scope="module")
def times(nlp):
    """``times(text) -> {text: TimeExpr}`` after the parse and times stages only."""
    return times_by_text(PUB)


def test_a_year_ended_on_a_date_is_a_stretch_of_one_year(times):
    ts = times("For the year ended March 31, the brewer earned $9 million. In the fiscal year ending June 30, 2024, it expects less.")
    assert (ts["the year"].type, ts["the year"].value) == ("duration", "P1Y")
    assert (ts["the fiscal year"].type, ts["the fiscal year"].value) == ("duration", "P1Y")
    assert ts["June 30, 2024"].value == "2024-06-30"


def test_the_full_current_and_latest_fiscal_year_are_years_of_report(times):
    ts = times("The chain forecast higher sales for the full year. Sales in the current fiscal year will rise, "
               "after a loss in the latest fiscal year. The sale should close by year's end.")
    assert ts["the full year"].value == "2023"
    assert ts["the current fiscal year"].value == "2023"
    assert ts["the latest fiscal year"].value == "2022"
    assert (ts["year's end"].value, ts["year's end"].mod) == ("2023", "END")


def test_periods_of_report_follow_the_quarter_named_before(times):
    ts = times("The miner's net income in the fourth quarter rose 12% to $5 million. In the 2022 period, it earned "
               "$4 million. The latest period included a one-time gain. Revenue was $3 million in the corresponding "
               "period last year and $2 million in last year's quarter.")
    assert ts["the fourth quarter"].value == "2023-Q4"
    assert (ts["the 2022 period"].value, ts["the 2022 period"].anchor) == ("2022-Q4", "previous_time")
    assert ts["The latest period"].value == "2023-Q4"
    assert ts["the corresponding period last year"].value == "2022-Q4"
    assert ts["last year's quarter"].value == "2022-Q4"


def test_without_a_quarter_named_the_latest_period_is_the_latest_quarter(times):
    assert times("Revenue surged 54% in the latest period.")["the latest period"].value == "2023-Q3"


def test_quarters_of_a_year_and_quarters_as_a_fraction(times):
    ts = times("The carrier returned to profit after several quarters of losses; three quarters of the vote "
               "and three-quarters of voters backed the plan.")
    assert ts["several quarters"].value == "PXQ"
    assert set(ts) == {"several quarters"}


def test_a_period_of_report_is_the_quarter_the_lede_names_not_a_side_remark(times):
    ts = times("The paper maker posted a 20% gain in third-quarter net income. After a flat second quarter, it "
               "credited its tissue business. In the 2022 period, interest costs were lower. The quarter-to-quarter "
               "comparison was helped by charges in the year-earlier period.")
    assert ts["the 2022 period"].value == "2022-Q3"
    assert ts["the year-earlier period"].value == "2022-Q3"
    assert not any(t.startswith("The quarter") for t in ts)  # "quarter-to-quarter" names no quarter


def test_quarterly_is_not_a_quarter(times):
    ts = times("The software maker, back in profit after its first quarterly loss, said it earned $20 million.")
    assert not any("quarter" in t for t in ts)


def test_the_year_earlier_numbered_quarter_is_one_span_and_not_a_reference(times):
    ts = times("In the year-earlier third quarter, the lender earned $5 million. Net income a year earlier was lower.")
    assert ts["the year-earlier third quarter"].value == "2022-Q3"
    assert ts["a year earlier"].value == "2022"  # not a year before a quarter that is itself a year back


def test_the_last_half_of_a_year_is_its_second_half(times):
    ts = times("Earnings will be lower for the last half of 2023, traders said in the last half hour of trading.")
    assert ts["the last half of 2023"].value == "2023-H2"
    assert not any("half hour" in t for t in ts)
