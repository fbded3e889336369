"""The learned attribution tagger: source, cue and content spans from a parsed article.

In: a spaCy ``Doc`` of the cleaned text (parsed by ``rashomon.nlp.get_nlp()``).
Out: ``predict(doc)`` -> a list of ``Candidate`` (cue span, source span or None, content spans,
confidence in [0, 1]), every span a ``(start, end)`` pair of character offsets into ``doc.text``.
``model_attributions(state, existing, threshold)`` turns the confident candidates that the rules
missed into ``Attribution`` records (speaker resolved by the rules' actor/pronoun machinery).

Model: a linear-chain CRF (python-crfsuite) over the tokens of each sentence with BIO tags for
SOURCE / CUE / CONTENT (PolNeAR's univocal annotation is a tag sequence); its features are in
``attribution_features`` (the same code at training and inference).
Trained by ``scripts/train_attribution.py`` on PolNeAR ``train`` only; the weights ship as
``rashomon/weights/attribution.crfsuite`` (data card: ``docs/models/attribution.md``).

Linking: each cue takes the nearest source span of its sentence and the content spans of its
sentence that lie nearer to it than to another cue; content in a sentence without a cue goes to the
nearest cue one sentence before or after. Confidence of a candidate: the lower of the cue's and
the best content span's mean token marginal.

The tagger is loaded once per process (``load_tagger``, cached).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import Optional

from ..data import load_yaml
from .attribution_features import doc_features, token_labels  # noqa: F401  (token_labels: imported from here by older callers)
from .lexicon import cues
from .quotes import find_quotes

WEIGHTS = "attribution.crfsuite"
ROLES = {"SRC": "source", "CUE": "cue", "CNT": "content"}
_MIN_CONTENT_WORDS = 3
_REL_PRONOUNS = frozenset(load_yaml("attribution_model.yaml", "en")["rel_pronouns"])
_NAMING_CUES = frozenset(load_yaml("attribution_model.yaml", "en")["naming_cues"])
_NO_SPEAKER_ENTS = {"DATE", "TIME", "CARDINAL", "ORDINAL", "PERCENT", "MONEY", "QUANTITY"}


@dataclass
class Candidate:
    """One attribution the tagger proposes: character spans into the doc text."""

    cue: tuple[int, int]
    source: Optional[tuple[int, int]] = None
    contents: list = field(default_factory=list)  # [(start, end)]
    confidence: float = 0.0
    cue_conf: float = 0.0
    source_conf: float = 0.0


# --------------------------------------------------------------------------- prediction

@lru_cache(maxsize=1)
def load_tagger():
    """The shipped CRF tagger (loaded once per process)."""
    import pycrfsuite

    path = resources.files("rashomon").joinpath("weights", WEIGHTS)
    if not path.is_file():
        raise FileNotFoundError(f"{WEIGHTS} is missing from rashomon/weights; run: python scripts/train_attribution.py")
    tagger = pycrfsuite.Tagger()
    tagger.open(str(path))
    return tagger


def model_available() -> bool:
    """True when the weights ship with the package."""
    return resources.files("rashomon").joinpath("weights", WEIGHTS).is_file()


def _spans_of(doc, s0, labels, probs) -> list[tuple[str, int, int, float]]:
    """(role, first token i, end token i, mean marginal) for each tagged span of one sentence."""
    out = []
    cur = None
    for k, (lab, p) in enumerate(zip(labels, probs)):
        i = s0 + k
        if lab == "O":
            if cur:
                out.append(cur)
            cur = None
            continue
        bio, role = lab.split("-", 1)
        if cur is not None and cur[0] == role and bio == "I":
            cur = (role, cur[1], i + 1, cur[3] + [p])
        else:
            if cur:
                out.append(cur)
            cur = (role, i, i + 1, [p])
    if cur:
        out.append(cur)
    res = []
    for role, a, b, ps in out:
        # drop edge punctuation / spaces
        while a < b and (doc[a].is_punct and doc[a].text not in "\"“") or (a < b and doc[a].is_space):
            a += 1
        while b > a and (doc[b - 1].is_space or (doc[b - 1].is_punct and doc[b - 1].text not in "\"”")):
            b -= 1
        if b > a and role == "SRC":
            # a source is a whole noun phrase: "The harbour master" when only "master" was tagged
            edge = max(doc[a:b].root.left_edge.i, s0)
            while a > edge and labels[a - 1 - s0] == "O" and not doc[a - 1].is_punct:
                a -= 1
        if b > a:
            res.append((role, a, b, sum(ps) / len(ps)))
    return res


def tag_doc(doc) -> list[list[tuple[str, int, int, float]]]:
    """Tagged spans per sentence: ``[[(role, first token i, end token i, confidence)]]``."""
    tagger = load_tagger()
    out = []
    for (s0, _s1), feats in doc_features(doc):
        tagger.set(feats)
        labels = tagger.tag()
        probs = [tagger.marginal(y, k) if y != "O" else 1.0 for k, y in enumerate(labels)]
        out.append(_spans_of(doc, s0, labels, probs))
    return out


def predict(doc) -> list[Candidate]:
    """Candidate attributions of ``doc`` (see module docstring); only candidates with content."""
    per_sent = tag_doc(doc)
    cues_at = []  # (sent k, span)
    for k, spans in enumerate(per_sent):
        for sp in spans:
            if sp[0] == "CUE":
                cues_at.append((k, sp))
    if not cues_at:
        return []
    cands = {id(sp): Candidate(cue=_chars(doc, sp), cue_conf=sp[3]) for _, sp in cues_at}
    content_conf: dict = {id(sp): [] for _, sp in cues_at}

    def cost(k, sp, ck, c):
        """How far span ``sp`` (sentence k) is from cue ``c`` (sentence ck): the token gap, plus a
        penalty when the parse does not join them, when a source follows its cue, or when the cue
        is in another sentence."""
        gap = max(c[1] - sp[2], sp[1] - c[2], 0)
        root = doc[sp[1]:sp[2]].root
        heads = {root.head.i, root.head.head.i} if root.dep_ in ("pobj", "conj", "appos") else {root.head.i}
        linked = any(c[1] <= h < c[2] for h in heads)
        return gap + (0 if linked else 6) + (2 if sp[0] == "SRC" and sp[1] > c[1] else 0) + 1000 * abs(ck - k)

    best_src: dict = {}
    for k, spans in enumerate(per_sent):
        has_cue = any(sp[0] == "CUE" for sp in spans)
        for sp in spans:
            if sp[0] == "CUE" or (sp[0] == "SRC" and not has_cue):
                continue
            near = [(cost(k, sp, ck, c), n, c) for n, (ck, c) in enumerate(cues_at)
                    if (ck == k if has_cue else abs(ck - k) <= 1)]
            if not near:
                continue
            d, _, c = min(near)
            cand = cands[id(c)]
            if sp[0] == "SRC":
                if id(c) not in best_src or d < best_src[id(c)]:
                    best_src[id(c)] = d
                    cand.source = _chars(doc, sp)
                    cand.source_conf = sp[3]
            else:
                cand.contents.append(_chars(doc, sp))
                content_conf[id(c)].append(sp[3])
    # a cue whose content is itself an attribution ("Officials said the negotiators had agreed
    # on X"): PolNeAR tags each token once, so the outer content is the inner statement
    for k, spans in enumerate(per_sent):
        cue_spans = [sp for sp in spans if sp[0] == "CUE"]
        for n, sp in enumerate(cue_spans):
            cand = cands[id(sp)]
            if cand.contents or n + 1 >= len(cue_spans):
                continue
            inner = cands[id(cue_spans[n + 1])]
            if not inner.contents:
                continue
            start = inner.source[0] if inner.source is not None and inner.source[0] > cand.cue[1] else inner.cue[0]
            end = max([inner.cue[1]] + [e for _, e in inner.contents])
            if start < cand.cue[1] or end <= start:
                continue
            cand.contents.append((start, end))
            content_conf[id(sp)].append(min(inner.cue_conf, max(content_conf[id(cue_spans[n + 1])])))
    out = []
    for _, sp in cues_at:
        cand = cands[id(sp)]
        if not cand.contents:
            continue
        cand.contents.sort()
        cand.confidence = min(cand.cue_conf, max(content_conf[id(sp)]))
        out.append(cand)
    return out


def _chars(doc, sp) -> tuple[int, int]:
    a, b = sp[1], sp[2]
    return doc[a].idx, doc[b - 1].idx + len(doc[b - 1].text)


# --------------------------------------------------------------------------- records

def _overlaps(a: tuple[int, int], spans) -> bool:
    return any(min(a[1], e) > max(a[0], s) for s, e in spans)


def model_attributions(state, existing: list, threshold: float) -> list:
    """``Attribution`` records for the candidates of ``state.doc`` with confidence >= ``threshold``
    that the rules missed (see ``scored_attributions``). Ids are content-derived (``ids.span_id``,
    after those of ``existing``). The speaker is resolved as the rules resolve theirs (actor
    finder, pronoun fallback); a source that is a date, time or number is dropped."""
    return [a for _, a in scored_attributions(state, existing, threshold)]


def scored_attributions(state, existing: list, threshold: float) -> list:
    """``[(Candidate, Attribution)]``: ``model_attributions`` with the candidate each record came
    from (its confidence), for choosing the threshold. A candidate becomes a record when its cue
    overlaps no cue or content of ``existing`` nor of a record made before it (its content may
    overlap a rule's content: "The campaign says the candidate will announce ..." is the
    campaign's statement around the candidate's), its cue holds a verb, its content has at least
    ``_MIN_CONTENT_WORDS`` words and its source can speak (``_source_speaker``). (Adding a
    same-cue candidate's other content to the rule record was tried: +0.005 content overlap F1 on
    PolNeAR dev, but it attached phrases such as "in response to a request" or the main clause
    before a "citing" to statements in the all-clusters evaluation, so it is not done.)"""
    from ..ids import span_id
    from ..models import Attribution, Span
    from .attribution_spans import _hedges_and_distancing

    doc = state.doc
    if doc is None:
        return []
    text = state.article.text
    rule_cues = [(a.cue_start, a.cue_end) for a in existing if a.cue_start is not None]
    taken = rule_cues + [(c.start, c.end) for a in existing for c in a.content]
    quotes = find_quotes(text)
    verbs = cues()["verbs"]
    out = []
    ids = {a.id for a in existing}
    made = []  # the spans of the records made here
    cands = [c for c in predict(doc) if c.confidence >= threshold]
    for cand in cands:
        if _overlaps(cand.cue, taken) or any(_overlaps(c, made) for c in cand.contents):
            continue
        cue_span = doc.char_span(cand.cue[0], cand.cue[1], alignment_mode="expand")
        if cue_span is None or not any(t.pos_ in ("VERB", "AUX") for t in cue_span):
            continue  # a record needs a reporting verb ("said", "was quoted as saying"), not "reportedly"
        if " ".join(text[cand.cue[0]:cand.cue[1]].lower().split()) in _NAMING_CUES:
            continue  # "the ailments known as ...": a name given, not a statement
        if sum(len(text[s:e].split()) for s, e in cand.contents) < _MIN_CONTENT_WORDS:
            continue  # "This move was seen by some as ...": too little said to make a claim of
        sp = _source_speaker(state, cand, taken)
        if sp is None:
            continue  # no one to credit
        if not _frames_rule_statements(cand, sp, existing):
            continue
        contents = [Span(article=state.article.id, start=s, end=e, text=text[s:e]) for s, e in cand.contents]
        cue_lemma = cue_span.root.lemma_.lower()
        cls = str((verbs.get(cue_lemma) or {}).get("class", "neutral"))
        inside = [any(qs <= s and e <= qe for qs, qe in quotes) for s, e in cand.contents]
        touch = [_overlaps((s, e), quotes) for s, e in cand.contents]
        kind = "direct" if all(inside) else "mixed" if any(touch) else "indirect"
        hedges, dist = _hedges_and_distancing(doc, text, cand.contents, cls, text[cand.cue[0]:cand.cue[1]].lower())
        out.append((cand, Attribution(
            id=span_id("at", state.article.id, cand.contents[0][0], cand.contents[0][1], ids), article=state.article.id, speaker=sp,
            cue=text[cand.cue[0]:cand.cue[1]], cue_start=cand.cue[0], cue_end=cand.cue[1], content=contents,
            kind=kind, chain=[sp] if sp is not None else [], distancing=dist, hedges=hedges)))
        taken.append(cand.cue)
        taken.extend(cand.contents)
        made.append(cand.cue)
        made.extend(cand.contents)
    return out


def _frames_rule_statements(cand: Candidate, sp, existing: list) -> bool:
    """True unless ``cand``'s content overlaps a rule attribution's content without being a
    statement around it: its content must hold that attribution's cue ("The campaign says the
    candidate will announce ...": the campaign's statement holds the candidate's), and its speaker
    must not be one the rules already put in that attribution's reporting chain ("X admitted Y,
    local media reported"), nor the attribution's own speaker continuing ("..., adding that")."""
    for a in existing:
        if not any(_overlaps(c, [(x.start, x.end) for x in a.content]) for c in cand.contents):
            continue
        if a.cue_start is None or not any(s <= a.cue_start and a.cue_end <= e for s, e in cand.contents):
            return False
        if sp.name in {ch.name for ch in a.chain[1:]}:
            return False
    return True


