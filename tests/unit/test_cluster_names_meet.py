"""Two claims that name one person or body, once in full and once shortly, share that name for
the clusters' entity penalty ("the different rare names" of two claims)."""
from rashomon.link.features import names_meet


def test_a_surname_meets_the_full_name():
    assert names_meet({"stewart"}, {"martha stewart", "new york"})
    assert names_meet({"jeffrey collins"}, {"collins"})


def test_a_short_name_of_a_body_meets_its_full_name():
    assert names_meet({"general staff"}, {"ukrainian general staff"})


def test_different_names_do_not_meet():
    assert not names_meet({"martha stewart"}, {"stewart island"})
    assert not names_meet({"collins"}, {"jeffrey collier"})
    assert not names_meet({"john smith"}, {"jane smith"})


def test_empty_sets_do_not_meet():
    assert not names_meet(set(), {"stewart"})
