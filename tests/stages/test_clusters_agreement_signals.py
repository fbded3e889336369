"""Agreement signals of the claim clusters: one original speaker relayed by several outlets, a
rare name both claims share, a speaker who goes on about the same thing in the next sentence;
and the features those signals rest on (dates are not counts, word-choice sets are not event
types)."""
from __future__ import annotations

from linkkit import claim_by_text, corpus

from rashomon.link.clusters import cluster_claims
from rashomon.link.event_terms import event_classes
from rashomon.link.features import claim_features, original_source
from rashomon.models import Claim, Speaker


def _minister_corpus(parse):
    return corpus([
        {"id": "m1", "outlet": "Harbour Daily",
         "text": "Fisheries minister Ana Lind said that Norwegian trawlers had fished illegally inside the Osk bank.",
         "actors": [{"id": "A1", "name": "Ana Lind", "type": "person"}],
         "claims": [{"text": "Norwegian trawlers had fished illegally inside the Osk bank", "speaker": "Ana Lind", "actor": "A1"}]},
        {"id": "m2", "outlet": "Coast Radio",
         "text": "Ana Lind accused boats from Norway of poaching on the Osk bank for months.",
         "actors": [{"id": "A1", "name": "Ana Lind", "type": "person"}],
         "claims": [{"text": "boats from Norway of poaching on the Osk bank for months", "speaker": "Ana Lind", "actor": "A1"}]},
        {"id": "m3", "outlet": "Dock Review",
         "text": "Prices of cod rose at the Osk harbour market this week, traders said.",
         "claims": [{"text": "Prices of cod rose at the Osk harbour market this week", "speaker": "traders"}]},
    ], parse=parse)


def test_one_speaker_relayed_in_other_words_by_two_outlets_is_one_claim(run_article):
    st = _minister_corpus(run_article)
    cluster_claims(st)
    assert claim_by_text(st, "Norwegian trawlers").cluster == claim_by_text(st, "boats from Norway").cluster


def test_other_speaker_on_the_same_place_stays_apart(run_article):
    st = _minister_corpus(run_article)
    cluster_claims(st)
    assert claim_by_text(st, "Prices of cod").cluster != claim_by_text(st, "Norwegian trawlers").cluster


def test_claims_know_their_rank_in_the_article_and_their_original_source():
    text = ("The mayor said the bridge was closed to lorries. "
            "He stated that heavy vehicles could no longer cross it. "
            "The council approved a new budget for schools. "
            "The mayor said the bridge would reopen to heavy vehicles in June.")
    st = corpus([
        {"id": "b1", "text": text, "actors": [{"id": "A1", "name": "the mayor", "type": "person"}],
         "claims": [{"text": "the bridge was closed to lorries", "speaker": "The mayor", "actor": "A1"},
                    {"text": "heavy vehicles could no longer cross it", "speaker": "He", "actor": "A1"},
                    {"text": "The council approved a new budget for schools"},
                    {"text": "the bridge would reopen to heavy vehicles in June", "speaker": "The mayor", "actor": "A1"}]},
    ])
    feats = claim_features(st)
    ords = [feats[c.id].ordinal for c in st.dossier.claims]
    assert ords == [0, 1, 2, 3]
    assert [feats[c.id].source for c in st.dossier.claims] == ["A1", "A1", None, "A1"]


def test_original_source_is_the_first_speaker_of_the_chain():
    c = Claim(id="c0-0", article="a", text="x y z", start=0, end=5, speaker=Speaker(name="AFP", actor="A9"),
              chain=[Speaker(name="the general", actor="A2"), Speaker(name="AFP", actor="A9")])
    assert original_source(c) == "A2"
    assert original_source(Claim(id="c0-1", article="a", text="x y z", start=0, end=5)) is None


def test_day_of_a_date_is_not_a_count(run_article):
    text = "On April 26, the ministry said that the convoy had reached the coast."
    st = run_article(text)
    from rashomon.models import Dossier
    from rashomon.pipeline import CorpusState

    d = Dossier(articles=[st.article], claims=st.ann.claims, times=st.ann.times, quantities=st.ann.quantities,
                attributions=st.ann.attributions)
    feats = claim_features(CorpusState(dossier=d, annotations={st.article.id: st.ann}))
    claim = next(c for c in d.claims if "convoy" in c.text)
    assert 26.0 not in feats[claim.id].numbers


def test_word_choice_sets_are_not_event_types():
    assert event_classes("The senator slammed the proposal") == set()
    assert event_classes("Troops recaptured the village") == {"retake_territory"}


def test_retaking_a_town_and_fighting_still_going_on_there_stay_apart(run_article):
    # both name the rare town and read alike to the encoder; "retaking" ends the defenders'
    # presence, "fighting is ongoing" says it continues
    st = corpus([
        {"id": "r1", "text": "Government forces pressed on, retaking large parts of the district including the town of Velbar.",
         "claims": [{"text": "retaking large parts of the district including the town of Velbar"}]},
        {"id": "r2", "text": "Heavy fighting is ongoing in the southern outskirts of Velbar, according to local reports.",
         "claims": [{"text": "Heavy fighting is ongoing in the southern outskirts of Velbar", "speaker": "local reports"}]},
        {"id": "r3", "text": "The regional council approved a new budget for schools.",
         "claims": [{"text": "The regional council approved a new budget for schools"}]},
    ], parse=run_article)
    cluster_claims(st)
    assert claim_by_text(st, "fighting is ongoing").cluster != claim_by_text(st, "retaking large parts").cluster


def test_gerunds_and_nouns_of_retaking_end_the_defenders_presence():
    from rashomon.link.relations.lexicon import state_poles

    for text in ("retaking large parts of the district", "after the liberation of the town", "the army retook the port"):
        assert state_poles(text).get("presence", (None,))[0] == "ended", text
