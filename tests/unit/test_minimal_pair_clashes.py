"""Which clashes of two propositions under one predicate the hand pair score pays for
(link/minimal_pair.py), on hand-built claims: a common noun swapped counts only when the rest of
the two claims is alike; two different names, a part and its whole, another place or day count
always; a country and a body of it are not two names; extra names or numbers on each side count
only in a minimal pair."""
from __future__ import annotations

from rashomon.link.features import ClaimFeatures, content_words
from rashomon.link.minimal_pair import counted_clashes, rest_overlap, slot_is_name, state_and_its_body
from rashomon.link.proposition_match import proposition_features
from rashomon.models import PropSlot, Proposition
from rashomon.settings import setting

MIN_OVERLAP = setting("clusters.minimal_pair_overlap")


def slot(text, head=None, **kw):
    return PropSlot(text=text, start=0, end=len(text), head=head, **kw)


def claim(text, **slots):
    slots.setdefault("predicate", slot("identified", "identify"))
    return ClaimFeatures(words=content_words(text), proposition=Proposition(**slots))


def clashes(a, b, specifics=False):
    return counted_clashes(a, b, proposition_features(a.proposition, b.proposition), specifics, MIN_OVERLAP)


def test_a_common_noun_swapped_in_other_words_is_not_counted():
    a = claim("Customs officers identified a truck used by the smugglers, a joint report by two papers said",
              agent=slot("Customs officers", "officer"), patient=slot("a truck", "truck"))
    b = claim("Customs officers have identified a lorry that likely carried the stolen paintings across the border",
              agent=slot("Customs officers", "officer"), patient=slot("a lorry", "lorry"))
    assert proposition_features(a.proposition, b.proposition)["patient_conflict"] == 1.0  # the slots do clash
    assert clashes(a, b) == 0


def test_a_common_noun_swapped_in_a_minimal_pair_is_counted():
    a = claim("Rebels shot down the jet near the border", predicate=slot("shot down", "shoot down"),
              agent=slot("Rebels", "rebel"), patient=slot("the jet", "jet"))
    b = claim("Government troops shot down the jet near the border", predicate=slot("shot down", "shoot down"),
              agent=slot("Government troops", "troop"), patient=slot("the jet", "jet"))
    assert rest_overlap(a, b, ("agent",)) == 1.0
    assert clashes(a, b) == 1


def test_two_different_names_count_however_the_rest_is_worded():
    a = claim("Velmar troops shot down the drone over the lake, officials said on state television",
              predicate=slot("shot down", "shoot down"), agent=slot("Velmar", "velmar", actor="A1"), patient=slot("the drone", "drone"))
    b = claim("The drone was downed by Tarnia, according to a military spokesman",
              predicate=slot("shot down", "shoot down"), agent=slot("Tarnia", "tarnia", actor="A2"), patient=slot("The drone", "drone"))
    assert rest_overlap(a, b, ("agent",)) < MIN_OVERLAP
    assert clashes(a, b) == 1


def test_a_country_and_its_own_ministry_are_not_two_names():
    country = slot("Norway", "norway", actor="A4")
    ministry = slot("The Norwegian Foreign Ministry", "ministry", actor="A6")
    assert slot_is_name(country) and slot_is_name(ministry)
    assert state_and_its_body(country, ministry) and state_and_its_body(ministry, country)
    assert not state_and_its_body(slot("Russia", "russia", actor="A1"), slot("the Ukrainian army", "army", actor="A2"))
    a = claim("Norway voiced deep concern over the fishing quota, the foreign ministry said on Sunday",
              predicate=slot("voiced", "voice"), agent=country, patient=slot("deep concern", "concern"))
    b = claim("The Norwegian Foreign Ministry voiced deep concern and summoned the ambassador over the quota",
              predicate=slot("voiced", "voice"), agent=ministry, patient=slot("deep concern", "concern"))
    assert clashes(a, b) == 0


def test_a_part_and_its_whole_count_however_the_rest_is_worded():
    a = claim("Shelling destroyed a section of the old bridge overnight, the mayor said",
              predicate=slot("destroyed", "destroy"), patient=slot("a section of the old bridge", "section"))
    b = claim("The bridge was wrecked by artillery fire", predicate=slot("wrecked", "destroy"), patient=slot("The bridge", "bridge"))
    assert clashes(a, b) == 1


def test_another_place_counts_however_the_rest_is_worded():
    a = claim("Floodwater destroyed the old bridge over the Velka river", predicate=slot("destroyed", "destroy"),
              place=slot("the Velka river", "velka"))
    b = claim("The old crossing was swept away on the Morava river, residents said", predicate=slot("swept away", "destroy"),
              place=slot("the Morava river", "morava"))
    assert clashes(a, b) == 1


def test_extra_names_on_each_side_count_only_in_a_minimal_pair():
    a = claim("A heatwave scorched the valley in July after sweeping across three provinces",
              predicate=slot("scorched", "scorch"), patient=slot("the valley", "valley"))
    b = claim("Record temperatures brought by the heatwave scorched the valley in July",
              predicate=slot("scorched", "scorch"), patient=slot("the valley", "valley"))
    c = claim("A heatwave scorched the valley in July after sweeping across two provinces",
              predicate=slot("scorched", "scorch"), patient=slot("the valley", "valley"))
    assert clashes(a, b, specifics=True) == 0
    assert clashes(a, c, specifics=True) == 1


def test_a_figure_without_its_counted_noun_gives_no_verdict_against_a_counted_one():
    radius = Proposition(predicate=slot("ordered", "order"), quantity=slot("a three-mile", "mile", value="3"))
    town = Proposition(predicate=slot("ordered", "order"), quantity=slot("about 800", None, value="800"))
    toll = Proposition(predicate=slot("rose", "rise"), quantity=slot("to 40", None, value="40"))
    other_toll = Proposition(predicate=slot("rose", "rise"), quantity=slot("to 12", None, value="12"))
    f = proposition_features(radius, town)
    assert f["quantity_conflict"] == 0.0 and f["quantity_match"] == 0.0
    assert proposition_features(toll, other_toll)["quantity_conflict"] == 1.0  # neither says what it counts
