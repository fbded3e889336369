"""Number words and digit forms read by ``rashomon.extract.numbers`` (no model needed)."""
from __future__ import annotations

import pytest

from rashomon.extract.numbers import find_numbers, parse_words


@pytest.mark.parametrize("words,value", [
    ("one hundred and five", 105), ("a million", 1e6), ("two and a half", 2.5), ("twenty-one", 21),
    ("a dozen", 12), ("two thirds", 2 / 3), ("one sixth", 1 / 6), ("three halves", 1.5),
    ("two thousand six hundred forty five", 2645), ("one and a half million", 1.5e6),
])
def test_parse_words_reads_number_words(words, value):
    assert parse_words(words.replace("-", " ").split()) == pytest.approx(value)


@pytest.mark.parametrize("text,value", [
    ("10,000", 10000), ("1.5", 1.5), ("2 1/2", 2.5), ("1/40", 0.025), ("½", 0.5), ("2.5 million", 2.5e6),
    ("4e14", 4e14), ("2.48×10−5", 2.48e-5),
])
def test_find_numbers_reads_digit_forms(text, value):
    atoms = list(find_numbers(text))
    assert len(atoms) == 1 and atoms[0].value == pytest.approx(value)
    assert text[atoms[0].start:atoms[0].end] == text


def test_hyphenated_range_is_two_numbers_not_a_negative():
    atoms = list(find_numbers("10,000-12,000"))
    assert [a.value for a in atoms] == [10000, 12000]
