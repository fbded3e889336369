"""The contradiction cross-encoder shipped in ``rashomon/weights/cross_encoder/``.

A MiniLM cross-encoder fine-tuned by ``scripts/train_cross_encoder.py`` (recipe
``rashomon.train.cross_encoder``, data card ``docs/models/contradiction.md``): it reads two texts
together and returns P(contradicts), P(supports), P(neutral) of the second toward the first.

- ``cross_encoder_available()`` -> bool: the shipped folder is present;
- ``cross_proba(pairs)`` -> float array (n, 3) in ``LABELS`` order, for ``[(a, b), ...]``; each
  pair is read in both orders and the two probabilities averaged, so the score does not depend
  on which claim comes first.

The model is loaded once per process (float16 weights, run in float32 on the CPU, torch threads
as the process has them).
"""
from __future__ import annotations

from functools import lru_cache
from importlib import resources

import numpy as np

from ...errors import ModelMissingError

MODEL_DIR = "cross_encoder"
LABELS = ("contradicts", "supports", "neutral")
MAX_LENGTH = 96  # tokens of a pair, as in training


def cross_encoder_available() -> bool:
    """True when the shipped cross-encoder folder holds its weights."""
    return resources.files("rashomon").joinpath("weights", MODEL_DIR, "model.safetensors").is_file()


@lru_cache(maxsize=1)
def load_cross_encoder():
    """``(tokenizer, model)`` of the shipped cross-encoder in eval mode; raises ``ModelMissingError``
    naming the training command when the folder is absent."""
    if not cross_encoder_available():
        raise ModelMissingError(path=f"rashomon/weights/{MODEL_DIR}/", remedy="run: python scripts/train_cross_encoder.py")
    from transformers import AutoModelForSequenceClassification, AutoTokenizer
    from transformers.utils import logging as hf_logging

    hf_logging.set_verbosity_error()
    with resources.as_file(resources.files("rashomon").joinpath("weights", MODEL_DIR)) as path:
        tok = AutoTokenizer.from_pretrained(str(path))
        model = AutoModelForSequenceClassification.from_pretrained(str(path)).float().eval()
    order = [model.config.label2id[lab] for lab in LABELS]
    return tok, model, order


def cross_proba(pairs: list[tuple[str, str]], batch_size: int = 32) -> np.ndarray:
    """P(contradicts, supports, neutral) for each ``(a, b)`` (n x 3, rows sum to 1), the mean of
    the model's reading of (a, b) and of (b, a)."""
    if not pairs:
        return np.zeros((0, 3))
    import torch

    tok, model, order = load_cross_encoder()
    both = list(pairs) + [(b, a) for a, b in pairs]
    out = []
    with torch.inference_mode():
        for i in range(0, len(both), batch_size):
            part = both[i:i + batch_size]
            enc = tok([a for a, _ in part], [b for _, b in part], truncation=True, max_length=MAX_LENGTH,
                      padding=True, return_tensors="pt")
            out.append(torch.softmax(model(**enc).logits, dim=-1).numpy()[:, order])
    p = np.concatenate(out)
    n = len(pairs)
    return (p[:n] + p[n:]) / 2
