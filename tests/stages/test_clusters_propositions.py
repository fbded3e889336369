"""Claim clusters: one proposition across outlets however worded; distinct propositions on the
same topic stay apart; every claim gets a cluster; blocking keeps comparisons well below n^2."""
from __future__ import annotations

import numpy as np
from linkkit import claim_by_text, corpus

from rashomon.link.candidates import candidate_pairs
from rashomon.link.clusters import cluster_claims


def _port_corpus():
    return corpus([
        {"id": "p1", "outlet": "Harbor Daily",
         "text": ("Minister Marta Kask said the port of Paldiski will close for two weeks from Monday. "
                  "Chadian troops fought alongside government forces near the border. "
                  "Our units continue to hold their positions in the valley, the army said."),
         "claims": [{"text": "the port of Paldiski will close for two weeks from Monday", "speaker": "Marta Kask"},
                    {"text": "Chadian troops fought alongside government forces near the border"},
                    {"text": "Our units continue to hold their positions in the valley", "speaker": "the army"}]},
        {"id": "p2", "outlet": "Baltic Wire",
         "text": ("Paldiski port is to be shut for a fortnight starting Monday, Kask announced. "
                  "Chad sent 2,000 troops to the region last year. "
                  "All enemy troops have been driven out of the valley, the rebels claimed."),
         "claims": [{"text": "Paldiski port is to be shut for a fortnight starting Monday", "speaker": "Kask"},
                    {"text": "Chad sent 2,000 troops to the region last year"},
                    {"text": "All enemy troops have been driven out of the valley", "speaker": "the rebels"}]},
        {"id": "p3",
         "text": ("The port of Paldiski will be closed for two weeks beginning on Monday, the ministry said. "
                  "Bakeries in the capital raised bread prices."),
         "claims": [{"text": "The port of Paldiski will be closed for two weeks beginning on Monday", "speaker": "the ministry"},
                    {"text": "Bakeries in the capital raised bread prices"}]},
    ])


def test_paraphrases_across_outlets_share_one_cluster():
    st = _port_corpus()
    cluster_claims(st)
    ids = {claim_by_text(st, t).cluster for t in ("the port of Paldiski will close", "Paldiski port is to be shut",
                                                    "The port of Paldiski will be closed")}
    assert len(ids) == 1


def test_same_topic_different_propositions_stay_apart():
    st = _port_corpus()
    cluster_claims(st)
    assert claim_by_text(st, "Chadian troops fought").cluster != claim_by_text(st, "Chad sent 2,000").cluster
    assert claim_by_text(st, "continue to hold their positions").cluster != claim_by_text(st, "driven out of the valley").cluster


def test_every_claim_gets_a_cluster_and_singletons_are_clusters():
    st = _port_corpus()
    cluster_claims(st)
    assert all(c.cluster for c in st.dossier.claims)
    listed = [cid for k in st.dossier.clusters for cid in k.claims]
    assert sorted(listed) == sorted(c.id for c in st.dossier.claims)
    bread = claim_by_text(st, "Bakeries")
    k = next(k for k in st.dossier.clusters if k.id == bread.cluster)
    assert k.claims == [bread.id] and k.label == bread.text


def test_cluster_lists_outlets_or_article_ids_when_unknown():
    st = _port_corpus()
    cluster_claims(st)
    port = claim_by_text(st, "the port of Paldiski will close").cluster
    k = next(k for k in st.dossier.clusters if k.id == port)
    assert k.id.startswith("k") and set(k.articles) == {"p1", "p2", "p3"}
    assert set(k.outlets) == {"Harbor Daily", "Baltic Wire", "p3"}
    assert k.label in {st.dossier.claims[i].text for i in range(len(st.dossier.claims))}


def test_two_claims_of_one_article_do_not_merge_when_merely_similar():
    st = corpus([{"id": "q1", "text": "The port will close on Monday. The port will reopen on Friday.",
                  "claims": [{"text": "The port will close on Monday"}, {"text": "The port will reopen on Friday"}]}])
    cluster_claims(st)
    a, b = st.dossier.claims
    assert a.cluster != b.cluster


def test_embeddings_are_cached_for_later_stages():
    st = _port_corpus()
    cluster_claims(st)
    cache = st.claim_embeddings
    assert set(cache["ids"]) == {c.id for c in st.dossier.claims}
    v = cache["vectors"]
    assert np.allclose(np.linalg.norm(v, axis=1), 1.0, atol=1e-4)


def test_blocking_compares_far_fewer_pairs_than_all_of_them():
    rng = np.random.default_rng(0)
    v = rng.standard_normal((4000, 64)).astype(np.float32)
    v /= np.linalg.norm(v, axis=1, keepdims=True)
    pairs = candidate_pairs(v)
    assert len(pairs) < 0.1 * 4000 * 3999 / 2
    # near duplicates still meet in some bucket
    w = np.vstack([v[:50], v[:50] + 0.01 * rng.standard_normal((50, 64)).astype(np.float32)])
    w /= np.linalg.norm(w, axis=1, keepdims=True)
    big = np.vstack([w, v[50:]])
    pairs = candidate_pairs(big)
    found = sum(1 for i in range(50) if (i, 50 + i) in pairs)
    assert found >= 45
