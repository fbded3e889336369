"""Sentence embeddings of claims (and other short texts), computed once per dossier.

The per-article stage ``encode_claims`` stores each claim's unit embedding (and that of its
proposition text, see below) in the article's annotations (``claim_vectors``,
``proposition_vectors``). ``claim_embeddings(state)`` gathers them for every claim of the
dossier (encoding only claims without a stored vector) into ``state.claim_embeddings`` so later
stages (events, clusters, relations, dates) share one matrix::

    {"ids": [claim id, ...],            # the order of the rows
     "index": {claim id: row},
     "vectors": numpy.ndarray (n, d)}    # float32, L2-normalised (dot product = cosine)

Claims added after the cache was built are taken on the next call and appended.
``proposition_vectors(state, ids)`` embeds what a claim *asserts*: its text with the speaker
mention, the chain's speakers and the reporting cue cut out ("The Kremlin announced that Russian
forces ..." -> "that Russian forces ..."), so two claims are not alike merely because one person
said both. Cached in ``state.proposition_embeddings`` (same layout as above); the texts are in
``state.proposition_texts`` (claim id -> text).

A benchmark may set ``state.encoder`` (list[str] -> ndarray) to replace the model (e.g. a
hashing encoder for scale tests); then stored vectors are not used. Production never does.
"""
from __future__ import annotations

import re
from typing import Callable, Optional, Sequence

import numpy as np

from ..data import load_yaml

_WORDS = load_yaml("similarity_words.yaml", "en")  # word lists and patterns of this module (data/en/similarity_words.yaml)


def normalise(v: np.ndarray) -> np.ndarray:
    """Rows scaled to unit length (zero rows stay zero)."""
    v = np.asarray(v, dtype=np.float32)
    if v.ndim == 1:
        v = v[None, :]
    n = np.linalg.norm(v, axis=1, keepdims=True)
    n[n == 0] = 1.0
    return v / n


# Texts per encoder call. Texts are encoded longest first, so batches carry little padding; small
# batches keep the layer activations in cache: on the 1,203 claims of 30 PolNeAR articles (2
# shared cores) batches of 8 ran in 13-15 s, of 16 in 15-20 s, of 32 in 19-20 s, of 64 in 26 s.
BATCH_SIZE = 8


def encode(texts: Sequence[str], encoder: Optional[Callable] = None, batch_size: int = BATCH_SIZE) -> np.ndarray:
    """Unit-length embeddings of ``texts`` (shape (len(texts), d)); an identical text is encoded
    once."""
    if encoder is not None:
        return normalise(encoder(list(texts)))
    from ..nlp import get_encoder

    model = get_encoder()
    if not texts:
        dim = getattr(model, "get_embedding_dimension", None) or model.get_sentence_embedding_dimension
        return np.zeros((0, int(dim())), dtype=np.float32)
    uniq = list(dict.fromkeys(texts))
    vec = model.encode(uniq, batch_size=batch_size, show_progress_bar=False, convert_to_numpy=True,
                       normalize_embeddings=True)
    vec = normalise(vec)
    if len(uniq) == len(texts):
        return vec
    row = {t: i for i, t in enumerate(uniq)}
    return vec[[row[t] for t in texts]]


# The libraries both the encoding thread (sentence-transformers pulls in scikit-learn and SciPy
# modules) and the linking stages of the main thread import. Two threads importing the same
# package at once can see it partially initialised ("cannot import name 'clone' from partially
# initialized module 'sklearn.base'", about one run in twenty), so the engine that starts the encoding
# thread (``engine.base.Background``) imports these in the calling thread first (about a second, which the linking stages would
# spend anyway). With them imported, loading the encoder imports no further scikit-learn or
# SciPy module (checked by tests/acceptance/test_encoding_thread_imports.py). torch is imported
# by spaCy (thinc) as well, so it is here too (no extra cost: the parse imports it anyway);
# transformers is imported only under ``nlp.get_encoder``'s lock.
SHARED_LIBRARIES = ("torch", "sklearn.base", "sklearn.metrics", "sklearn.feature_extraction.text", "scipy.cluster.hierarchy",
                    "scipy.spatial.distance")


