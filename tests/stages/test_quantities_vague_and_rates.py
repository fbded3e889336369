"""Quantities in news wording: vague plural counts ("tens of thousands of residents", "hundreds of
miles"), "a couple of", prices per unit ("$15 an hour", "$350 per kg"), ranges with words and ranges
of negative values. Sentences written for these tests; offsets must slice the cleaned text."""
from __future__ import annotations

import pytest
from extractkit import checked_quantities, one_quantity


@pytest.fixture(scope="module")
def quantities(run_article):
    return lambda text: checked_quantities(run_article, text)


one = one_quantity


def test_vague_plural_scale_counts_are_approximate_lower_bounds(quantities):
    qs = quantities("Tens of thousands of residents fled the valley after the dam failed. "
                    "Thousands of people marched through the capital on Sunday.")
    q = one(qs, "Tens of thousands")
    assert q.text == "Tens of thousands of residents"
    assert q.value == 20000 and q.bound == "lower" and q.approx and q.unit == "residents"
    q = one(qs, "Thousands of people")
    assert q.value == 2000 and q.approx and q.unit == "people"


def test_vague_hundreds_of_a_measure(quantities):
    q = one(quantities("The column drove for hundreds of miles toward the border without a fight."), "hundreds")
    assert q.text == "hundreds of miles"
    assert q.value == 200 and q.bound == "lower" and q.approx


def test_a_couple_of_is_about_two(quantities):
    q = one(quantities("Officials said voting was halted at a couple of polling stations."), "couple")
    assert q.text.startswith("a couple of") and q.value == 2 and q.approx


def test_money_per_hour_is_a_rate(quantities):
    q = one(quantities("The strikers want $15 an hour, the union said."), "$15")
    assert q.text == "$15 an hour"
    assert q.value == 15 and q.unit == "USD/h"


def test_price_range_per_kilogram(quantities):
    q = one(quantities("Wholesale prices rose from $350 per kg to $680 per kg within a year."), "$350")
    assert q.text.endswith("$680 per kg")
    assert (q.low, q.high) == (350, 680) and q.unit == "USD/kg"


def test_percent_range_with_words(quantities):
    q = one(quantities("Analysts expect growth of between 10 and 12 percent next year."), "between")
    assert q.text == "between 10 and 12 percent"
    assert (q.low, q.high) == (0.1, 0.12) and q.unit == "fraction"


def test_range_of_negative_temperatures(quantities):
    q = one(quantities("Overnight temperatures ranged from -18 °C to -34 °C in the north."), "-18")
    assert (q.low, q.high) == (-34, -18) and q.unit == "degC"


def test_approximate_counts_keep_their_qualifier(quantities):
    qs = quantities("About 1,000 soldiers were killed, and nearly 200 homes were destroyed.")
    q = one(qs, "1,000")
    assert q.text == "About 1,000 soldiers" and q.approx and q.value == 1000
    q = one(qs, "200")
    assert q.text == "nearly 200 homes" and q.bound == "upper" and q.value == 200


def test_hyphenated_one_day_is_a_duration_but_one_day_he_left_is_not(quantities):
    q = one(quantities("The one-day mutiny ended when the column turned back."), "one-day")
    assert q.value == 1 and q.unit == "d"
    assert not quantities("One day he left the town for good.")


def test_thousands_grouped_by_spaces(quantities):
    q = one(quantities("Some 15 000 troops crossed the border, and the fund paid out 10 000 dollars."), "15 000")
    assert q.value == 15000 and q.unit == "troops"
    q = one(quantities("Some 15 000 troops crossed the border, and the fund paid out 10 000 dollars."), "10 000")
    assert q.value == 10000 and q.unit == "USD"


def test_year_then_count_is_not_one_number(quantities):
    q = one(quantities("In 1990 250 people died in the floods."), "250")
    assert q.value == 250 and q.text == "250 people"
