"""The records that flow through rashomon, as pydantic v2 models.

Articles become annotated articles (``ArticleAnnotations``), annotated articles become a
``Dossier``. Every finding carries the article id and character offsets (``start``, ``end``)
into that article's cleaned ``text``. The dossier format is ``rashomon.dossier/1``
(see DOSSIER.md in the design notes); fields named there are never renamed or dropped.

Ids are unique within a dossier and stable: a per-article record is named by kind, article id
and offsets (``c:<article>:<start>-<end>``, see ``rashomon.ids``), the same in any batch;
cross-article records ``<prefix><n>`` (``k4``, ``E1``, ``A7``). A stage never rewrites a
per-article record: cross-article findings are new records (or typed fields of the corpus
state) that point at them by id, and the stage that makes a finding replaces the dossier's
records with copies that carry it (``model_copy(update=...)``), so ``ArticleAnnotations`` stay
as the per-article half left them.
"""
from __future__ import annotations

from typing import Literal, Optional

from pydantic import BaseModel, ConfigDict, Field

FORMAT = "rashomon.dossier/1"


class Record(BaseModel):
    """Base for every record: extra keys are rejected so typos in stage code fail loudly."""

    model_config = ConfigDict(extra="forbid")


# --------------------------------------------------------------------------- articles


class OffsetRun(Record):
    """A run of cleaned characters ``[clean, clean+length)`` that came from the decoded original
    characters ``[raw, raw+length)`` one to one."""

    clean: int
    raw: int
    length: int


class Removed(Record):
    """A piece of the original that cleaning dropped, and why."""

    text: str
    reason: str = Field(description="nav | promo | donation | newsletter | social | comment_form | caption | repeated_title | title | dek | header | byline | markup | other")
    raw_start: Optional[int] = Field(None, description="offset of the piece in the decoded original")
    raw_end: Optional[int] = None
    rule: Optional[str] = Field(None, description="id of the pattern that matched, from the boilerplate data file")


class SourceInfo(Record):
    """Where an article came from and how it was read."""

    path: Optional[str] = Field(None, description="file path, or '<stdin>'")
    line: Optional[int] = Field(None, description="line number inside a JSONL file (record number in a JSON list or a WARC file)")
    format: str = Field(description="txt | md | html | json | jsonl | warc | stdin | record (a dict given to analyze())")
    encoding: Optional[str] = None
    sha256: Optional[str] = Field(None, description="hash of the original bytes")
    extractor: Optional[str] = Field(None, description="how the main text was obtained, e.g. 'trafilatura 2.0 + rashomon cleaner'")


class Article(Record):
    """One input article after ingestion and cleaning."""

    id: str
    index: int = Field(0, description="position of the article in the batch, for display order only (no id uses it)")
    title: Optional[str] = None
    name: Optional[str] = Field(None, description="short readable name for reports: the title shortened, else outlet and date, else the first words (ingest/names.py); the id stays the id")
    title_source: Optional[str] = Field(None, description="metadata | text (first line) | html")
    dek: Optional[str] = Field(None, description="standfirst kept apart from the body, when present")
    outlet: Optional[str] = Field(None, description="null when unknown; never guessed without evidence")
    outlet_evidence: Optional[str] = Field(None, description="the text or metadata that names the outlet")
    outlet_source: Optional[str] = Field(None, description="metadata | text | html")
    url: Optional[str] = None
    published: Optional[str] = Field(None, description="ISO date, or null")
    published_source: Optional[Literal["metadata", "text", "inferred"]] = None
    published_reason: Optional[str] = Field(None, description="how the date was found or inferred, or why it is unknown")
    published_after: Optional[str] = Field(None, description="lower bound on the publication date when only that is known")
    event: Optional[str] = None
    language: Optional[str] = Field(None, description="ISO 639-1 code of the text's language, or null when it could not be told")
    language_source: Optional[str] = Field(None, description="how the language was found: function_words | script | default (text too short to tell)")
    text: str = Field(description="cleaned body; all offsets point into this")
    removed: list[Removed] = Field(default_factory=list)
    offsets: list[OffsetRun] = Field(default_factory=list, description="map from cleaned offsets to the decoded original")
    source: Optional[SourceInfo] = None
    copy_of: Optional[str] = Field(None, description="id of the earlier article this one is a near copy of (syndication: same body, other title or outlet); counted as one source with it")
    copy_similarity: Optional[float] = Field(None, description="resemblance to that article: Jaccard of 5-word shingle sets (ingest/copies.py)")
    raw: Optional[str] = Field(None, exclude=True, description="the decoded original; kept in memory, not written")