def import_shared_libraries() -> None:
    """Import ``SHARED_LIBRARIES`` in this thread (cheap when already imported)."""
    import importlib

    for name in SHARED_LIBRARIES:
        importlib.import_module(name)



def encode_claims(state) -> None:
    """Per-article stage ``encode``: ``ann.claim_vectors`` (claim id -> unit embedding of its text)
    and ``ann.proposition_vectors`` (the same for its proposition text, only where that differs
    from the text), so the corpus stages read vectors instead of encoding. Each distinct text is
    encoded once."""
    ann = state.ann
    if not ann.claims:
        return
    atts = {a.id: a for a in ann.attributions}
    props = {c.id: proposition_text(c, atts.get(c.attribution) if c.attribution else None) for c in ann.claims}
    texts = list(dict.fromkeys([c.text for c in ann.claims] + [props[c.id] for c in ann.claims]))
    row = dict(zip(texts, encode(texts).tolist()))
    ann.claim_vectors = {c.id: row[c.text] for c in ann.claims}
    ann.proposition_vectors = {c.id: row[props[c.id]] for c in ann.claims if props[c.id] != c.text}


def _stored(state, claims, field: str) -> np.ndarray:
    """Rows for ``claims``: the vectors their article's encode stage stored in ``field``
    (``claim_vectors`` or ``proposition_vectors``), texts without one encoded here. With a
    replacement encoder (``state.encoder``) everything is encoded with it."""
    if field == "claim_vectors":
        texts = [c.text for c in claims]
    else:
        props = proposition_texts(state)  # once: each call scans the dossier's claims
        texts = [props[c.id] for c in claims]
    if state.encoder is not None or not claims:
        return encode(texts, state.encoder)
    rows: list = []
    todo = []
    for k, c in enumerate(claims):
        ann = state.annotations.get(c.article)
        v = getattr(ann, field).get(c.id) if ann is not None else None
        rows.append(v)
        if v is None:
            todo.append(k)
    if todo:
        fresh = encode([texts[k] for k in todo])
        for j, k in enumerate(todo):
            rows[k] = fresh[j]
    return np.asarray(rows, dtype=np.float32)


def claim_embeddings(state) -> dict:
    """The cached claim embeddings of ``state.dossier.claims`` (see module doc)."""
    cache = state.claim_embeddings
    claims = state.dossier.claims
    if cache is None:
        cache = {"ids": [], "index": {}, "vectors": None}
    missing = [c for c in claims if c.id not in cache["index"]]
    if missing or cache["vectors"] is None:
        vec = _stored(state, missing, "claim_vectors")
        if cache["vectors"] is None:
            cache["vectors"] = vec
        else:
            cache["vectors"] = np.vstack([cache["vectors"], vec]) if len(vec) else cache["vectors"]
        for c in missing:
            cache["index"][c.id] = len(cache["ids"])
            cache["ids"].append(c.id)
    state.claim_embeddings = cache
    return cache


def vectors_for(state, claim_ids: Sequence[str]) -> np.ndarray:
    """Rows of the claim-embedding cache for ``claim_ids`` (in that order). The cache is only
    refreshed (``claim_embeddings``, a pass over all claims) when one of the ids is missing from
    it, so calling this once per cluster stays linear in the corpus."""
    cache = state.claim_embeddings
    if cache is None or cache["vectors"] is None or any(i not in cache["index"] for i in claim_ids):
        cache = claim_embeddings(state)
    if not claim_ids:
        return np.zeros((0, cache["vectors"].shape[1] if cache["vectors"] is not None and cache["vectors"].ndim == 2 else 384),
                        dtype=np.float32)
    return cache["vectors"][[cache["index"][i] for i in claim_ids]]


