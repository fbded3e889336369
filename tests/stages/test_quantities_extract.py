"""Quantities: ranges, bounds, approximation, number words, shares, SI conversion, and numbers
that are not quantities (ordinals, names, dates, years, clock times). Sentences written for
these tests (floods, budgets, casualties, distances)."""
from __future__ import annotations

import pytest
from extractkit import checked_quantities, one_quantity


@pytest.fixture(scope="module")
def quantities(run_article):
    return lambda text: checked_quantities(run_article, text)


one = one_quantity


def test_range_with_between_and_is_low_high(quantities):
    q = one(quantities("Rescuers said between 1,200 and 1,500 homes were flooded."), "1,200")
    assert (q.value, q.low, q.high) == (None, 1200, 1500)
    assert q.text.startswith("between") and q.text.endswith("homes")
    assert q.unit == "homes"


def test_range_with_hyphen_and_to(quantities):
    qs = quantities("The river rose 2-3 metres overnight. Officials expect 40 to 60 families to move.")
    q = one(qs, "2-3")
    assert (q.low, q.high, q.unit) == (2, 3, "m")
    q = one(qs, "40 to 60")
    assert (q.low, q.high) == (40, 60)


def test_lower_and_upper_bounds(quantities):
    qs = quantities("More than 300 people were evacuated, and up to 50 houses may be lost. At least 12 died.")
    assert one(qs, "300").bound == "lower"
    assert one(qs, "300").qualifier.lower() == "more than"
    assert one(qs, "50").bound == "upper"
    assert one(qs, "12").bound == "lower"


def test_approximation_words(quantities):
    qs = quantities("Roughly 4,000 volunteers joined, and an estimated 900 cattle drowned.")
    for needle in ("4,000", "900"):
        q = one(qs, needle)
        assert q.approx and q.bound is None


def test_number_words(quantities):
    qs = quantities("The council met for three hours and approved a dozen projects; two and a half times more was spent.")
    assert one(qs, "three hours").value == 3 and one(qs, "three hours").unit == "h"
    assert one(qs, "dozen").value == 12
    assert one(qs, "two and a half").value == 2.5


def test_vague_plurals_are_approximate_ranges(quantities):
    q = one(quantities("The storm destroyed dozens of villages."), "dozens")
    assert q.value is None and (q.low, q.high) == (24, 132) and q.approx and q.unit == "villages"


def test_fractions_and_percentages_are_shares(quantities):
    qs = quantities("About two-thirds of the budget went to roads, and 15% of it to schools.")
    q = one(qs, "two-thirds")
    assert q.unit == "fraction" and q.value == pytest.approx(0.6667, abs=1e-3) and q.approx
    q = one(qs, "15%")
    assert q.unit == "%" and q.value == 15 and q.si.value == pytest.approx(0.15) and q.si.unit == "fraction"


def test_si_conversion_of_imperial_units(quantities):
    qs = quantities("The fire burned 500 square miles and the road is 6 miles long; the truck weighed 2,000 pounds.")
    q = one(qs, "square miles")
    assert q.unit == "mi2" and q.si.unit == "km2" and q.si.value == pytest.approx(1294.99, rel=1e-3)
    q = one(qs, "6 miles")
    assert q.si.unit == "km" and q.si.value == pytest.approx(9.656, rel=1e-3)
    q = one(qs, "pounds")
    assert q.si.unit == "kg" and q.si.value == pytest.approx(907.18, rel=1e-3)


def test_money_with_scale_and_symbol(quantities):
    q = one(quantities("Parliament approved a $2.5 billion aid package."), "$2.5")
    assert q.unit == "USD" and q.value == 2.5e9


def test_about_names_what_is_counted(quantities):
    q = one(quantities("The ministry said the army deployed about 3,000 soldiers to the coast."), "3,000")
    assert "soldiers" in q.about and "n:soldier" in q.about_keys


@pytest.mark.parametrize("text,trap", [
    ("The 45th Infantry Brigade moved north.", 45),
    ("It was the worst flood since World War II, officials said.", 2),
    ("The G7 summit opened in Rome.", 7),
    ("The flood hit on April 26 and again in 2024.", 26),
    ("The flood hit on April 26 and again in 2024.", 2024),
    ("The meeting began at 10:30 a.m. sharp.", 10),
    ("Two F-16 jets were delivered.", 16),
    ("He was one of the first to arrive.", 1),
    ("Call the hotline at 555-123-4567 for help.", 555),
    ("Pope Francis I met Boeing 737 engineers.", 737),
])
def test_names_dates_ordinals_and_codes_are_not_quantities(quantities, text, trap):
    qs = quantities(text)
    assert not [q for q in qs if trap in (q.value, q.low, q.high)], [q.text for q in qs]


def test_an_article_before_a_number_word_is_not_one_more(quantities):
    q = one(quantities("She won a two-year contract."), "two-year")
    assert q.value == 2 and q.unit == "y"


def test_millions_of_pounds_are_money(quantities):
    q = one(quantities("The club spent 20 million pounds on players."), "pounds")
    assert q.unit == "GBP" and q.value == 2e7


def test_share_about_names_the_whole(quantities):
    q = one(quantities("Rebels took 300 square kilometres, or 40% of the area claimed by the government."), "40%")
    assert q.about.startswith("area") and "n:area" in q.about_keys


def test_slash_names_are_not_fractions(quantities):
    qs = quantities("After the 9/11 attacks, a 1/4 inch crack was found.")
    assert not [q for q in qs if "9/11" in q.text]
    assert one(qs, "1/4").value == 0.25