# --------------------------------------------------------------------------- per-article findings


class Span(Record):
    """A piece of one article's cleaned text."""

    article: str
    start: int
    end: int
    text: str


class Mention(Record):
    """One mention of an actor in an article."""

    start: int
    end: int
    text: str
    kind: Literal["name", "title", "description", "pronoun", "demonym"] = "name"


ActorType = Literal["person", "government_body", "military_unit", "media_outlet", "country", "organization", "group", "other"]


class Actor(Record):
    """A person or body, within one article (``article`` set, id ``a<idx>-<n>``) or across the
    dossier (``article`` null, id ``A<n>``)."""

    id: str
    name: str = Field(description="the fullest name the text gives")
    type: ActorType = "other"
    affiliation: Optional[str] = Field(None, description="country or party the text ties the actor to: Russian, Ukrainian, US...")
    side: Optional[str] = Field(None, description="party to the story the actor speaks for, e.g. 'Russia', 'Ukraine', 'independent media'")
    side_reason: Optional[str] = Field(None, description="why that side, or why it is unknown")
    article: Optional[str] = None
    aliases: list[str] = Field(default_factory=list)
    mentions: list[Mention] = Field(default_factory=list)
    members: list[str] = Field(default_factory=list, description="for dossier actors: the per-article actor ids merged into it")
    articles: list[str] = Field(default_factory=list)


class Speaker(Record):
    """Who a statement is attributed to."""

    name: str
    actor: Optional[str] = Field(None, description="actor id: per-article (a:...) in an article's annotations, dossier-level (A<n>) in the dossier")
    start: Optional[int] = Field(None, description="span of the speaker mention; null when implicit")
    end: Optional[int] = None
    text: Optional[str] = Field(None, description="the mention as written: 'he', 'the military', 'Gen. Valery V. Gerasimov'")
    resolved: Optional[str] = Field(None, description="how a pronoun or description was resolved, e.g. \"pronoun 'he' -> nearest preceding person\"")
    channel: Optional[str] = Field(None, description="the channel the speaker spoke through: 'statement', 'interview', 'report', 'post' (never the speaker itself)")
    phrase_start: Optional[int] = Field(None, description="span of the whole phrase naming the source, with titles, appositions and clauses: 'Jane Roe (D-Ore.), a member of the panel'; null when it is the mention")
    phrase_end: Optional[int] = None


class Attribution(Record):
    """One reported statement: speaker, cue and content."""

    id: str
    article: str
    speaker: Optional[Speaker] = None
    cue: Optional[str] = None
    cue_start: Optional[int] = None
    cue_end: Optional[int] = None
    cue_phrase_start: Optional[int] = Field(None, description="span of the whole cue phrase with the verb's auxiliaries, negation, adverbs and particle: 'has also said', 'did not address', 'pointed out'; null when it is the cue")
    cue_phrase_end: Optional[int] = None
    content: list[Span] = Field(default_factory=list, description="content spans; several for split quotes or 'adding that'")
    kind: Literal["direct", "indirect", "mixed", "according_to"] = "indirect"
    chain: list[Speaker] = Field(default_factory=list, description="whole reporting chain, original speaker first (Gerasimov, then AFP)")
    distancing: list[str] = Field(default_factory=list, description="distancing cues: 'claimed', 'so-called'")
    hedges: list[str] = Field(default_factory=list, description="hedges: 'reportedly', 'suggested'")


