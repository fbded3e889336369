"""Claims: a long sentence also gives the clauses it packs together as nested claims, each with
the speaker it belongs to (sentences written for these tests). Clause claims are off by default
(``claims.clause_parent_min_words`` 0); these tests turn them on at 20 words."""
from __future__ import annotations

import pytest

from rashomon.settings import use, validate

ON = {"claims": {"clause_parent_min_words": 20}}


@pytest.fixture(scope="module")
def claims_of(run_article):
    cache = {}

    def get(text):
        if text not in cache:
            with use(validate(ON, "test")):
                st = run_article(text)
            for c in st.ann.claims:
                assert text[c.start:c.end] == c.text
            cache[text] = st.ann.claims
        return cache[text]

    return get


def _claim(claims, text):
    found = [c for c in claims if c.text == text]
    assert found, [c.text for c in claims]
    return found[0]


SAID_THEN_PARTICIPLES = ("The leader of the rebel militia said on Sunday that his men had crossed the wide river at dawn and "
                         "seized the main airport in the north, vowing to march on the capital and saying his 8,000 fighters were “ready for anything”.")


def test_participle_clause_of_a_statement_is_a_claim_of_its_speaker(claims_of):
    c = _claim(claims_of(SAID_THEN_PARTICIPLES), "vowing to march on the capital")
    assert c.speaker is not None and c.speaker.name == "leader of the rebel militia"


def test_verb_phrases_sharing_a_subject_in_what_was_said_are_claims(claims_of):
    claims = claims_of(SAID_THEN_PARTICIPLES)
    assert _claim(claims, "had crossed the wide river at dawn").speaker.name == "leader of the rebel militia"
    assert _claim(claims, "seized the main airport in the north").speaker.name == "leader of the rebel militia"


def test_the_whole_sentence_stays_a_claim_beside_its_parts(claims_of):
    claims = claims_of(SAID_THEN_PARTICIPLES)
    assert any(c.text.startswith("The leader of the rebel militia said on Sunday") and c.end - c.start > 100 for c in claims)


def test_narrated_verb_phrases_and_a_time_clause_are_narration_claims(claims_of):
    text = ("A bitter dispute between the two commanders erupted on Friday into a revolt that saw the troops leave "
            "the border to occupy an airbase in a northern town and drive unopposed for hundreds of kilometres "
            "toward the capital, before turning back after less than a day.")
    claims = claims_of(text)
    for part in ("to occupy an airbase in a northern town",
                 "drive unopposed for hundreds of kilometres toward the capital",
                 "before turning back after less than a day"):
        c = _claim(claims, part)
        assert c.speaker is None and c.kind == "narrative"


def test_narration_before_the_cue_is_not_given_the_speaker(claims_of):
    text = ("But after reviewing more than 2,000 insurance files, the auditors said that they found no sign of a "
            "coordinated fraud scheme behind the losses of the regional branch.")
    claims = claims_of(text)
    assert _claim(claims, "after reviewing more than 2,000 insurance files").speaker is None
    whole = next(c for c in claims if c.text.startswith("But after") or c.text.startswith("after reviewing more than 2,000 insurance files, the"))
    assert whole.speaker is not None and whole.speaker.name == "auditors"


def test_quotation_inside_a_long_sentence_is_a_claim_of_its_speaker(claims_of):
    text = ("“This is a complete fabrication,” ministry spokesperson Lena Hart told the news agency in reply to a "
            "request to comment on the report, which had been published by a weekly magazine on Tuesday.")
    c = _claim(claims_of(text), "“This is a complete fabrication,”")
    assert c.speaker.name == "Lena Hart" and c.kind == "direct"


def test_short_sentence_is_not_cut_into_parts(claims_of):
    text = "The ferry left the harbour at noon and reached the island before dark."
    assert len(claims_of(text)) == 1


def test_clause_claims_name_the_claim_they_are_part_of(claims_of):
    claims = claims_of(SAID_THEN_PARTICIPLES)
    by_id = {c.id: c for c in claims}
    part = _claim(claims, "had crossed the wide river at dawn")
    parent = by_id[part.parent]
    assert parent.start <= part.start and part.end <= parent.end and parent.parent is None
    assert parent.text.startswith("The leader of the rebel militia said")


def test_clause_claim_joins_its_parent_s_cluster_and_is_not_clustered_alone():
    from linkkit import corpus

    from rashomon.link.clusters import cluster_claims

    text = ("The Velka dam collapsed early on Tuesday after days of rain in the hills, flooding three villages "
            "downstream and cutting the only road to the valley.")
    st = corpus([{"id": "d1", "text": text,
                  "claims": [{"text": text[:-1]}, {"text": "flooding three villages downstream"}]},
                 {"id": "d2", "text": "Three villages downstream were flooded when the dam at Velka gave way on Tuesday.",
                  "claims": [{"text": "Three villages downstream were flooded when the dam at Velka gave way on Tuesday"}]}])
    whole, part = st.dossier.claims[0], st.dossier.claims[1]
    st.dossier.claims[1] = part.model_copy(update={"parent": whole.id})
    st.annotations["d1"].claims[1] = st.dossier.claims[1]
    cluster_claims(st)
    got = {c.id: c.cluster for c in st.dossier.claims}
    assert got[part.id] is not None and got[part.id] == got[whole.id]
    k = next(k for k in st.dossier.clusters if k.id == got[whole.id])
    assert part.id in k.claims


def test_clause_claims_are_off_by_default(run_article):
    # the statements of a long claim are nested claims too (claim_content): off here, so that
    # only clause claims could give a parent
    with use(validate({"claims": {"content_span_min_words": 0}}, "test")):
        st = run_article(SAID_THEN_PARTICIPLES)
    assert not [c for c in st.ann.claims if c.parent]
