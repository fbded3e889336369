"""The faster paths of the encoder and the linking code give the same answers as the plain ones.

- ``rashomon.nlp.OnnxEncoder`` (all-MiniLM-L6-v2 run by onnxruntime) embeds sentences within
  1e-4 of the SentenceTransformer, whatever the batch size; cosines move by less than 1e-4.
- The ONNX session runs on setting ``engine.encoder_threads`` threads, and one thread gives the
  same vectors bit for bit as two.
- ``similarity.encode`` encodes an identical text once and returns a row for every input.
- ``relations.classifier._near_pairs`` yields the pairs of ``itertools.combinations`` whose cosine reaches
  the cut, in the same order.
- ``candidates.candidate_pairs`` proposes, inside one bucket, each item's k nearest mates above
  ``min_cos`` and every pair sharing a rare key.
- ``api.single_thread_blas`` limits numpy's BLAS to one thread and restores it.
"""
from __future__ import annotations

from itertools import combinations
from types import SimpleNamespace

import numpy as np
import pytest

SENTENCES = [
    "Ukraine's army said it had pulled its troops out of the Kursk region.",
    "Kyiv denied that its forces had withdrawn from Kursk.",
    "The weather in Lisbon was mild on Tuesday.",
    "Officials said.",
    "About 2,000 residents were evacuated from the border district after the shelling, the governor said on Monday.",
    "North Korean soldiers fought alongside Russian troops, according to the general staff.",
]


@pytest.fixture(scope="module")
def encoders():
    from rashomon import nlp

    st = nlp.get_sentence_transformer()
    fast = nlp._onnx_encoder(st)
    assert fast is not None, "the ONNX export failed (onnx and onnxruntime are pinned dependencies)"
    return st, fast


def test_onnx_encoder_matches_torch(encoders):
    st, fast = encoders
    ref = st.encode(SENTENCES, batch_size=64, normalize_embeddings=True, convert_to_numpy=True, show_progress_bar=False)
    for bs in (1, 3, 8, 64):
        got = fast.encode(SENTENCES, batch_size=bs, normalize_embeddings=True)
        assert got.shape == (len(SENTENCES), 384) and got.dtype == np.float32
        assert np.abs(got - ref).max() < 1e-4
        assert np.abs(got @ got.T - ref @ ref.T).max() < 1e-4
    assert np.allclose(np.linalg.norm(fast.encode(SENTENCES), axis=1), 1.0, atol=1e-5)


def test_onnx_encoder_shapes(encoders):
    _, fast = encoders
    assert fast.encode(SENTENCES[0]).shape == (384,)
    assert fast.encode([]).shape == (0, 384)
    assert fast.get_sentence_embedding_dimension() == 384
    assert fast.max_seq_length == 256  # other attributes are the SentenceTransformer's


def test_encoder_threads_setting_sets_session_threads_without_changing_vectors(encoders):
    from rashomon import nlp
    from rashomon.settings import use, validate

    st, fast = encoders
    path = nlp._cache_dir() / f"all-minilm-l6-v2-{nlp._onnx_key(st)}.onnx"
    assert path.is_file(), "the fixture's encoder keeps its export in the cache folder"
    sessions = {}
    for n in (1, 2):
        with use(validate({"engine": {"encoder_threads": n}}, "test")):
            sessions[n] = nlp._onnx_session(str(path))
        assert sessions[n].get_session_options().intra_op_num_threads == n
    one, two = (nlp.OnnxEncoder(st, sessions[n]).encode(SENTENCES, batch_size=4) for n in (1, 2))
    assert np.array_equal(one, two)


def test_encode_deduplicates(monkeypatch):
    from rashomon import nlp
    from rashomon.link import similarity

    seen = []

    class Fake:
        def encode(self, texts, **kw):
            seen.append(list(texts))
            return np.array([[len(t), 1.0, 0.0] for t in texts], dtype=np.float32)

    monkeypatch.setattr(nlp, "get_encoder", lambda: Fake())
    out = similarity.encode(["aa", "b", "aa", "ccc", "b"])
    assert seen == [["aa", "b", "ccc"]]
    assert out.shape == (5, 3)
    assert np.allclose(out[0], out[2]) and np.allclose(out[1], out[4])
    assert np.allclose(np.linalg.norm(out, axis=1), 1.0)


def _views(n, seed=3):
    rng = np.random.default_rng(seed)
    base = rng.standard_normal((4, 16)).astype(np.float32)
    vecs = base[rng.integers(0, 4, n)] + 0.6 * rng.standard_normal((n, 16)).astype(np.float32)
    vecs /= np.linalg.norm(vecs, axis=1, keepdims=True)
    return [SimpleNamespace(vec=v) for v in vecs]