class PropSlot(Record):
    """One slot of a claim's proposition: a piece of the article's cleaned text
    (``text == article.text[start:end]``), its normalised head and what it names."""

    text: str
    start: int
    end: int
    head: Optional[str] = Field(None, description="normalised head: the predicate lemma ('shoot down', 'attack', 'be'), the head word's lemma of an argument, the modal or hedge word, the counted noun of a quantity")
    actor: Optional[str] = Field(None, description="the actor the slot names: per-article (a:...) in an article's annotations, dossier-level (A<n>) in the dossier")
    ref: Optional[str] = Field(None, description="id of the TimeExpr or Quantity record behind a time or quantity slot")
    value: Optional[str] = Field(None, description="time slot: the ISO value; quantity slot: the number")


class Proposition(Record):
    """What a claim states, as slots read from the parse of its content clause (for reported speech
    and 'according to': the content, not the saying). Every slot is optional except the predicate."""

    predicate: PropSlot = Field(description="the main event or state; ``head`` is the normalised lemma (light verbs, phrasal verbs and nominal predicates folded: 'carried out an attack' -> attack; copular 'X is a Y' -> be)")
    attribute: Optional[PropSlot] = Field(None, description="what the subject is said to be, for a copular predicate ('a weather airship')")
    agent: Optional[PropSlot] = Field(None, description="who does it: the active subject, or the 'by' phrase of a passive")
    patient: Optional[PropSlot] = Field(None, description="what it is done to, or the theme: the object, the passive subject, the subject of a copula")
    place: Optional[PropSlot] = None
    time: Optional[PropSlot] = None
    quantity: Optional[PropSlot] = None
    polarity: Literal["asserted", "denied"] = "asserted"
    negation: Optional[PropSlot] = Field(None, description="the word that makes the polarity 'denied': 'not', 'never', a denial cue")
    modality: Optional[PropSlot] = Field(None, description="a modal on the predicate ('may', 'could', 'must', 'will'); ``head`` is its class from data/en/proposition_words.yaml")
    hedge: Optional[PropSlot] = Field(None, description="a hedge word in the claim ('reportedly', 'allegedly')")

    def with_actors(self, mapping: dict[str, str]) -> "Proposition":
        """A copy whose slots' actor ids are mapped through ``mapping`` (per-article -> dossier ids);
        ids not in ``mapping`` stay."""
        upd = {}
        for name in ("agent", "patient", "attribute", "place"):
            slot = getattr(self, name)
            if slot is not None and slot.actor in mapping:
                upd[name] = slot.model_copy(update={"actor": mapping[slot.actor]})
        return self.model_copy(update=upd)


class Claim(Record):
    """A clause-level proposition: attributed content or the outlet's own narration."""

    id: str
    article: str
    text: str
    start: int
    end: int
    speaker: Optional[Speaker] = Field(None, description="null for the outlet's own narration")
    cue: Optional[str] = None
    kind: Literal["direct", "indirect", "mixed", "according_to", "narrative"] = "narrative"
    cluster: Optional[str] = None
    attribution: Optional[str] = Field(None, description="id of the attribution the claim comes from")
    parent: Optional[str] = Field(None, description="id of the claim this one is a clause of (a part of a long sentence); it joins the cluster of another article's claims that state it, else that claim's cluster")
    chain: list[Speaker] = Field(default_factory=list)
    polarity: Literal["asserted", "denied"] = "asserted"
    hedged: bool = False
    hedges: list[str] = Field(default_factory=list)
    distancing: list[str] = Field(default_factory=list)
    sentence_start: Optional[int] = None
    sentence_end: Optional[int] = None
    actors: list[str] = Field(default_factory=list, description="ids of actors mentioned in the claim")
    quantities: list[str] = Field(default_factory=list)
    times: list[str] = Field(default_factory=list)
    proposition: Optional[Proposition] = Field(None, description="the claim's content as predicate and slots; null when the parse gives no predicate")


