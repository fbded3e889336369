"""Events joined on the rare place their leads name (link/event_anchors.py), on records written
for the test: which names count as a lead's places, and when two groups join or stay apart."""
from __future__ import annotations

from rashomon.link.event_anchors import join_anchored, lead_places, place_key
from rashomon.models import Article, ArticleAnnotations, OffsetRun, Span


def _article(aid: str, text: str, names: list[tuple[str, str]], title: str | None = None):
    """An article and annotations whose entities are the first occurrence of each (name, label)
    in ``text``; sentences split at '. '."""
    art = Article(id=aid, index=0, text=text, title=title, offsets=[OffsetRun(clean=0, raw=0, length=len(text))])
    sents, start = [], 0
    for k, ch in enumerate(text):
        if ch == "." and (k + 1 == len(text) or text[k + 1] == " "):
            sents.append((start, k + 1))
            start = k + 2
    ents = []
    for name, _ in names:
        s = text.index(name)
        ents.append(Span(article=aid, start=s, end=s + len(name), text=name))
    ann = ArticleAnnotations(article=aid, sentences=sents, entities=ents, entity_labels=[lab for _, lab in names])
    return art, ann


def _norm(text: str) -> str:
    return text.lower()


def test_a_place_key_drops_the_region_after_a_comma_and_a_trailing_number():
    assert place_key("brenmoor, ohio") == "brenmoor"
    assert place_key("velka line 2") == "velka line"


def test_a_rare_place_in_the_lead_is_an_anchor_and_a_common_one_is_not():
    text = "A fire broke out at a plant in Brenmoor on Monday. Ohio officials said. Crews worked late. It rained."
    art, ann = _article("a1", text, [("Brenmoor", "GPE"), ("Ohio", "GPE")])
    places = lead_places([art], {"a1": ann}, _norm, sentences=2, min_info=3.0)
    assert text[ann.entities[0].start:ann.entities[0].end] == "Brenmoor"
    assert places == {"a1": {"brenmoor"}}


def test_a_place_named_only_after_the_lead_is_no_anchor():
    text = "A fire broke out at a chemical plant on Monday. Crews worked late. Later they drove to Brenmoor."
    art, ann = _article("a1", text, [("Brenmoor", "GPE")])
    assert lead_places([art], {"a1": ann}, _norm, sentences=2, min_info=3.0) == {"a1": set()}


def test_a_name_labelled_a_place_in_one_article_is_a_place_in_the_other():
    t1 = "Divers found damage on the Velka line near the coast. Officials said."
    t2 = "The Velka line operator said repairs would take months. Engineers agreed."
    a1, n1 = _article("a1", t1, [("Velka line", "FAC")])
    a2, n2 = _article("a2", t2, [("Velka line", "ORG")])
    places = lead_places([a1, a2], {"a1": n1, "a2": n2}, _norm, sentences=1, min_info=3.0)
    assert places["a1"] == places["a2"] == {"velka line"}


def test_countries_are_never_anchors():
    text = "Talks in Norland ended on Monday. Officials said."
    art, ann = _article("a1", text, [("Norland", "GPE")])
    places = lead_places([art], {"a1": ann}, lambda t: "country:Norland", sentences=1, min_info=0.0)
    assert places == {"a1": set()}


def test_two_groups_whose_pairs_share_a_lead_place_join():
    places = [{"brenmoor"}, {"brenmoor"}, {"brenmoor"}]
    groups, joined = join_anchored([[0, 1], [2]], places, [(0, 1), (0, 2), (1, 2)], lambda i, j: 0.8, set(),
                                   share=0.5, date_min=0.35)
    assert groups == [[0, 1, 2]]
    assert joined == {0: "brenmoor"}


def test_groups_with_different_places_stay_apart():
    places = [{"brenmoor"}, {"brenmoor"}, {"tolvard"}]
    groups, joined = join_anchored([[0, 1], [2]], places, [(0, 1), (0, 2), (1, 2)], lambda i, j: 0.8, set(),
                                   share=0.5, date_min=0.35)
    assert groups == [[0, 1], [2]] and joined == {}


def test_a_shared_place_months_apart_does_not_join():
    places = [{"brenmoor"}, {"brenmoor"}]
    groups, _ = join_anchored([[0], [1]], places, [(0, 1)], lambda i, j: 0.1, set(), share=0.5, date_min=0.35)
    assert groups == [[0], [1]]


def test_a_pair_that_must_stay_apart_blocks_the_join_of_its_groups():
    # article 2 shares the place with both, but its dates clearly disagree with article 0
    places = [{"brenmoor"}, {"brenmoor"}, {"brenmoor"}]
    groups, _ = join_anchored([[0, 1], [2]], places, [(0, 1), (0, 2), (1, 2)], lambda i, j: 0.8, {(0, 2)},
                              share=0.5, date_min=0.35)
    assert groups == [[0, 1], [2]]


def test_a_join_needs_the_share_of_anchored_pairs():
    # one of four cross pairs shares the place: below a share of one half
    places = [{"brenmoor"}, set(), {"brenmoor"}, set()]
    pairs = [(0, 2), (0, 3), (1, 2), (1, 3)]
    groups, _ = join_anchored([[0, 1], [2, 3]], places, pairs, lambda i, j: 0.8, set(), share=0.5, date_min=0.35)
    assert groups == [[0, 1], [2, 3]]


def test_a_name_mostly_labelled_an_organisation_is_no_place():
    t1 = "Kestrel Rail said the line would reopen. Officials said."
    t2 = "Kestrel Rail cut its fares on Monday. Riders cheered."
    t3 = "Trains of Kestrel Rail ran late in the snow. Riders waited."
    arts = [_article(a, t, [("Kestrel Rail", lab)]) for a, t, lab in (("a1", t1, "GPE"), ("a2", t2, "ORG"), ("a3", t3, "ORG"))]
    places = lead_places([a for a, _ in arts], {a.id: n for a, n in arts}, _norm, sentences=1, min_info=3.0)
    assert places == {"a1": set(), "a2": set(), "a3": set()}
