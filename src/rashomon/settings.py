"""One settings object: every threshold, switch and option of rashomon.

In: the defaults in ``rashomon/data/settings.yaml`` (the ONE place a default lives; each value
there says what it does and on which public data it was chosen), then, in increasing precedence:

1. environment variables ``RASHOMON_<GROUP>__<NAME>`` (``RASHOMON_CLUSTERS__LINK=0.45``,
   ``RASHOMON_EVENTS__WEIGHTS__TFIDF=11``; values are read as YAML scalars) and the older names
   ``RASHOMON_PREFETCH`` (``0`` = off), ``RASHOMON_ENCODER`` (``torch``), ``RASHOMON_CACHE_DIR``;
2. a user YAML or TOML file (``rashomon analyze --settings FILE``);
3. command-line options (``--set clusters.link=0.45``, and the named ``--jobs``, ``--format``,
   ``--quiet``);
4. ``rashomon.analyze(..., settings=Settings(...) or {"clusters": {"link": 0.45}})``.

Out: a frozen ``Settings`` (pydantic) with one group per part of the pipeline (``events``,
``clusters``, ``independence``, ``relations``, ``engine``, ``output``). Stages read it with
``setting("clusters.link")`` (a dotted key) or ``current().clusters.link``: the settings of the
run, which the pipeline activates from ``ArticleState.settings`` / ``CorpusState.settings`` while
its stages run (``use(settings)``); outside a run, the defaults with the environment applied.
A key that does not exist, in a look-up or in any override, raises ``UnknownSettingError`` (R101)
naming the key; a value of the wrong type raises ``SettingValueError`` (R102).

``settings_markdown()`` renders docs/SETTINGS.md (``rashomon settings --markdown``).
"""
from __future__ import annotations

import contextlib
import contextvars
import difflib
import os
from pathlib import Path
from typing import Any, Iterator, Literal, Mapping, Optional, Union, get_args, get_origin

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from .data import load_yaml
from .errors import SettingValueError, UnknownSettingError

DATA_FILE = "settings.yaml"
ENV_PREFIX = "RASHOMON_"
#: older environment variables, kept working: name -> (dotted key, value reader)
LEGACY_ENV = {
    "RASHOMON_PREFETCH": ("engine.prefetch", lambda v: v.strip() != "0"),
    "RASHOMON_ENCODER": ("engine.encoder", lambda v: "torch" if v.strip().lower() == "torch" else "auto"),
    "RASHOMON_CACHE_DIR": ("engine.cache_dir", lambda v: v or None),
}


_RESOLVED: dict[int, tuple[Any, dict]] = {}  # id(settings) -> (settings, {dotted key: value})


