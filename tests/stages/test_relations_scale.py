"""Relations in large corpora: above ``relations.all_pairs_max`` claims the signals only examine
blocked candidate pairs (``relations.context.view_pairs``). Here the limit is forced down to 1 so the
blocked path runs on the small hand-written cases of ``test_relations_signals``: every one of
them must still hold. Plus: the blocked pairs are far fewer than all pairs on many claims."""
from __future__ import annotations

import numpy as np
import pytest

from test_relations_signals import *  # noqa: F401,F403  (the same cases, re-run on the blocked path)


@pytest.fixture(autouse=True)
def blocked_relations(monkeypatch):
    monkeypatch.setenv("RASHOMON_RELATIONS__ALL_PAIRS_MAX", "1")


def test_blocked_pairs_are_few_and_keep_near_duplicates():
    from rashomon.link.relations.context import ClaimView, view_pairs

    rng = np.random.default_rng(0)
    base = rng.standard_normal((300, 32)).astype(np.float32)
    vecs = np.vstack([base, base + 0.01 * rng.standard_normal((300, 32)).astype(np.float32)])
    vecs /= np.linalg.norm(vecs, axis=1, keepdims=True)
    views = [ClaimView(claim=None, text="", span=None, cluster=f"k{i}", side=None, speaker=None, speaker_name=None,
                       date=None, date_source="", vec=v) for i, v in enumerate(vecs)]
    pairs = list(view_pairs(views))
    assert len(pairs) < len(views) * (len(views) - 1) // 2 // 4
    index = {id(v): i for i, v in enumerate(views)}
    found = {(index[id(x)], index[id(y)]) for x, y in pairs}
    assert all(index[id(x)] < index[id(y)] for x, y in pairs)
    assert sum((i, i + 300) in found for i in range(300)) >= 295  # each claim meets its near copy
