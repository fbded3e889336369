"""Counts and durations news writes without a plain number: halves ("a week and a half",
"7-and-a-half-mile"), a unit as a compound adjective ("a day-long siege"), a duration that offsets
another moment ("one day after the vote"), ordinals that count repetitions ("the ninth time",
"a fourth term"), and percentages kept as written with the share in ``si``. Sentences written for
these tests; offsets must slice the cleaned text."""
from __future__ import annotations

import pytest
from extractkit import checked_quantities, one_quantity


@pytest.fixture(scope="module")
def quantities(run_article):
    return lambda text: checked_quantities(run_article, text)


one = one_quantity


def test_a_half_after_digits_or_after_the_unit_is_added(quantities):
    qs = quantities("Dead fish were found along the 7-and-a-half-mile stretch, and the search took three days and a half.")
    q = one(qs, "7-and-a-half")
    assert q.text == "7-and-a-half-mile" and q.value == 7.5 and q.unit == "mi"
    q = one(qs, "three days")
    assert q.text == "three days and a half" and q.value == 3.5 and q.unit == "d"


def test_the_past_unit_and_a_half_is_one_and_a_half_units(quantities):
    q = one(quantities("The pilot said she had been ill for the past week and a half."), "week and a half")
    assert q.value == 1.5 and q.unit == "w"


def test_a_unit_as_compound_adjective_is_one_unit(quantities):
    qs = quantities("The day-long strike ended at dusk. Inspectors began a week-long audit of the plant.")
    assert one(qs, "day-long").value == 1 and one(qs, "day-long").unit == "d"
    assert one(qs, "week-long").value == 1 and one(qs, "week-long").unit == "w"


def test_one_day_after_an_event_is_a_duration_but_one_day_alone_is_not(quantities):
    qs = quantities("The minister arrived one day after the governor. One day he simply left.")
    q = one(qs, "one day")
    assert q.text == "one day" and q.value == 1 and q.unit == "d"
    assert not [q for q in qs if q.text.startswith("One")]


def test_ordinal_before_a_repetition_noun_counts_the_repetitions(quantities):
    qs = quantities("This is the ninth time the party has lost, and its rival won a fourth term. "
                    "The 810th Brigade held a second round of talks.")
    assert (one(qs, "ninth").value, one(qs, "ninth").text) == (9, "ninth time")
    assert (one(qs, "fourth").value, one(qs, "fourth").text) == (4, "fourth term")
    assert not [q for q in qs if "810" in q.text or "second" in q.text]


def test_percentages_keep_the_written_number_and_si_gives_the_share(quantities):
    qs = quantities("The ruling party won 54.24% of the vote, turnout was 59 percent and the lead grew by 3 percentage points. "
                    "Two-thirds of the seats changed hands.")
    q = one(qs, "54.24%")
    assert (q.value, q.unit, q.si.value, q.si.unit) == (54.24, "%", pytest.approx(0.5424), "fraction")
    q = one(qs, "59 percent")
    assert (q.value, q.unit, q.si.value) == (59, "%", pytest.approx(0.59))
    q = one(qs, "3 percentage points")
    assert (q.value, q.unit) == (3, "percentage points")
    q = one(qs, "Two-thirds")
    assert q.unit == "fraction" and q.value == pytest.approx(0.6667, abs=1e-3)


def test_a_model_name_after_a_number_is_not_a_unit(quantities):
    qs = quantities("The air force lost one Mi-8 transport helicopter near the border.")
    q = one(qs, "one Mi-8")
    assert q.unit == "helicopter" and q.value == 1


def test_pc_glued_to_a_number_is_per_cent_but_pcs_are_computers(quantities):
    qs = quantities("Turnout rose to 59.2pc, and the office bought 200 PCs.")
    q = one(qs, "59.2pc")
    assert (q.value, q.unit) == (59.2, "%")
    assert one(qs, "200").unit != "%"
