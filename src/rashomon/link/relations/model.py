"""The learned relation classifier and stance head, shipped in ``rashomon/weights/stance.joblib``.

``scripts/train_stance.py`` writes the file (see ``rashomon.train.stance`` for the recipe): a
dict with two scikit-learn ``HistGradientBoostingClassifier`` models over the features of
``rashomon.link.relations.features``:

- ``relation``: two short texts -> P(contradicts), P(supports), P(neutral);
- ``stance``: (headline, article body) -> agree / disagree / discuss / unrelated (FNC-1 labels).

The file is loaded lazily once per process (``load_model``). Embeddings come from
``similarity.encode`` (``embed``), normalised to unit length.
"""
from __future__ import annotations

import hashlib
import pickle
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Optional

import numpy as np

from ...engine.threads import one_thread
from ...errors import ModelMissingError

from .features import pair_features, split_sentences, stance_features

MODEL_FILE = "stance.joblib"
RELATION_LABELS = ("contradicts", "supports", "neutral")
STANCE_LABELS = ("agree", "disagree", "discuss", "unrelated")


@lru_cache(maxsize=1)
def load_model() -> dict:
    """The shipped models (``{"relation", "stance", "meta"}``); raises ``FileNotFoundError`` with
    the command that makes them when the file is missing."""
    import joblib

    path = resources.files("rashomon").joinpath("weights", MODEL_FILE)
    if not path.is_file():
        raise ModelMissingError(path=f"rashomon/weights/{MODEL_FILE}", remedy="run: python scripts/train_stance.py")
    with resources.as_file(path) as p:
        return joblib.load(p)


def model_available() -> bool:
    """True when the shipped classifier file is present."""
    return resources.files("rashomon").joinpath("weights", MODEL_FILE).is_file()


def embed(texts: list[str], cache: Optional[Path] = None, batch_size: int = 64) -> np.ndarray:
    """Unit-normalised MiniLM embeddings of ``texts`` (n x 384, float32), through the one
    encoder path ``similarity.encode``. With ``cache`` (a pickle file of text-hash -> float16
    vector; used by the offline training in ``rashomon.train``) known texts are not encoded again."""
    texts = list(texts)
    if cache is None:
        from ..similarity import encode

        if not texts:
            return np.zeros((0, 384), np.float32)
        out = encode(texts, batch_size=batch_size).astype(np.float16).astype(np.float32)  # as stored in training
        norms = np.linalg.norm(out, axis=1, keepdims=True)
        norms[norms == 0] = 1.0
        return out / norms
    store: dict[str, np.ndarray] = {}
    if cache is not None and Path(cache).exists():
        with open(cache, "rb") as f:
            store = pickle.load(f)
    keys = [hashlib.sha1(t.encode("utf-8")).hexdigest()[:20] for t in texts]
    todo = sorted({k: t for k, t in zip(keys, texts) if k not in store}.items())
    if todo:
        from ..similarity import encode

        chunk = 4000  # save progress on long runs
        for i in range(0, len(todo), chunk):
            part = todo[i:i + chunk]
            vecs = encode([t for _, t in part], batch_size=batch_size)
            for (k, _), v in zip(part, vecs):
                store[k] = np.asarray(v, dtype=np.float16)
            if cache is not None:
                Path(cache).parent.mkdir(parents=True, exist_ok=True)
                with open(cache, "wb") as f:
                    pickle.dump(store, f, protocol=4)
    out = np.stack([store[k].astype(np.float32) for k in keys]) if keys else np.zeros((0, 384), np.float32)
    norms = np.linalg.norm(out, axis=1, keepdims=True)
    norms[norms == 0] = 1.0
    return out / norms


def relation_proba(pairs: list[tuple[str, str]], vecs: Optional[list[tuple[np.ndarray, np.ndarray]]] = None) -> np.ndarray:
    """P(contradicts, supports, neutral) for each ``(a, b)`` text pair (n x 3). ``vecs`` gives the
    pairs' embeddings when the caller has them."""
    if not pairs:
        return np.zeros((0, 3))
    if vecs is None:
        flat = embed([t for p in pairs for t in p])
        vecs = [(flat[2 * i], flat[2 * i + 1]) for i in range(len(pairs))]
    X = np.stack([pair_features(a, b, ua, ub) for (a, b), (ua, ub) in zip(pairs, vecs)])
    m = load_model()["relation"]
    with one_thread("openmp"):
        proba = m.predict_proba(X)
    order = [list(m.classes_).index(lab) for lab in RELATION_LABELS]
    return proba[:, order]


def stance_proba(X: np.ndarray) -> tuple[list[str], np.ndarray]:
    """Class names and probabilities of the stance head for feature rows ``X``, corrected for
    the unrelated pairs left out in training (``meta["unrelated_frac"]``: their probability is
    divided by that share and the rows renormalised, the usual prior-shift correction) and
    scaled for ``disagree`` (``meta["disagree_scale"]``, 1 when absent); see ``corrected_proba``."""
    bundle = load_model()
    m = bundle["stance"]
    with one_thread("openmp"):
        p = m.predict_proba(X)
    meta = bundle.get("meta", {})
    frac = float(meta.get("unrelated_frac", 1.0) or 1.0)
    classes = list(m.classes_)
    return classes, corrected_proba(p, classes, frac, float(meta.get("disagree_scale", 1.0) or 1.0))


def corrected_proba(p: np.ndarray, classes: list[str], unrelated_frac: float, disagree_scale: float = 1.0) -> np.ndarray:
    """Stance probabilities ``p`` (rows over ``classes``) with the ``unrelated`` column divided by
    ``unrelated_frac`` (the share of unrelated pairs kept in training) and the ``disagree``
    column multiplied by ``disagree_scale`` (chosen on FNC-1 dev by ``train.stance``), rows
    renormalised; a new array."""
    p = np.array(p, dtype=float, copy=True)
    if unrelated_frac < 1.0 and "unrelated" in classes:
        p[:, classes.index("unrelated")] /= unrelated_frac
    if disagree_scale != 1.0 and "disagree" in classes:
        p[:, classes.index("disagree")] *= disagree_scale
    p /= p.sum(axis=1, keepdims=True)
    return p


def stance(headline: str, body: str) -> dict[str, float]:
    """FNC-1 stance probabilities of ``body`` toward ``headline``."""
    sents = split_sentences(body)
    v = embed([headline] + sents)
    x = stance_features(headline, sents, v[0], v[1:])[None, :]
    classes, p = stance_proba(x)
    return {lab: float(q) for lab, q in zip(classes, p[0])}