class SIValue(Record):
    """A quantity in its SI or metric unit (5 mi -> 8.04672 km); for a percentage, the share
    (54.24% -> 0.5424 fraction)."""

    value: float
    unit: str


class Quantity(Record):
    """A number with its unit or counted noun."""

    id: str
    article: str
    text: str
    start: int
    end: int
    value: Optional[float] = None
    low: Optional[float] = None
    high: Optional[float] = None
    unit: Optional[str] = Field(None, description="km2, mi2, km, mi, h, % (a percentage, with the number as written: 54.24% is 54.24), percentage points, fraction (a share written as a fraction: two-thirds is 0.6667)..., or the counted noun (troops)")
    si: Optional[SIValue] = Field(None, description="the value in its SI or metric unit (5 mi is 8.04672 km); for a percentage the share: 54.24% is 0.5424 fraction")
    approx: bool = False
    bound: Optional[Literal["lower", "upper"]] = None
    qualifier: Optional[str] = Field(None, description="the word that sets bound or approximation: 'more than', 'about'")
    about: Optional[str] = Field(None, description="what is counted: head noun and modifiers")
    about_keys: list[str] = Field(default_factory=list, description="lemmas behind `about`, tagged by role: 'n:' the counted or measured noun, 'm:' its modifiers, 'v:' the governing verb, 's:' the verb's subject, 'p:' objects of the verb's prepositions, 'r:part' a part of a total and 't:<M>' that total ('15 of the 19 hijackers'); used by the numeric cross-checks")
    claim: Optional[str] = None


class TimeExpr(Record):
    """A date, time or duration expression with its ISO value."""

    id: str
    article: str
    text: str
    start: int
    end: int
    value: Optional[str] = Field(None, description="ISO 8601 at the precision the text supports, or null")
    type: Literal["date", "time", "duration", "set"] = "date"
    precision: Optional[str] = Field(None, description="day | month | year | season | decade | week | time")
    anchor: Optional[str] = Field(None, description="absolute | publication | inferred_publication | previous_time")
    reason: Optional[str] = Field(None, description="why the value is null, or how it was resolved")
    relative: Optional[str] = Field(None, description="machine form of a relative expression (e.g. 'weekday:SA:-1', 'offset:P-1W'), kept so the value can be resolved again when the publication date is inferred later")
    tense: Optional[Literal["past", "future", "present"]] = Field(None, description="tense of the clause around the expression (past: the date lies on or before the publication date)")
    mod: Optional[str] = Field(None, description="TimeML mod: START (early), MID, END (late)... narrows the period, the value is unchanged")
    part: Optional[Literal["MO", "AF", "EV", "NI"]] = Field(None, description="part of the day the text names ('Friday night' -> NI): narrows a day value, which stays the day")
    claim: Optional[str] = None


class ArticleAnnotations(Record):
    """Everything the per-article half of the pipeline reads from one article."""

    article: str
    actors: list[Actor] = Field(default_factory=list)
    attributions: list[Attribution] = Field(default_factory=list)
    claims: list[Claim] = Field(default_factory=list)
    quantities: list[Quantity] = Field(default_factory=list)
    times: list[TimeExpr] = Field(default_factory=list)
    sentences: list[tuple[int, int]] = Field(default_factory=list, description="sentence boundaries in the cleaned text")
    entities: list[Span] = Field(default_factory=list, description="named entities (label in text field is not used; see entity_labels)")
    entity_labels: list[str] = Field(default_factory=list)
    lemmas: list[str] = Field(default_factory=list, description="content-word lemmas, for framing and similarity")
    verbs: list[int] = Field(default_factory=list, description="start offsets of the tokens the parser tags VERB or AUX (the summary quotes passages with a verb)")
    noun_phrases: list[tuple[int, int, str]] = Field(default_factory=list, description="noun phrases of the parse (spaCy noun chunks without leading determiners or possessives; pronouns left out): (start, end, head lemma), the lemma lower-cased and empty when the head is a proper noun; for the naming concepts of framing")
    claim_vectors: dict[str, list[float]] = Field(default_factory=dict, description="claim id -> unit sentence embedding of its text (the encode stage)")
    proposition_vectors: dict[str, list[float]] = Field(default_factory=dict, description="claim id -> unit embedding of its proposition text, for claims whose proposition text differs from the text")