class _Group(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class IngestSettings(_Group):
    """Reading and cleaning inputs (ingest/)."""

    copy_jaccard: float = Field(ge=0, le=1, description="an article whose 5-word-shingle resemblance (Jaccard) to an earlier one reaches this is a near copy (syndication), counted as one source with it")
    dir_chunk: int = Field(ge=1, description="directory entries listed, sorted by name and read at a time (a larger directory is in name order within each chunk)")


class ParseSettings(_Group):
    """The spaCy parse (extract/parse.py)."""

    chunk_chars: int = Field(ge=1000, description="a cleaned text longer than this is parsed in pieces cut at paragraph, sentence or space boundaries (at most spaCy's nlp.max_length)")


class AttributionSettings(_Group):
    """Who said what (extract/attribution.py, extract/attribution_model.py)."""

    model_threshold: float = Field(description="the learned attribution tagger adds an attribution the rules missed only at this confidence or above (above 1: the tagger adds nothing)")


class ClaimsSettings(_Group):
    """Clause-level claims of one article (extract/claims.py; per-article, runs in the workers)."""

    min_clause_words: int = Field(ge=1, description="a clause shorter than this many words is merged with its neighbour")
    max_whole_sentence_words: int = Field(ge=1, description="a sentence with one claim region up to this many words is kept whole")
    gap_claim_words: int = Field(ge=1, description="words between two statements of one sentence: fewer stay with the first statement's claim, this many or more are a claim of their own")
    participle_split_min_words: int = Field(ge=0, description="an attributed sentence of at least this many words ending in a participle clause after a comma gives two claims, the statement and the participle clause; 0 = off")
    clause_parent_min_words: int = Field(ge=0, description="a claim of at least this many words also gives its participle clauses, shared-subject verb phrases and quotations as nested claims; 0 = off")
    content_span_min_words: int = Field(ge=0, description="an attributed claim of at least this many words is narrowed to what was said: one claim per statement it holds, spanning its content; 0 = off")


class FramingSettings(_Group):
    """Each outlet's word choice (analyse/framing.py)."""

    top_words: int = Field(ge=0, description="distinctive words kept per article (log-odds with a Dirichlet prior)")
    max_evidence: int = Field(ge=0, description="evidence spans kept per concept and article")
    salient_things: int = Field(ge=0, description="salient things whose phrasing is compared across articles (analyse/framing_names.py)")
    thing_min_articles: int = Field(ge=1, description="fewest articles that must use a head noun for it to be a salient thing")
    max_actor_concepts: int = Field(ge=0, description="actors whose naming is compared across articles (those named in most articles)")
    max_phrase_words: int = Field(ge=1, description="longest phrase, in words, reported by a naming concept")


class EventWeights(_Group):
    """Weights of the logistic same-event model (link/events.py), one per pair feature."""

    tfidf: float = Field(description="TF-IDF cosine of the two articles' content words")
    centroid: float = Field(description="cosine of the articles' mean claim embeddings")
    overlap: float = Field(description="mean of the three best sentence matches each way")
    strong: float = Field(description="share of sentences with a match at or above events.strong_cosine")
    lead: float = Field(description="best match between the articles' leads")
    entities: float = Field(description="rarity-weighted overlap of named entities")
    core_entities: float = Field(description="cosine of the names each article keeps naming")
    headline: float = Field(description="best match of the articles' titles, first lines and lead sentences")
    date: float = Field(description="agreement of the articles' dates")


class EventsSettings(_Group):
    """Which articles report the same event (link/events.py)."""

    bias: float = Field(description="intercept of the logistic same-event model")
    weights: EventWeights = Field(description="feature weights of the same-event model")
    info_ceiling: float = Field(description="background weight of a word or name = this minus its wordfreq Zipf frequency (at least 0)")
    train_prior: float = Field(gt=0, lt=1, description="share of same-event pairs in the model's fitting data; probabilities are re-weighted to each batch's share")
    prior_pairs: float = Field(ge=0, description="pseudo-pairs at train_prior, so a batch of two or three articles keeps the model's prior")
    date_scale_days: float = Field(gt=0, description="date agreement = exp(-days apart / this)")
    strong_cosine: float = Field(description="sentence cosine that counts as a strong match (feature 'strong')")
    date_veto: float = Field(description="a pair whose date agreement is below this cannot be one event")
    instance_sentences: int = Field(ge=0, description="sentences of the lead (after the title) read for an 'another X' cue")
    instance_min_info: float = Field(ge=0, description="background weight a word needs to set two articles apart as 'another X'")
    stray_gap_days: int = Field(ge=0, description="publication gap (days) that starts a new run of an event's articles (late strays)")
    anchor_min_info: float = Field(ge=0, description="background weight a place named in two leads needs to join their events (event_anchors.py)")
    anchor_share: float = Field(gt=0, le=1, description="share of two events' article pairs that must share a lead place for the events to join")
    anchor_date_min: float = Field(ge=0, le=1, description="date agreement a pair needs to count as sharing a lead place")
    cut: float = Field(description="average-linkage cut on the same-event probability")
    related: float = Field(description="events whose average cross probability reaches this are named as related")
    max_block: int = Field(description="scale: connected blocks larger than this use the sparse average linkage")
    all_pairs_max: int = Field(ge=0, description="scale: a batch of at most this many articles scores every article pair (larger batches are blocked)")
    max_units: int = Field(ge=1, description="claims (or sentences) per article compared for the overlap features, from the top")
    panel: int = Field(ge=1, description="events larger than this are labelled and explained from a panel of their most central articles")
    partition: bool = Field(description="the claim-level corpus stages run on each part of the batch alone (events joined by related or by claims the claim-level stages could join; event_parts.py, link/event_bridges.py), so an event's dossier depends on its part's articles only")
    partition_bridge_cosine: float = Field(ge=-1, le=1, description="with partition on, two events whose claims reach this cosine (claims as told) share a part, as do events whose claims the clustering could link (link/event_bridges.py)")


class ClustersSettings(_Group):
    """The same proposition across articles (link/clusters.py)."""

    w_cos: float = Field(description="weight of the embedding cosine in the pair score (the rest: IDF-weighted Jaccard)")
    link: float = Field(description="pair score that forms blocking edges before the linkage")
    cluster: float = Field(description="average-linkage cut on the pair score")
    same_article_penalty: float = Field(description="penalty for two claims of the same article")
    entity_mismatch_penalty: float = Field(description="penalty when the claims name different entities")
    number_mismatch_penalty: float = Field(description="penalty when the claims give different numbers")
    number_presence_penalty: float = Field(description="penalty when only one claim gives a number")
    polarity_penalty: float = Field(description="penalty for opposite polarity of one predicate (or when a proposition is missing)")
    polarity_other_predicate_penalty: float = Field(description="penalty for opposite polarity when the propositions' predicates differ")
    rebuttal_penalty: float = Field(description="penalty when one claim rejects what someone said (a rebuttal, denial cue or "
                                                "debunking word) and the other asserts without negation")
    number_share_bonus: float = Field(description="bonus when both claims state the same figure")
    number_share_min: float = Field(description="whole numbers below this earn number_share_bonus only under one predicate (any two claims may state them)")
    date_penalty: float = Field(description="penalty for different dates")
    side_penalty: float = Field(description="penalty for speakers of opposite sides")
    event_mismatch_penalty: float = Field(description="penalty for different event classes of the verbs/nouns")
    event_presence_penalty: float = Field(description="penalty when an event verb is on one side only")
    state_conflict_penalty: float = Field(description="penalty for opposite poles of one state, or for shares of one holder that cannot both hold")
    state_mismatch_penalty: float = Field(description="penalty for states on different dimensions")
    rare_idf: float = Field(description="IDF quantile above which an entity counts as rare")
    entity_share_bonus: float = Field(description="bonus when both claims name the same rare entity")
    same_source_bonus: float = Field(description="bonus when both claims come from the same original speaker")
    proposition_agree_bonus: float = Field(description="bonus when the propositions share the predicate and an argument, no slot in conflict")
    proposition_predicate_bonus: float = Field(description="bonus when the propositions share only the predicate, no slot in conflict")
    told_cosine_margin: float = Field(description="the hand score's cosine: the larger of the propositions' and of the claims as told less this")
    proposition_conflict_penalty: float = Field(description="penalty when the propositions share the predicate but roles are swapped "
                                                            "or the agent, patient, place or figure differs")
    minimal_pair_overlap: float = Field(description="a common noun swapped in one slot, or other extra names or numbers, count as a "
                                                    "proposition conflict only when the rest of the two claims' words overlap this much (Jaccard)")
    max_block: int = Field(description="scale: largest block clustered as one")
    fill_block_max: int = Field(description="blocks up to this size get every pair scored for the linkage")
    scorer: Literal["learned", "hand"] = Field(description="pair score: learned (the claim matcher, link/matcher.py) or hand "
                                               "(the hand-weighted score above)")
    learned_link: float = Field(description="learned scorer: pair probability that forms blocking edges before the linkage")
    learned_cluster: float = Field(description="learned scorer: average-linkage cut on the pair probability")
    learned_same_article_penalty: float = Field(description="learned scorer: subtracted from the probability of two claims of one article")
    learned_same_source_bonus: float = Field(description="learned scorer: added to the probability of two claims of one original speaker")
    learned_cross_event_penalty: float = Field(description="learned scorer: subtracted from the probability of two claims of articles "
                                                           "in different events")


class IndependenceSettings(_Group):
    """Independent original sources behind a cluster (link/independence.py)."""

    copy_cosine: float = Field(description="narration sentences this close (MiniLM cosine) count as one copied telling")


class RelationsSettings(_Group):
    """Contradicts / supports / updates between clusters (link/relations/__init__.py)."""

    all_pairs_max: int = Field(description="scale: up to this many claims every claim pair is examined, above it only blocked candidates")
    state_min_sim: float = Field(description="rule signal: opposite states must be at least this similar (about the same thing)")
    state_top_cross: int = Field(ge=1, description="rule signal: closest opposite-state partners kept per claim from another side")
    state_top_revision: int = Field(ge=1, description="rule signal: closest earlier claims of its own side a claim may revise")
    state_tie: float = Field(description="rule signal: partners this close to the last kept one are kept too (near-ties)")
    denial_min_sim: float = Field(description="rule signal: a denied proposition vs the asserted one")
    negation_min_sim: float = Field(description="rule signal: a merely negated sentence vs the asserted one (no denial cue)")
    rebuttal_min_sim: float = Field(description="rule signal: 'dismisses the claims of X' vs the claim of X (0.1 is added)")
    denial_target_margin: float = Field(ge=0, description="rule signal: a rebuttal also contradicts other clusters this close (cosine) to its best target")
    denial_max_targets: int = Field(ge=1, description="rule signal: most clusters one rebuttal contradicts")
    denial_named_bonus: float = Field(ge=0, description="rule signal: similarity added to a claim whose speaker or side the rebuttal names")
    denial_before_bonus: float = Field(ge=0, description="rule signal: similarity added to a claim the same article reports shortly before the rebuttal")
    denial_before_chars: int = Field(ge=0, description="rule signal: 'shortly before' a rebuttal: at most this many characters before it")
    anaphor_max_chars: int = Field(ge=0, description="rule signal: 'denied the allegations' points at the claim at most this many characters before it in the same article")
    anaphor_min_sim: float = Field(description="rule signal: and at least this similar to it")
    numeric_min_sim: float = Field(description="rule signal: numbers compared only between claims this similar")
    numeric_min_overlap: float = Field(description="rule signal: and sharing this much of their words once speakers, cues and numbers are set aside")
    date_min_sim: float = Field(description="rule signal: dates compared only between claims this similar")
    slot_agent_min_sim: float = Field(description="slot signal: claims naming different or denied agents must be at least this similar (same event)")
    slot_identity_min_sim: float = Field(description="slot signal: claims describing a thing with opposite identity poles must be at least this similar")
    slot_top: int = Field(ge=1, description="slot signal: closest conflicting partners kept per claim and signal")
    count_min_sim: float = Field(description="count signal: figures of the dead, missing, injured or displaced compared only between claims this similar")
    learned_candidate_min_sim: float = Field(description="learned signal: claim pairs at least this similar are scored by the classifier")
    learned_contradict_min_p: float = Field(description="learned signal: P(contradicts) needed for a contradicts finding")
    learned_support_min_p: float = Field(description="learned signal: P(supports) needed for a supports finding")
    learned_support_min_sim: float = Field(description="learned signal: similarity a supports finding also needs")
    claim_date_nearby_chars: int = Field(ge=0, description="a claim without its own date takes the closest day-precision date this many characters before it")
    learned_max_pairs: int = Field(ge=0, description="scale: most claim pairs the classifier scores (the most similar first)")
    cross_encoder: bool = Field(description="learned signal: the contradiction cross-encoder (weights/cross_encoder/) decides contradicts instead of the relation head")
    cross_encoder_contradict_min_p: float = Field(ge=0, le=1, description="cross-encoder: P(contradicts), both reading orders averaged, needed for a contradicts finding")
    cross_encoder_max_pairs: int = Field(ge=0, description="cross-encoder: most candidate pairs it reads per dossier (the most similar first; it costs about 10 ms a pair)")
    falsity_rebuttals: bool = Field(description="denials: a claim that calls a statement false ('the lie is this: that ...', 'defies logic': falsity_words of data/en/relation_words.yaml) rebuts, by topic, the claims asserting it")


class DatesSettings(_Group):
    """Publication dates inferred from other articles (link/dates.py)."""

    sim_threshold: float = Field(description="cosine for two sentences to report the same happening")
    other_event_penalty: float = Field(description="added to sim_threshold when the event stage put the articles apart")
    cluster_min_sim: float = Field(description="similarity still needed when both sentences share a claim cluster")
    min_shared_words: int = Field(description="content words (crudely stemmed) both sentences must share")
    max_window_days: int = Field(description="a date window narrower than this gives a publication date (its first day)")


class BlockingSettings(_Group):
    """Candidate generation of the linking stages at scale (link/blocking.py, link/vector_index.py); none change small batches."""

    exact_max: int = Field(ge=1, description="scale: nearest-neighbour search is exact up to this many vectors, an HNSW index (hnswlib) above")
    ef: int = Field(ge=1, description="scale: HNSW search breadth (hnswlib ef; at least twice the neighbours asked)")
    hnsw_m: int = Field(ge=2, description="scale: HNSW graph degree (hnswlib M)")
    article_neighbours: int = Field(ge=1, description="scale: nearest articles (claim centroids) each article is compared with, within its date window")
    name_max_df: int = Field(ge=2, description="scale: a rare name shared by at most this many articles of a date window pairs them")
    event_claims_min: int = Field(ge=0, description="scale: from this many claims on, claims are paired only within their event (0: always)")
    stream_window: int = Field(ge=1, description="scale, streamed linking: articles per window of publication days whose events are found together")
    stream_carry_max: int = Field(ge=0, description="scale, streamed linking: most articles of open events carried into the next window")
    stream_chunk: int = Field(ge=1, description="scale, streamed linking: articles per chunk of whole events linked together")
    stream_min_articles: int = Field(ge=0, description="scale: `rashomon analyze` links a batch of more articles than this streamed (records spilled to disk, one dossier per chunk and index.json); 0: always")


class EngineSettings(_Group):
    """How the pipeline runs (engine/, nlp.py); none of these change the results."""

    jobs: Optional[int] = Field(ge=1, description="worker processes for the per-article half on the command line "
                                                  "(null = one per core); the Python API runs in-process unless "
                                                  "analyze(jobs=...) says otherwise")
    min_articles_per_worker: int = Field(ge=1, description="below this many articles per worker, fewer workers are started")
    prefetch: bool = Field(description="encode each article's claims in a background thread while the next articles are parsed")
    encoder: Literal["auto", "torch"] = Field(description="sentence encoder backend: auto (ONNX when it matches torch) or torch; "
                                                          "read when the encoder is first loaded in a process")
    encoder_threads: int = Field(ge=0, description="threads of the ONNX encoder's session (0: as many as torch uses, one "
                                                   "per core); read when the encoder is first loaded in a process")
    cache_dir: Optional[str] = Field(description="where exported ONNX files are kept (null: $XDG_CACHE_HOME/rashomon or ~/.cache/rashomon)")
    kind: Literal["auto", "inline", "pool", "dask"] = Field(
        description="what runs the per-article half: auto (in this process, or a process pool when jobs > 1), inline, "
                    "pool, or dask (dask.distributed: a LocalCluster of jobs workers, or the scheduler given)")
    scheduler: Optional[str] = Field(description="kind dask: address of a running dask scheduler (tcp://host:8786); "
                                                 "null = start a LocalCluster of jobs worker processes")
    dask_batch: int = Field(ge=1, description="kind dask: articles per task sent to a worker")
    dask_queue: int = Field(ge=1, description="kind dask: tasks in flight per worker; with dask_batch it bounds the "
                                              "articles held at once by the per-article half")


class OutputSettings(_Group):
    """What ``rashomon analyze`` writes and prints."""

    formats: list[Literal["json", "html", "md", "csv", "all"]] = Field(
        description="files written besides dossier.json: html, md, csv, or all")
    quiet: bool = Field(description="print nothing but errors")


class StoreSettings(_Group):
    """The workspace store (``rashomon add``/``export``, ``rashomon.store``)."""

    url: str = Field(description="the workspace database: sqlite:///PATH (a relative PATH is read from the working "
                                 "directory), a plain file path, or postgresql://USER@HOST/DB")


class WebSettings(_Group):
    """The web app and API of ``rashomon serve`` (web/): request limits and the page cache."""

    max_request_bytes: int = Field(ge=1, description="largest request body accepted (413 above)")
    max_file_bytes: int = Field(ge=1, description="largest uploaded file accepted (413 naming the file above)")
    max_text_chars: int = Field(ge=1, description="longest article text or HTML accepted (422 naming the article above)")
    max_articles: int = Field(ge=1, description="most articles accepted in one request (413 above)")
    cache_seconds: float = Field(ge=0, description="a rendered event page or dossier is served from memory this long at most "
                                                   "(writes through the server clear it at once)")
    search_limit: int = Field(ge=1, description="most hits a search page or /api/claims returns")


class Settings(_Group):
    """Every threshold, switch and option. ``Settings()`` holds the data-file defaults with the
    environment applied; ``Settings(clusters={"link": 0.45})`` overrides the keys given and keeps
    the rest. Unknown keys raise ``UnknownSettingError``."""

    ingest: IngestSettings = Field(description="reading and cleaning inputs")
    parse: ParseSettings = Field(description="the spaCy parse")
    attribution: AttributionSettings = Field(description="who said what")
    claims: ClaimsSettings = Field(description="clause-level claims of one article")
    events: EventsSettings = Field(description="which articles report the same event")
    clusters: ClustersSettings = Field(description="the same proposition across articles")
    dates: DatesSettings = Field(description="publication dates inferred from other articles")
    independence: IndependenceSettings = Field(description="independent sources behind a cluster")
    relations: RelationsSettings = Field(description="relations between clusters")
    framing: FramingSettings = Field(description="each outlet's word choice")
    blocking: BlockingSettings = Field(description="candidate generation of the linking stages at scale")
    engine: EngineSettings = Field(description="how the pipeline runs")
    output: OutputSettings = Field(description="what the command line writes and prints")
    store: StoreSettings = Field(description="the workspace database of rashomon add / export")
    web: WebSettings = Field(description="the web app and API of rashomon serve")

    def __init__(self, /, **data: Any) -> None:
        env_overrides()  # a bad environment variable raises its own coded error, not pydantic's
        super().__init__(**data)

    @model_validator(mode="before")
    @classmethod
    def _fill_from_defaults(cls, data: Any) -> Any:
        if isinstance(data, BaseModel):
            data = data.model_dump()
        if not isinstance(data, Mapping):
            return data
        return _merge(_merge(defaults_dict(), env_overrides()), data)

    def get(self, key: str) -> Any:
        """The value at the dotted ``key`` ("clusters.link"); ``UnknownSettingError`` if none.
        Resolved keys are remembered per settings object (stages look keys up inside loops)."""
        entry = _RESOLVED.get(id(self))
        if entry is None or entry[0] is not self:
            if len(_RESOLVED) > 32:
                _RESOLVED.clear()
            entry = _RESOLVED[id(self)] = (self, {})
        known = entry[1]
        if key in known:
            return known[key]
        node: Any = self
        for part in key.split("."):
            if not isinstance(node, BaseModel) or part not in type(node).model_fields:
                raise UnknownSettingError(key=key, where="a look-up", hint=_hint(key))
            node = getattr(node, part)
        known[key] = node
        return node


# --------------------------------------------------------------------------- layers

def defaults_dict() -> dict:
    """The defaults of ``data/settings.yaml`` as a nested dict (a fresh copy)."""
    return _merge({}, load_yaml(DATA_FILE))


def _merge(base: Mapping, over: Mapping) -> dict:
    """``over`` laid over ``base``, nested mappings merged key by key (new dicts; inputs untouched)."""
    out = {k: (_merge({}, v) if isinstance(v, Mapping) else v) for k, v in base.items()}
    for k, v in over.items():
        if isinstance(v, BaseModel):
            v = v.model_dump()
        if isinstance(v, Mapping) and isinstance(out.get(k), Mapping):
            out[k] = _merge(out[k], v)
        else:
            out[k] = _merge({}, v) if isinstance(v, Mapping) else v
    return out


def _scalar(text: str) -> Any:
    """An override's value read as a YAML scalar ("0.45" -> 0.45, "true" -> True, "[json, md]" -> list)."""
    try:
        return yaml.safe_load(text)
    except yaml.YAMLError:
        return text


def _nest(key: str, value: Any) -> dict:
    out: dict = {}
    node = out
    parts = key.split(".")
    for p in parts[:-1]:
        node = node.setdefault(p, {})
    node[parts[-1]] = value
    return out


def env_overrides(environ: Optional[Mapping[str, str]] = None) -> dict:
    """Settings given in the environment: ``RASHOMON_<GROUP>__<NAME>`` (``__`` between levels)
    and the older ``LEGACY_ENV`` names. Other ``RASHOMON_*`` variables without ``__`` are not
    settings and are left alone."""
    environ = os.environ if environ is None else environ
    out: dict = {}
    for name, (key, read) in LEGACY_ENV.items():
        if name in environ:
            out = _merge(out, _nest(key, read(environ[name])))
    for name, value in environ.items():
        if name.startswith(ENV_PREFIX) and "__" in name:
            key = name[len(ENV_PREFIX):].lower().replace("__", ".")
            out = _merge(out, _nest(key, _scalar(value)))
    check_keys(out, "the environment")
    return out


def read_settings_file(path: Union[str, Path]) -> dict:
    """A user settings file (``.toml``, else YAML) as a nested dict; keys are checked."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as e:
        raise SettingValueError(key=str(path), where="--settings", problem=f"cannot read the file: {e}") from e
    import tomllib

    try:
        data = tomllib.loads(text) if path.suffix.lower() == ".toml" else (yaml.safe_load(text) or {})
    except (tomllib.TOMLDecodeError, yaml.YAMLError) as e:
        raise SettingValueError(key=str(path), where="--settings", problem=f"not valid YAML/TOML: {e}") from e
    if not isinstance(data, dict):
        raise SettingValueError(key=str(path), where="--settings", problem="must hold a mapping of groups to settings")
    check_keys(data, f"settings file {path}")
    return data


def parse_assignments(items: list[str]) -> dict:
    """``["clusters.link=0.45", ...]`` (``--set``) as a nested dict; keys are checked."""
    out: dict = {}
    for item in items or []:
        if "=" not in item:
            raise SettingValueError(key=item, where="--set", problem="expected KEY=VALUE, e.g. clusters.link=0.45")
        key, value = item.split("=", 1)
        out = _merge(out, _nest(key.strip(), _scalar(value)))
    check_keys(out, "--set")
    return out


def load_settings(file: Union[str, Path, None] = None, *overrides: Union[Mapping, list[str], None]) -> Settings:
    """Defaults < environment < ``file`` < each of ``overrides`` in turn (a nested dict, or
    ``--set`` strings); None entries are skipped."""
    data: dict = {}
    if file:
        data = _merge(data, read_settings_file(file))
    for layer in overrides:
        if layer:
            data = _merge(data, parse_assignments(list(layer)) if isinstance(layer, list) else dict(layer))
    return validate(data, "the given settings")


def validate(data: Any, where: str) -> Settings:
    """``Settings`` from ``data`` (a ``Settings``, a nested dict or None), errors coded and named."""
    if isinstance(data, Settings):
        return data
    if isinstance(data, Mapping):
        check_keys(data, where)
    env_overrides()  # raises UnknownSettingError for a mistyped RASHOMON_<GROUP>__<NAME>
    try:
        return Settings.model_validate(data or {})
    except ValidationError as e:
        first = e.errors()[0]
        key = ".".join(str(p) for p in first["loc"])
        if first["type"] == "extra_forbidden":
            raise UnknownSettingError(key=key, where=where, hint=_hint(key)) from None
        raise SettingValueError(key=key, where=where, problem=first["msg"]) from None


# --------------------------------------------------------------------------- key checks

def all_keys(model: type[BaseModel] = Settings, prefix: str = "") -> list[str]:
    """Every dotted leaf key of ``model`` ("clusters.link", "events.weights.tfidf", ...)."""
    out = []
    for name, f in model.model_fields.items():
        ann = f.annotation
        if isinstance(ann, type) and issubclass(ann, BaseModel):
            out += all_keys(ann, f"{prefix}{name}.")
        else:
            out.append(prefix + name)
    return out


def _hint(key: str) -> str:
    near = difflib.get_close_matches(key, all_keys(), n=1, cutoff=0.6)
    return f"; did you mean {near[0]!r}?" if near else ""


def check_keys(data: Mapping, where: str, model: type[BaseModel] = Settings, prefix: str = "") -> None:
    """Raise ``UnknownSettingError`` for the first key of ``data`` that ``model`` does not have."""
    for k, v in data.items():
        f = model.model_fields.get(k)
        key = prefix + str(k)
        if f is None:
            raise UnknownSettingError(key=key, where=where, hint=_hint(key))
        ann = f.annotation
        if isinstance(ann, type) and issubclass(ann, BaseModel):
            if isinstance(v, BaseModel):
                continue
            if not isinstance(v, Mapping):
                raise SettingValueError(key=key, where=where, problem="is a group of settings, not a value")
            check_keys(v, where, ann, key + ".")


# --------------------------------------------------------------------------- the active settings

_ACTIVE: contextvars.ContextVar[Optional[Settings]] = contextvars.ContextVar("rashomon_settings", default=None)
_PROCESS: Optional[Settings] = None  # set in worker processes (engine/pool.py)
_ENV_CACHE: dict[tuple, Settings] = {}


def current() -> Settings:
    """The settings of the run in progress (see ``use``); else those of this worker process;
    else the defaults with the environment applied."""
    s = _ACTIVE.get()
    if s is not None:
        return s
    if _PROCESS is not None:
        return _PROCESS
    env = tuple(sorted((k, v) for k, v in os.environ.items() if k.startswith(ENV_PREFIX)))
    if env not in _ENV_CACHE:
        _ENV_CACHE.clear()
        _ENV_CACHE[env] = Settings()
    return _ENV_CACHE[env]


def setting(key: str) -> Any:
    """``current().get(key)``: the value of the dotted ``key`` for the run in progress."""
    return current().get(key)


@contextlib.contextmanager
def use(settings: Optional[Settings]) -> Iterator[Settings]:
    """Make ``settings`` the ones ``current()`` returns inside the block (in this thread and in
    threads started with a copy of this context); ``None`` keeps the current ones."""
    if settings is None:
        yield current()
        return
    token = _ACTIVE.set(settings)
    try:
        yield settings
    finally:
        _ACTIVE.reset(token)


def set_process_settings(settings: Optional[Settings]) -> None:
    """Make ``settings`` this process's settings (a worker's initializer calls it)."""
    global _PROCESS
    _PROCESS = settings


# the rendering of this file as documentation lives in settings_docs.py; re-exported here
from .settings_docs import describe, settings_markdown  # noqa: E402
