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


def test_vague_plural_scale_counts_are_order_of_magnitude_ranges(quantities):
    qs = quantities("Tens of thousands of residents fled the valley after the dam failed. "
                    "Thousands of people marched through the capital on Sunday.")
    q = one(qs, "Tens of thousands")
    assert q.text == "Tens of thousands of residents"
    assert q.value is None and (q.low, q.high) == (10000, 99999) and q.approx and q.unit == "residents"
    q = one(qs, "Thousands of people")
    assert (q.low, q.high) == (1000, 9999) and q.approx and q.unit == "people"


def test_vague_hundreds_of_a_measure(quantities):
    q = one(quantities("The column drove for hundreds of miles toward the border without a fight."), "hundreds")
    assert q.text == "hundreds of miles"
    assert q.value is None and (q.low, q.high) == (100, 999) and q.approx
    assert q.unit == "mi" and q.si is not None and q.si.unit == "km"  # a distance, not a count of miles


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
    assert (q.low, q.high) == (10, 12) and q.unit == "%"


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


def test_one_before_its_noun_counts_one_but_idioms_do_not(quantities):
    qs = quantities("Rebels said one helicopter was shot down and one pilot survived. "
                    "One way or another, the convoy moved on.")
    assert one(qs, "one helicopter").value == 1 and one(qs, "one helicopter").unit == "helicopter"
    assert one(qs, "one pilot").value == 1
    assert not [q for q in qs if q.text.startswith("One way")]


def test_plural_nationality_is_a_count_of_people(quantities):
    q = one(quantities("Police detained two Ukrainians near the border crossing."), "two")
    assert q.text == "two Ukrainians" and q.value == 2


def test_decimal_comma_before_a_percent_sign(quantities):
    q = one(quantities("The ruling party won 38,22% of the vote."), "38,22%")
    assert q.value == 38.22 and q.unit == "%" and q.si.value == pytest.approx(0.3822) and q.si.unit == "fraction"


def test_bare_number_listed_before_a_measure_shares_its_unit(quantities):
    qs = quantities("Patients were given 45 and 50 mg doses of the drug.")
    q = one(qs, "45")
    assert q.text == "45" and q.value == 45 and q.unit == "mg"


def test_age_in_apposition_is_read_not_taken_for_a_name(quantities):
    q = one(quantities("The reporter, Maria Lopez, 61, filed the story from the port."), "61")
    assert q.text == "61" and q.value == 61


def test_number_word_standing_alone_counts_but_the_two_does_not(quantities):
    qs = quantities("Three were wounded in the blast. The two met later, and one could only guess why.")
    q = one(qs, "Three")
    assert q.text == "Three" and q.value == 3
    assert not [q for q in qs if q.text in ("two", "one")]


def test_a_bare_one_in_a_list_of_counts_is_a_count(quantities):
    qs = quantities("Four judges backed the ruling. One dissented and one abstained.")
    ones = [q for q in qs if q.text.lower() == "one"]
    assert [(q.text, q.value) for q in ones] == [("One", 1), ("one", 1)]


def test_one_of_a_plural_is_a_count_but_one_of_them_is_not(quantities):
    qs = quantities("Voters protested the closure of one of the polling stations. One of them said so.")
    q = one(qs, "one of the")
    assert q.text == "one of the polling stations" and q.value == 1 and q.unit == "stations"
    assert not [q for q in qs if q.text.startswith("One")]


def test_one_of_the_largest_is_a_ranking_not_a_count(quantities):
    qs = quantities("It was one of the largest investigations ever. The report is one of the documents we read.")
    assert not [q for q in qs if q.text.lower().startswith("one")]


def test_a_number_restated_as_a_share_keeps_its_own_value(quantities):
    qs = quantities("The airline canceled 109, or 18 percent of its flights, on Tuesday.")
    q = one(qs, "109")
    assert q.value == 109 and q.unit != "fraction"


def test_an_article_before_a_plain_measure_is_one_of_it_but_not_a_foot(quantities):
    qs = quantities("Homes within a mile of the plant were evacuated, and a foot of snow fell.")
    q = one(qs, "a mile")
    assert q.value == 1 and q.unit == "mi" and q.si is not None
    assert not [q for q in qs if "foot" in q.text]


def test_hyphenated_count_before_its_head_noun_counts_but_a_gauge_does_not(quantities):
    qs = quantities("The 150-car train passed a man with a 12-gauge shotgun.")
    q = one(qs, "150-car")
    assert q.value == 150 and q.unit == "car"
    assert not [q for q in qs if "gauge" in q.text]


def test_zero_in_words_is_a_count(quantities):
    q = one(quantities("Zero were injured in the second blast."), "Zero")
    assert q.value == 0