class PublicationDate(Record):
    """A publication date (or lower bound) inferred for an undated article from the others."""

    article: str
    published: Optional[str] = Field(None, description="ISO date inferred, or null when only a lower bound is known")
    published_after: Optional[str] = None
    reason: str = Field(description="the reasoning, with the texts it rests on")


# --------------------------------------------------------------------------- cross-article findings


class Event(Record):
    id: str
    label: str
    articles: list[str]
    main: bool = False
    date: Optional[str] = None
    related: list[str] = Field(default_factory=list, description="ids of related events in the same storyline")
    reason: Optional[str] = Field(None, description="what the grouping rests on")


class Source(Record):
    """An independent original source behind a cluster."""

    name: str
    actor: Optional[str] = None
    side: Optional[str] = None
    claims: list[str] = Field(default_factory=list)


class Cluster(Record):
    id: str
    label: str
    claims: list[str]
    articles: list[str] = Field(default_factory=list)
    outlets: list[str] = Field(default_factory=list, description="outlets (or article ids when the outlet is unknown) that carry it")
    sources: list[Source] = Field(default_factory=list, description="independent original sources")
    sides: list[str] = Field(default_factory=list)
    corroboration: Optional[str] = Field(None, description="cross_side | independent_same_side | single_source_repeated | single_source | narration_only")
    explanation: Optional[str] = None


class Relation(Record):
    id: str
    type: str = Field(description="contradicts | supports | updates | ...")
    a: str
    b: str
    explanation: str
    signal: Optional[str] = Field(None, description="denial | agent | identity | incompatible_state | numeric | count | date | classifier | same_speaker_revision")
    score: Optional[float] = None
    evidence: list[Span] = Field(default_factory=list, description="the text on both sides")


DisputeType = Literal["responsibility", "identity", "state", "number", "date", "denial", "other"]
DisputeStep = Literal["first_stated", "repeated", "revised", "denied"]


class PositionStep(Record):
    """One moment in the history of a position: a claim that first states it, repeats it, or a
    later claim that revises it (the same side now holds another position) or denies it (a
    statement of another position that rejects it)."""

    step: DisputeStep
    claim: str = Field(description="id of the claim that makes this step (for revised/denied: the revising or denying claim)")
    cluster: Optional[str] = None
    date: Optional[str] = Field(None, description="ISO date the claim was made (its own date, else the article's publication date)")
    speaker: Optional[str] = None
    side: Optional[str] = None
    outlet: Optional[str] = Field(None, description="the article's outlet, else the article id")
    evidence: Span = Field(description="the claim's text in its article")


class DisputePosition(Record):
    """One answer to a dispute's question, with everyone who holds it."""

    id: str = Field(description="'<dispute id>.<n>', e.g. 'D1.2'")
    label: str = Field(description="the answer in short: a state, a figure, a date, or the representative claim")
    stance: Optional[str] = Field(None, description="machine form: the state pole, the figure or date, 'asserts'/'denies', or a colour 'a'/'b'")
    clusters: list[str] = Field(default_factory=list)
    claims: list[str] = Field(default_factory=list)
    sources: list[str] = Field(default_factory=list, description="original speakers who hold the position (outlets' own narration as 'narration of <outlet>')")
    sides: list[str] = Field(default_factory=list)
    outlets: list[str] = Field(default_factory=list)
    first_date: Optional[str] = None
    last_date: Optional[str] = None
    history: list[PositionStep] = Field(default_factory=list, description="in date order: first stated, repeated, revised, denied")
    evidence: list[Span] = Field(default_factory=list, description="the claims' text, one span per claim")