def test_near_pairs_same_as_combinations(monkeypatch):
    from rashomon.link.relations import classifier

    views = _views(70)
    monkeypatch.setattr(classifier, "_BLOCK", 16)  # several blocks, so their order is tested too
    for cut in (0.2, 0.5, 0.9):
        want = [(x, y) for x, y in combinations(views, 2) if float(x.vec @ y.vec) >= cut]
        got = [(x, y) for x, y in classifier._near_pairs(views, cut) if float(x.vec @ y.vec) >= cut]
        assert [(id(a), id(b)) for a, b in got] == [(id(a), id(b)) for a, b in want]
    assert list(classifier._near_pairs(views[:1], 0.0)) == []


def test_candidate_pairs_one_bucket():
    from rashomon.link.candidates import candidate_pairs

    vecs = np.stack([v.vec for v in _views(30)])  # 30 < bucket: one bucket, no hashing
    keys = [["k:rare"] if i in (2, 17, 29) else [] for i in range(30)]
    k, min_cos = 4, 0.3
    sim = vecs @ vecs.T
    np.fill_diagonal(sim, -2.0)
    want = set()
    for r in range(30):
        for c in np.argsort(-sim[r])[:k]:
            if sim[r, c] >= min_cos:
                want.add((min(r, int(c)), max(r, int(c))))
    want |= {(2, 17), (2, 29), (17, 29)}
    assert candidate_pairs(vecs, keys, k=k, min_cos=min_cos) == want


def test_single_thread_blas_restores():
    import threadpoolctl
    from rashomon.api import single_thread_blas

    def blas_threads():
        return [i["num_threads"] for i in threadpoolctl.threadpool_info() if i["user_api"] == "blas"]

    before = blas_threads()
    assert before, "numpy's BLAS library is not seen by threadpoolctl"
    with single_thread_blas():
        assert all(n == 1 for n in blas_threads())
    assert blas_threads() == before


def test_stored_claim_vectors_feed_claim_embeddings(monkeypatch):
    """Vectors the per-article encode stage stored are not encoded again; claims without one are."""
    from rashomon import nlp
    from rashomon.link import similarity
    from rashomon.models import Article, ArticleAnnotations, Claim, Dossier
    from rashomon.state import ArticleState, CorpusState

    calls = []

    class Fake:
        def encode(self, texts, **kw):
            calls.append(list(texts))
            return np.array([[len(t), t.count("a") + 1.0, 1.0] for t in texts], dtype=np.float32)

    monkeypatch.setattr(nlp, "get_encoder", lambda: Fake())
    text = "troops crossed the border. the attack was repelled at dawn. a third claim nobody encoded."

    def claim(piece):
        s = text.index(piece)
        return Claim(id=f"c:x:{s}-{s + len(piece)}", article="x", text=piece, start=s, end=s + len(piece))

    seen = [claim("troops crossed the border"), claim("the attack was repelled at dawn")]
    later = claim("a third claim nobody encoded")
    ann = ArticleAnnotations(article="x", claims=seen)
    similarity.encode_claims(ArticleState(article=Article(id="x", text=text), ann=ann))
    assert set(ann.claim_vectors) == {c.id for c in seen} and len(calls) == 1
    state = CorpusState(dossier=Dossier(claims=seen + [later]), annotations={"x": ann})
    cache = similarity.claim_embeddings(state)
    assert calls[-1] == [later.text] and len(calls) == 2
    direct = similarity.encode([c.text for c in seen + [later]])
    assert np.allclose(cache["vectors"][[cache["index"][c.id] for c in seen + [later]]], direct)

def _fake_model(folder):
    """The one attribute ``_onnx_key`` reads: ``model[0].auto_model.name_or_path``."""
    from types import SimpleNamespace

    return [SimpleNamespace(auto_model=SimpleNamespace(name_or_path=str(folder)))]


def test_onnx_export_name_follows_weights_content_not_their_path(tmp_path):
    from rashomon import nlp

    a, b, c = (tmp_path / n for n in ("venv-a", "venv-b", "venv-c"))
    for folder, payload in ((a, b"same weights"), (b, b"same weights"), (c, b"other weights")):
        folder.mkdir()
        (folder / "model.safetensors").write_bytes(payload)
    # two environments with the same weights share one export; other weights get their own
    assert nlp._onnx_key(_fake_model(a)) == nlp._onnx_key(_fake_model(b))
    assert nlp._onnx_key(_fake_model(a)) != nlp._onnx_key(_fake_model(c))
