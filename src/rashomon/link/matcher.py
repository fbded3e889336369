"""The learned claim matcher: probability that two claims state the same proposition.

The weights (``rashomon/weights/claim_matcher.joblib``, made by ``scripts/train_claim_matcher.py``;
data card ``docs/models/claim_matcher.md``) are a logistic regression over the named pair
features of ``link/pair_features.py``, stored as plain arrays::

    {"names": [feature name, ...], "mean": [...], "scale": [...], "coef": [...],
     "intercept": float, "meta": {...}}

In: a feature dict (``pair_features``). Out: a probability in [0, 1]. Scoring is a dot product in
plain Python (no scikit-learn call per pair), so it costs about what the hand-weighted score did.
"""
from __future__ import annotations

import math
from functools import lru_cache
from importlib import resources

from ..errors import ModelMissingError

MODEL_FILE = "claim_matcher.joblib"


class LearnedMatcher:
    """Logistic pair scorer over named features (see module doc)."""

    def __init__(self, weights: dict):
        self.names = list(weights["names"])
        mean = [float(x) for x in weights["mean"]]
        scale = [float(x) or 1.0 for x in weights["scale"]]
        coef = [float(x) for x in weights["coef"]]
        # fold the standardisation into the weights: w * (x - m) / s = (w / s) * x - w * m / s
        self.w = [c / s for c, s in zip(coef, scale)]
        self.b = float(weights["intercept"]) - sum(c * m / s for c, m, s in zip(coef, mean, scale))
        self.meta = dict(weights.get("meta", {}))

    def logit(self, feats: dict[str, float]) -> float:
        """The log-odds of "same proposition" for one feature dict (missing names count 0)."""
        return self.b + sum(w * feats.get(n, 0.0) for n, w in zip(self.names, self.w))

    def probability(self, feats: dict[str, float]) -> float:
        """P(same proposition) for one feature dict."""
        z = self.logit(feats)
        return 1.0 / (1.0 + math.exp(-z)) if z > -60 else 0.0


@lru_cache(maxsize=1)
def load_matcher() -> LearnedMatcher:
    """The shipped matcher; raises ``ModelMissingError`` (with the command that makes it) when the
    weight file is missing."""
    import joblib

    path = resources.files("rashomon").joinpath("weights", MODEL_FILE)
    if not path.is_file():
        raise ModelMissingError(path=f"rashomon/weights/{MODEL_FILE}", remedy="run: python scripts/train_claim_matcher.py")
    with resources.as_file(path) as p:
        return LearnedMatcher(joblib.load(p))
