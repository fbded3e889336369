"""The learned claim matcher (link/matcher.py over link/pair_features.py) on sentences written for
these tests: paraphrases with other verbs, names and voice score at or above the shipped cut
(``clusters.learned_cluster``); near misses (another day, number, polarity, agent; agent and
patient swapped) score below it; those not separated yet (another place, a town and its province)
are strict xfails. Each pair is scored the way the clustering stage scores two narrated claims of
different articles: the shipped encoder, spaCy entities and each sentence's proposition (the
per-article stages up to ``claims``); the batch of all test sentences gives the IDF weights, as
one dossier does."""
from __future__ import annotations

import pytest

from rashomon.link.clusters import PairScorer, _params
from rashomon.link.pair_features import sentence_features
from rashomon.link.similarity import encode
from rashomon.settings import use, validate

PARAPHRASES = [
    # other verbs
    ("Floodwater destroyed the old bridge over the Velka river on Tuesday.",
     "On Tuesday the flood swept away the old bridge across the Velka river."),
    # a name in full and by surname, other verb
    ("Mayor Ilse Varga resigned after the audit of the city budget.",
     "Varga stepped down as mayor following the audit of the city's budget."),
    # active and passive voice
    ("Rebels shot down a military helicopter near Dorsk.",
     "A military helicopter was shot down by rebels near Dorsk."),
    ("The ministry said 42 people were killed in the blast at the Kelm chemical plant.",
     "The explosion at the Kelm chemical plant killed 42 people, the ministry said."),
]

NEAR_MISSES = {
    "another day": ("The council will vote on the Kelm port budget on Monday.",
                    "The council will vote on the Kelm port budget on Thursday."),
    "another number": ("The ministry said 42 people were killed in the blast at the Kelm chemical plant.",
                       "The ministry said 7 people were killed in the blast at the Kelm chemical plant."),
    "opposite polarity": ("The dam at Velka collapsed after the storm.",
                          "The dam at Velka did not collapse after the storm."),
    # separated by the propositions' clashes, which the clustering stage adds to the matcher's
    # probability as a structural term (link/minimal_pair.py: a minimal pair)
    "another agent": ("Rebels shot down a military helicopter near Dorsk.",
                      "The army shot down a rebel helicopter near Dorsk."),
    "agent and patient swapped": ("Varga's party accused the Tarn bloc of fraud in the Dorsk vote.",
                                  "The Tarn bloc accused Varga's party of fraud in the Dorsk vote."),
}

# Near misses not separated yet (scored above the cut): the parse gives a place slot to neither
# river nor to "in Dorsk" (not tagged as places, so no place clash), and "Velka" is named by four
# of the batch's sentences, so it is not a rare name whose swap would count; the tests are strict
# xfails so they report when places are read.
NOT_YET_SEPARATED = {
    "another place": ("Floodwater destroyed the old bridge over the Velka river on Tuesday.",
                      "Floodwater destroyed the old bridge over the Morava river on Tuesday."),
    "a town and its province": ("Two people died in the landslide in Dorsk on Tuesday.",
                                "Two people died in landslides across Marel province on Tuesday."),
}


@pytest.fixture(scope="module")
def score(run_article):
    texts = list(dict.fromkeys([t for p in PARAPHRASES for t in p] + [t for p in NEAR_MISSES.values() for t in p]
                               + [t for p in NOT_YET_SEPARATED.values() for t in p]))
    vec = encode(texts)
    feats = []
    for n, t in enumerate(texts):  # each sentence one narrated claim of its own article, with its proposition
        st = run_article(t, until="claims", article_id=f"a{n}", published="2024-03-06")
        f = sentence_features(t, [(e.text, lab) for e, lab in zip(st.ann.entities, st.ann.entity_labels)])
        f.proposition = max(st.ann.claims, key=lambda c: c.end - c.start).proposition if st.ann.claims else None
        feats.append(f)
    with use(validate({"clusters": {"scorer": "learned"}}, "test")):
        params = _params()
    scorer = PairScorer(vec, feats, [f"a{i}" for i in range(len(texts))], params)
    row = {t: i for i, t in enumerate(texts)}
    return lambda a, b: scorer.score(row[a], row[b])


@pytest.fixture(scope="module")
def cut():
    with use(validate({"clusters": {"scorer": "learned"}}, "test")):
        return _params()["cluster"]


@pytest.mark.parametrize("a,b", PARAPHRASES)
def test_paraphrases_with_other_verbs_names_and_voice_match(score, cut, a, b):
    assert score(a, b) >= cut


@pytest.mark.parametrize("what", sorted(NEAR_MISSES))
def test_near_misses_do_not_match(score, cut, what):
    a, b = NEAR_MISSES[what]
    assert score(a, b) < cut, what


@pytest.mark.xfail(strict=True, reason="a place is not read as a place slot on one side or both (see NOT_YET_SEPARATED)")
@pytest.mark.parametrize("what", sorted(NOT_YET_SEPARATED))
def test_near_misses_of_place_and_part_not_yet_separated(score, cut, what):
    a, b = NOT_YET_SEPARATED[what]
    assert score(a, b) < cut, what


def test_a_changed_count_scores_below_the_same_sentence_reworded(score):
    assert score(*PARAPHRASES[3]) > score(*NEAR_MISSES["another number"]) + 0.3



def _harbour_corpus():
    from linkkit import corpus

    return corpus([
        {"id": "h1", "outlet": "Harbour Daily",
         "text": "The storm sank 14 fishing boats in the Kelm harbour overnight, the coast guard said.",
         "claims": [{"text": "The storm sank 14 fishing boats in the Kelm harbour overnight", "speaker": "the coast guard"}]},
        {"id": "h2", "outlet": "Coast Wire",
         "text": "Fourteen fishing boats, 14 in all, were sunk by the overnight storm in Kelm harbour.",
         "claims": [{"text": "Fourteen fishing boats, 14 in all, were sunk by the overnight storm in Kelm harbour"}]},
        {"id": "h3", "outlet": "Bay Ledger",
         "text": "The storm sank 40 fishing boats in the Kelm harbour overnight, fishermen said.",
         "claims": [{"text": "The storm sank 40 fishing boats in the Kelm harbour overnight", "speaker": "fishermen"}]},
    ])


def test_the_clustering_stage_runs_on_the_learned_scorer_and_keeps_another_count_apart():
    from linkkit import claim_by_text

    from rashomon.link.clusters import cluster_claims

    st = _harbour_corpus()
    with use(validate({"clusters": {"scorer": "learned"}}, "test")):
        cluster_claims(st)
    a = claim_by_text(st, "sank 14 fishing boats").cluster
    assert a == claim_by_text(st, "were sunk by the overnight storm").cluster
    assert a != claim_by_text(st, "sank 40 fishing boats").cluster
