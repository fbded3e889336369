"""Event grouping at scale: large same-event components are grouped by the sparse average
linkage (``events.max_block``) with the same outcome as the dense one, big events are labelled
and explained from a bounded panel, and the claim-vector lookup does not rescan the corpus.
Offline and fast: a hashing encoder stands in for the sentence model."""
from __future__ import annotations

import random

import numpy as np
import pytest

from rashomon.link.clusters import average_linkage
from rashomon.link.events import group_events, sparse_average_linkage
from rashomon.models import Article, ArticleAnnotations, Claim, Dossier
from rashomon.pipeline import CorpusState


def hash_encoder(texts):
    from sklearn.feature_extraction.text import HashingVectorizer

    return HashingVectorizer(n_features=256, alternate_sign=False, norm="l2").transform(texts).toarray().astype("float32")


def _story(rng: random.Random, vocab: list[str]) -> list[str]:
    return [" ".join(rng.choice(vocab) for _ in range(12)).capitalize() + "." for _ in range(6)]


def many_articles(stories: int, outlets: int, seed: int = 3) -> CorpusState:
    """``stories`` unrelated stories (each its own random vocabulary), each retold by ``outlets``
    outlets with 5 of its 6 sentences; claims = the sentences."""
    rng = random.Random(seed)
    d, anns = Dossier(), {}
    for s in range(stories):
        vocab = [f"w{s}x{k}" for k in range(40)]
        sents = _story(rng, vocab)
        for o in range(outlets):
            keep = sorted(rng.sample(range(6), 5))
            body = " ".join(sents[k] for k in keep)
            aid = f"s{s}o{o}"
            art = Article(id=aid, index=len(d.articles), text=body, outlet=f"outlet {o}")
            ann = ArticleAnnotations(article=aid)
            pos = 0
            for n, k in enumerate(keep):
                start = body.index(sents[k], pos)
                ann.claims.append(Claim(id=f"{aid}-{n}", article=aid, text=sents[k], start=start, end=start + len(sents[k])))
                pos = start + len(sents[k])
            d.articles.append(art)
            d.claims += ann.claims
            anns[aid] = ann
    st = CorpusState(dossier=d, annotations=anns)
    st.encoder = hash_encoder
    return st


@pytest.fixture
def small_max_block(monkeypatch):
    """Force the sparse linkage on any component above 2 articles."""
    monkeypatch.setenv("RASHOMON_EVENTS__MAX_BLOCK", "2")


def _random_graph(rng: random.Random, m: int, density: float) -> dict[tuple[int, int], float]:
    sim = {}
    for a in range(m):
        for b in range(a + 1, m):
            if rng.random() < density:
                sim[(a, b)] = round(rng.random(), 6) + rng.random() * 1e-7  # no ties
    return sim


@pytest.mark.parametrize("seed", range(8))
def test_sparse_average_linkage_matches_the_dense_one(seed):
    rng = random.Random(seed)
    m = rng.randint(5, 60)
    sim = _random_graph(rng, m, rng.choice([0.1, 0.3, 0.7]))
    cut = rng.choice([0.3, 0.5, 0.7])
    dense = sorted(sorted(g) for g in average_linkage(list(range(m)), sim, cut))
    sparse = sorted(sparse_average_linkage(list(range(m)), sim, cut))
    assert sparse == dense


def test_sparse_average_linkage_does_not_chain_through_one_strong_pair():
    # a-b and b-c strong, a-c never scored: {a, b} + c averages (0.9 + 0) / 2 < 0.5
    groups = sorted(sparse_average_linkage([0, 1, 2], {(0, 1): 0.95, (1, 2): 0.9}, 0.5))
    assert groups == [[0, 1], [2]]


def test_many_small_articles_same_event_articles_land_together(small_max_block):
    st = many_articles(stories=60, outlets=3)
    group_events(st)
    ev = {a.id: a.event for a in st.dossier.articles}
    for s in range(60):
        assert ev[f"s{s}o0"] == ev[f"s{s}o1"] == ev[f"s{s}o2"], s
    assert len({ev[f"s{s}o0"] for s in range(60)}) == 60  # different stories stay apart
    assert st.event_stats["compared"] < 180 * 179 // 2  # blocked, not all pairs


def test_sparse_and_dense_linkage_give_the_same_events(monkeypatch):
    dense = many_articles(stories=30, outlets=3, seed=5)
    group_events(dense)
    monkeypatch.setenv("RASHOMON_EVENTS__MAX_BLOCK", "2")
    sparse = many_articles(stories=30, outlets=3, seed=5)
    group_events(sparse)
    assert [e.articles for e in sparse.dossier.events] == [e.articles for e in dense.dossier.events]


def test_a_big_event_is_labelled_and_explained_from_a_panel(monkeypatch):
    from rashomon.link import events

    monkeypatch.setenv("RASHOMON_EVENTS__PANEL", "5")
    st = many_articles(stories=1, outlets=12, seed=9)
    group_events(st)
    main = st.dossier.events[0]
    assert main.main and len(main.articles) == 12
    assert main.label.rstrip(".") in st.dossier.articles[0].text or any(
        main.label.rstrip(".") in a.text for a in st.dossier.articles)
    assert main.reason.startswith("12 articles with mean same-event probability")


def test_claim_vectors_are_read_without_rescanning_and_new_claims_still_encoded():
    from rashomon.link.similarity import claim_embeddings, vectors_for

    st = many_articles(stories=2, outlets=2)
    cache = claim_embeddings(st)
    ids = [c.id for c in st.dossier.claims[:3]]
    assert np.array_equal(vectors_for(st, ids), cache["vectors"][[cache["index"][i] for i in ids]])
    new = Claim(id="late", article="s0o0", text="A late claim about w0x1 and w0x2.", start=0, end=10)
    st.dossier.claims.append(new)
    v = vectors_for(st, ["late"])
    assert v.shape[0] == 1 and np.allclose(v[0], hash_encoder([new.text])[0] / np.linalg.norm(hash_encoder([new.text])[0]))