def _source_speaker(state, cand: Candidate, taken: list):
    """The ``Speaker`` of a candidate's source span, resolved like the rules' speakers; None when
    there is no source, it overlaps a rule attribution, or it cannot speak: a date, time or number,
    a relative pronoun, an inanimate noun (``attribution._can_speak``). A leading preposition
    ("by officials", "from the ministry") is not part of the speaker. (Taking the subject the rules
    give an untagged cue, ``_inherited_subject``, was tried: +0.010 cue and +0.008 content overlap
    F1 on PolNeAR dev, but in the all-clusters evaluation the added statements lowered cluster
    pair F1 in four of nine clusters and credited a statement to "this disaster".)"""
    from .attribution_speakers import _can_speak, _speaker, _speaker_head

    if cand.source is None or _overlaps(cand.source, taken):
        return None
    doc, text = state.doc, state.article.text
    span = doc.char_span(cand.source[0], cand.source[1], alignment_mode="expand")
    if span is None:
        return None
    toks = [t for t in span]
    while toks and (toks[0].pos_ == "ADP" or toks[0].is_punct):
        toks = toks[1:]
    if not toks:
        return None
    span = doc[toks[0].i:toks[-1].i + 1]
    root = span.root
    if (root.ent_type_ in _NO_SPEAKER_ENTS or root.lower_ in _REL_PRONOUNS or root.pos_ not in ("NOUN", "PROPN", "PRON")
            or not _can_speak(root)):
        return None
    head = _speaker_head(root)
    sp = _speaker(state, head, None)
    if sp is not None and head.i == root.i:
        # the tagged mention is the speaker's mention ("the ministry", "two senior officials")
        s, e = span.start_char, span.end_char
        sp = sp.model_copy(update={"start": s, "end": e, "text": text[s:e]})
    return sp


def confidence_threshold() -> float:
    """Setting ``attribution.model_threshold`` (chosen on PolNeAR dev, data/settings.yaml)."""
    from ..settings import setting

    return float(setting("attribution.model_threshold"))


def learned_attributions(state, existing: list) -> list:
    """The attributions the shipped model adds to the rules' ``existing`` ones for this article
    (``model_attributions`` at setting ``attribution.model_threshold``); an error when the weights are
    absent (``ModelMissingError``, R203: the weights ship in the package, so that is a broken
    install, never silently skipped)."""
    if not model_available():
        from ..errors import ModelMissingError

        raise ModelMissingError(path=f"rashomon/weights/{WEIGHTS}", remedy="reinstall rashomon (the weights ship in the package)")
    return model_attributions(state, existing, confidence_threshold())