class Dispute(Record):
    """A question the sources contest, made from contradictions (and updates) about the same
    thing; at least two positions that cannot both hold."""

    id: str
    question: str = Field(description="the contested question, made from the contested propositions: 'Who destroyed the dam?'")
    type: DisputeType = Field(description="responsibility | identity | state (outcome or state) | number | date | denial (of a report) | other")
    about: Optional[str] = Field(None, description="what is contested: the state dimension, the counted thing, ...")
    positions: list[DisputePosition] = Field(default_factory=list)
    relations: list[str] = Field(default_factory=list, description="ids of the `contradicts` relations between sides that form the dispute")
    updates: list[str] = Field(default_factory=list, description="ids of relations in the dispute that are revisions by one side (updates), kept apart")
    explanation: str = Field("", description="why the positions cannot both hold")


class QuantityRef(Record):
    id: Optional[str] = None
    article: str
    text: str
    start: Optional[int] = None
    end: Optional[int] = None


class Check(Record):
    type: Literal["consistent", "inconsistent"]
    quantities: list[QuantityRef]
    explanation: str
    about: Optional[str] = None


class Framing(Record):
    concept: str
    terms: dict[str, list[str]] = Field(description="article id -> the terms it uses for the concept")
    method: str = Field("variant_set", description="how the terms were found: variant_set (known variant sets), cues (reporting verbs, distancing, hedges), thing_names (phrases of the salient things), actor_names (names of an actor)")
    evidence: list[Span] = Field(default_factory=list)


class DistinctiveWord(Record):
    word: str
    z: float
    count: int


class TimelineEntry(Record):
    date: Optional[str]
    label: str
    inferred: bool = False
    claims: list[str] = Field(default_factory=list)
    articles: list[str] = Field(default_factory=list)
    times: list[str] = Field(default_factory=list)


class SummarySentence(Record):
    text: str
    cites: list[str] = Field(description="claim ids the sentence rests on")
    section: Optional[str] = Field(None, description="overview | established | claimed | disputed | numbers: the paragraph it belongs to")


HistoryStep = Literal["first_reported", "repeated", "denied", "revised"]


class HistoryEntry(Record):
    """One step in a claim cluster's history (built by ``rashomon.store.history``)."""

    step: HistoryStep
    date: Optional[str] = Field(None, description="ISO date: the article's publication date (given or inferred), null when unknown")
    claim: str = Field(description="id of the claim that makes the step (for denied/revised: the denying or revising claim)")
    cluster: str = Field(description="the cluster the claim belongs to")
    by: Optional[str] = Field(None, description="who: the speaker, else the outlet, else the article id")
    outlet: Optional[str] = None
    article: str
    start: int
    end: int
    text: str
    relation: Optional[str] = Field(None, description="for denied/revised: id of the relation that says so")


class ClusterHistory(Record):
    """A claim cluster's history in an exported workspace dossier: when it was first reported,
    by whom, each repetition, denial and revision, with dates."""

    cluster: str = Field(description="the cluster's id in this dossier (k<n>)")
    stable_id: Optional[str] = Field(None, description="the workspace's lasting id of the cluster (cl-<hex>), kept when articles are added; the claim page's URL")
    steps: list[HistoryEntry] = Field(default_factory=list, description="in date order (undated last): first reported, each repetition, denials and revisions")


