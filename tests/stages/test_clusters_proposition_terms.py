"""The hand pair score (``clusters.scorer: hand``, the shipped default) reads the claims'
propositions: one claim told with other verbs, names or voice reaches the cluster cut; a near miss
worded alike (another place, day, agent, number, polarity; agent and patient swapped; a part and
its whole) stays below it. Each sentence is one narrated claim of its own article, run through the
per-article stages up to ``claims`` (so it has its real ``Proposition`` and dated times); the
features are those of ``pair_features.sentence_features`` plus that proposition and the claim's day
dates; the batch of all test sentences
gives the IDF weights, as one dossier does."""
from __future__ import annotations

import pytest

from rashomon.link.clusters import PairScorer, _params
from rashomon.link.pair_features import sentence_features
from rashomon.link.similarity import encode

PUBLISHED = "2024-03-06"  # a Wednesday: the articles' date, so "on Monday" has a day

PARAPHRASES = {
    "passive voice": ("Rebels shot down a military helicopter near Dorsk.",
                      "A military helicopter was shot down by rebels near Dorsk."),
    "another verb of the same event": ("Border guards detained the ship's captain at the port of Velm.",
                                       "The ship's captain was arrested by border guards at the port of Velm."),
    "a name in full and by surname": ("Mayor Ilse Varga resigned after the audit of the city budget.",
                                      "Varga stepped down as mayor following the audit of the city's budget."),
    "a rounded figure": ("The ministry said 11,300 people died in the floods in Tarn province.",
                         "About 11,000 people died in the floods in Tarn province, the ministry said."),
}

NEAR_MISSES = {
    "another place": ("Floodwater destroyed the old bridge over the Sava river on Tuesday.",
                      "Floodwater destroyed the old bridge over the Morava river on Tuesday."),
    "another day": ("The council will vote on the Kelm port budget on Monday.",
                    "The council will vote on the Kelm port budget on Thursday."),
    "another agent": ("Rebels shot down a military helicopter near Dorsk.",
                      "The army shot down a military helicopter near Dorsk."),
    "another number": ("The ministry said 42 people were killed in the blast at the Kelm chemical plant.",
                       "The ministry said 7 people were killed in the blast at the Kelm chemical plant."),
    "opposite polarity": ("The dam at Velka collapsed after the storm.",
                          "The dam at Velka did not collapse after the storm."),
    "agent and patient swapped": ("Varga's party accused the Tarn bloc of fraud in the Dorsk vote.",
                                  "The Tarn bloc accused Varga's party of fraud in the Dorsk vote."),
    "a part and its whole": ("Shelling destroyed a section of the Velka bridge.",
                             "Shelling destroyed the Velka bridge."),
    "another share of the vote": ("The ruling party won 54.2% of the vote in the Tarn election.",
                                  "The ruling party won 52.9% of the vote in the Tarn election."),
}


@pytest.fixture(scope="module")
def score(run_article):
    texts = list(dict.fromkeys([t for p in PARAPHRASES.values() for t in p] + [t for p in NEAR_MISSES.values() for t in p]))
    feats = []
    for n, t in enumerate(texts):
        st = run_article(t, until="claims", article_id=f"a{n}", published=PUBLISHED)
        assert st.ann.claims, t  # every test sentence is one claim
        claim = max(st.ann.claims, key=lambda c: c.end - c.start)
        f = sentence_features(t, [(e.text, lab) for e, lab in zip(st.ann.entities, st.ann.entity_labels)])
        f.proposition = claim.proposition
        times = {x.id: x for x in st.ann.times}
        f.dates = {times[i].value for i in claim.times if i in times and times[i].value and times[i].type == "date"}
        feats.append(f)
    params = _params()
    assert params["scorer"] == "hand"
    scorer = PairScorer(encode(texts), feats, [f"a{i}" for i in range(len(texts))], params)
    row = {t: i for i, t in enumerate(texts)}
    return lambda a, b: scorer.score(row[a], row[b])


@pytest.fixture(scope="module")
def cut():
    return _params()["cluster"]


@pytest.mark.parametrize("what", sorted(PARAPHRASES))
def test_paraphrases_with_other_verbs_names_and_voice_reach_the_cut(score, cut, what):
    a, b = PARAPHRASES[what]
    assert score(a, b) >= cut, what


@pytest.mark.parametrize("what", sorted(NEAR_MISSES))
def test_near_misses_worded_alike_stay_below_the_cut(score, cut, what):
    a, b = NEAR_MISSES[what]
    assert score(a, b) < cut, what


def test_the_passive_retelling_scores_above_the_same_words_with_another_agent(score):
    a, b = PARAPHRASES["passive voice"]
    assert score(a, b) > score(*NEAR_MISSES["another agent"])