_LEAD = re.compile(_WORDS["lead_complementizer"], re.I)


def _content_text(claim, attribution) -> str:
    """The attribution's content spans that lie inside ``claim`` (joined, leading "that" off), or
    "" when there are none: what was said, without the "X said that" frame and the adverbials
    around the cue ("Speaking to reporters on Friday, ...")."""
    if attribution is None:
        return ""
    parts = []
    for sp in attribution.content or []:
        s, e = max(sp.start, claim.start), min(sp.end, claim.end)
        if e - s >= 0.5 * (sp.end - sp.start) and e > s:
            parts.append(claim.text[s - claim.start:e - claim.start])
    out = " ".join(" ".join(parts).split())
    out = _LEAD.sub("", out).strip(" ,.;:\u201c\u201d\"")
    # a quoted fragment ("fortitude and heroism") is not the whole proposition: keep the content
    # only when it carries most of the claim
    if len(out.split()) < 4 or len(out) < 0.25 * len(claim.text):
        return ""
    return out


def proposition_text(claim, attribution=None) -> str:
    """The claim's text without its speaker mention(s) and reporting cue (see module doc): for an
    attributed claim the attribution's content spans inside the claim, else the text with the
    speaker and cue cut out."""
    content = _content_text(claim, attribution)
    if content:
        return content
    cuts = []
    for sp in [claim.speaker, *claim.chain]:
        if sp is not None and sp.start is not None and sp.end is not None:
            cuts.append((sp.start, sp.end))
    if attribution is not None and attribution.cue_start is not None and attribution.cue_end is not None:
        cuts.append((attribution.cue_start, attribution.cue_end))
    text = claim.text
    keep = []
    pos = claim.start
    for s, e in sorted(cuts):
        s, e = max(s, claim.start), min(e, claim.end)
        if e <= s or s < pos:
            continue
        keep.append(text[pos - claim.start:s - claim.start])
        pos = e
    keep.append(text[pos - claim.start:])
    out = " ".join(" ".join(keep).split())
    return out if len(out.split()) >= 3 else claim.text


def proposition_texts(state) -> dict[str, str]:
    """claim id -> proposition text, cached in ``state.proposition_texts``."""
    cache = state.proposition_texts
    todo = [c for c in state.dossier.claims if c.id not in cache]
    if todo:
        atts = {a.id: a for a in state.dossier.attributions}
        for c in todo:
            cache[c.id] = proposition_text(c, atts.get(c.attribution) if c.attribution else None)
    return cache


def proposition_vectors(state, claim_ids: Sequence[str]) -> np.ndarray:
    """Unit embeddings of the claims' proposition texts (rows in ``claim_ids`` order)."""
    texts = proposition_texts(state)
    cache = state.proposition_embeddings or {"ids": [], "index": {}, "vectors": None}
    base = claim_embeddings(state)
    missing = [i for i in claim_ids if i not in cache["index"]]
    if missing:
        claims = {c.id: c for c in state.dossier.claims}
        differ = [i for i in missing if texts[i] != claims[i].text]
        enc = _stored(state, [claims[i] for i in differ], "proposition_vectors") if differ else None
        rows = []
        pos = {i: k for k, i in enumerate(differ)}
        for i in missing:
            rows.append(enc[pos[i]] if i in pos else base["vectors"][base["index"][i]])
        block = np.vstack(rows).astype(np.float32)
        cache["vectors"] = block if cache["vectors"] is None else np.vstack([cache["vectors"], block])
        for i in missing:
            cache["index"][i] = len(cache["ids"])
            cache["ids"].append(i)
        state.proposition_embeddings = cache
    if not claim_ids:
        return np.zeros((0, base["vectors"].shape[1]), dtype=np.float32)
    return cache["vectors"][[cache["index"][i] for i in claim_ids]]
