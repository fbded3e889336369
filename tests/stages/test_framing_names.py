"""Framing by naming: how each article phrases the story's salient things and names its actors,
found from the articles themselves (sentences written for these tests; real spaCy parse)."""
from __future__ import annotations

import pytest

from rashomon.analyse.framing_names import actor_framings, naming_framings, thing_framings
from rashomon.extract.parse import noun_phrases, parse_text
from rashomon.models import Actor, ArticleAnnotations, Article, Dossier, Mention

TEXTS = {
    "a0": "The weather airship drifted over the mountains. Officials said the weather airship was harmless.",
    "a1": "A military spy airship crossed the border on Friday. The spy airship was tracked by radar.",
    "a2": "Farmers watched the airship from their fields. Nobody knew who owned the airship.",
}


@pytest.fixture(scope="module")
def parsed():
    anns = {}
    for aid, text in TEXTS.items():
        anns[aid] = ArticleAnnotations(article=aid, noun_phrases=noun_phrases(parse_text(text)))
    return anns


def _dossier() -> Dossier:
    return Dossier(articles=[Article(id=a, index=i, text=t) for i, (a, t) in enumerate(TEXTS.items())])


def test_noun_phrases_drop_leading_determiners_and_offsets_slice_the_text(parsed):
    phrases = {TEXTS["a0"][s:e] for s, e, _ in parsed["a0"].noun_phrases}
    assert "weather airship" in phrases
    assert not any(p.lower().startswith("the ") for p in phrases)
    lemmas = {lem for _, _, lem in parsed["a1"].noun_phrases}
    assert "airship" in lemmas


def test_a_salient_thing_phrased_differently_is_reported_per_article_with_evidence(parsed):
    d = _dossier()
    f = next(f for f in thing_framings(d, parsed) if f.concept.endswith("airship"))
    assert f.method == "thing_names"
    assert f.terms["a0"] == ["weather airship"]
    assert f.terms["a1"] == ["military spy airship", "spy airship"]
    assert f.terms["a2"] == ["airship"]
    texts = {a.id: a.text for a in d.articles}
    assert f.evidence and all(texts[s.article][s.start:s.end] == s.text for s in f.evidence)


def test_a_thing_every_article_phrases_alike_is_no_framing():
    texts = {"b0": "The committee met on Monday.", "b1": "The committee met again on Tuesday."}
    anns = {a: ArticleAnnotations(article=a, noun_phrases=noun_phrases(parse_text(t))) for a, t in texts.items()}
    d = Dossier(articles=[Article(id=a, index=i, text=t) for i, (a, t) in enumerate(texts.items())])
    assert not [f for f in thing_framings(d, anns) if f.concept.endswith("committee")]


def _actor_case():
    texts = {"c0": "The ruling Grand Coalition party won the vote, the Grand Coalition party said.",
             "c1": "Grand Coalition officials celebrated. Grand Coalition claimed a landslide."}
    anns = {}
    for aid, text in texts.items():
        doc = parse_text(text)
        spans = [(i, i + len("Grand Coalition party" if aid == "c0" else "Grand Coalition"))
                 for i in _find_all(text, "Grand Coalition")]
        mentions = [Mention(start=s, end=e, text=text[s:e]) for s, e in spans]
        local = Actor(id=f"a:{aid}:0", name="Grand Coalition", type="organization", article=aid, mentions=mentions)
        anns[aid] = ArticleAnnotations(article=aid, actors=[local], noun_phrases=noun_phrases(doc))
    actor = Actor(id="A1", name="Grand Coalition", type="organization", members=["a:c0:0", "a:c1:0"], articles=["c0", "c1"])
    d = Dossier(articles=[Article(id=a, index=i, text=t) for i, (a, t) in enumerate(texts.items())], actors=[actor])
    return d, anns


def _find_all(text: str, needle: str) -> list[int]:
    out, i = [], text.find(needle)
    while i >= 0:
        out.append(i)
        i = text.find(needle, i + 1)
    return out


def test_an_actor_is_named_with_the_modifiers_of_the_phrase_it_heads_but_not_as_a_modifier():
    d, anns = _actor_case()
    f = actor_framings(d, anns)[0]
    assert f.method == "actor_names"
    assert "ruling Grand Coalition party" in f.terms["c0"]
    # "Grand Coalition officials": the actor only modifies "officials", so its own name is kept
    assert "Grand Coalition" in f.terms["c1"] and "Grand Coalition officials" not in f.terms["c1"]
    texts = {a.id: a.text for a in d.articles}
    assert all(texts[s.article][s.start:s.end] == s.text for s in f.evidence)


def test_no_annotations_give_no_naming_concepts():
    assert naming_framings(_dossier(), None) == []