class InputError(Record):
    path: str
    line: Optional[int] = None
    code: str = Field(description="short machine-readable code: unreadable, binary, empty, undecodable, bad_json, no_main_text, empty_dir, not_an_input, analysis_failed (the article was read but its analysis failed), ...")
    message: str


class Duplicate(Record):
    kept: str = Field(description="id of the article analysed")
    dropped: str = Field(description="path or id of the exact duplicate")


class StageTiming(Record):
    name: str
    seconds: float


class RunReport(Record):
    version: str
    inputs: list[str] = Field(default_factory=list)
    errors: list[InputError] = Field(default_factory=list)
    duplicates: list[Duplicate] = Field(default_factory=list)
    stages: list[StageTiming] = Field(default_factory=list)
    models: dict[str, str] = Field(default_factory=dict)
    notes: list[str] = Field(default_factory=list)


class Dossier(Record):
    """The whole output: the single source for every view."""

    format: str = FORMAT
    articles: list[Article] = Field(default_factory=list)
    events: list[Event] = Field(default_factory=list)
    actors: list[Actor] = Field(default_factory=list)
    attributions: list[Attribution] = Field(default_factory=list)
    claims: list[Claim] = Field(default_factory=list)
    clusters: list[Cluster] = Field(default_factory=list)
    relations: list[Relation] = Field(default_factory=list)
    disputes: list[Dispute] = Field(default_factory=list, description="contradictions grouped into the questions they contest, each with its positions")
    quantities: list[Quantity] = Field(default_factory=list)
    times: list[TimeExpr] = Field(default_factory=list)
    checks: list[Check] = Field(default_factory=list)
    framing: list[Framing] = Field(default_factory=list)
    distinctive_words: dict[str, list[DistinctiveWord]] = Field(default_factory=dict, description="article id -> its most distinctive words (log-odds, informative Dirichlet prior)")
    timeline: list[TimelineEntry] = Field(default_factory=list)
    summary: list[SummarySentence] = Field(default_factory=list)
    histories: Optional[list[ClusterHistory]] = Field(None, description="optional: each claim cluster's history, written by `rashomon export` from a workspace (null from `rashomon analyze`)")
    run: Optional[RunReport] = None


def dossier_schema() -> dict:
    """The JSON Schema of ``Dossier`` (what ``rashomon schema`` prints)."""
    schema = Dossier.model_json_schema(mode="serialization")
    schema["$id"] = "https://rashomon.invalid/schema/" + FORMAT
    schema["title"] = FORMAT
    return schema


# --------------------------------------------------------------------------- streamed runs

INDEX_FORMAT = "rashomon.index/1"


class ChunkEntry(Record):
    """One chunk of a streamed run: its folder (``chunks/0001``, relative to the index) and counts."""

    folder: str
    articles: int
    events: list[str]
    claims: int
    clusters: int
    contradictions: int


class IndexEvent(Record):
    """One event of a streamed run and the chunk folder whose dossier holds it."""

    id: str
    label: str
    chunk: str
    date: Optional[str] = None
    articles: list[str]


class StreamIndex(Record):
    """``index.json`` of ``rashomon analyze --stream``: the chunks and events, what was left out
    and why (``errors``: unreadable inputs and failed analyses; ``duplicates``), the run's notes."""

    format: str = INDEX_FORMAT
    version: str
    inputs: list[str] = Field(default_factory=list)
    articles: int = 0
    chunks: list[ChunkEntry] = Field(default_factory=list)
    events: list[IndexEvent] = Field(default_factory=list)
    errors: list[InputError] = Field(default_factory=list)
    duplicates: list[Duplicate] = Field(default_factory=list)
    notes: list[str] = Field(default_factory=list)
    stages: list[StageTiming] = Field(default_factory=list, description="per-article stages summed over articles, corpus stages summed over windows and chunks")
    stream: dict[str, float] = Field(default_factory=dict, description="windows, chunks, the most articles linked at once, seconds per step")
