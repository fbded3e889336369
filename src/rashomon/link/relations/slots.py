"""Slot conflicts between claims: who did it (agent) and what a thing is (identity).

In: the ``ClaimView`` list of ``relations.context``. Out: ``Finding`` records of type
``contradicts`` with signal ``agent`` or ``identity`` (``relations.find_relations`` lifts them to
cluster pairs). Word lists come from ``data/en/conflict_slots.yaml``.

- ``agent_findings``: two claims about the same event (topic similarity >= setting
  ``relations.slot_agent_min_sim`` and a shared content word outside the agents) that name
  different agents for it ("divers of navy A planted the explosives" vs "a group B carried out
  the attack"), or where one denies the agent the other names ("A was not involved in the
  explosion" vs "A blew up the pipeline"). Two agents that share a word (a navy and its divers,
  a country and its people) do not clash: a part and its whole; a denial meets an agent by name
  when both name one (``agents_meet``). A claim that names its event only by a generic
  back-reference ("... were involved in the incident") is also read with the claim its article
  reports just before it (``relations.backrefs``).
- ``identity_findings``: two claims that describe the same thing with opposite poles of one
  identity dimension (civilian / military purpose; accident / done on purpose), each pole word
  describing the thing (after "is a", negated, or before a noun both claims share), on the same
  topic (``relations.slot_identity_min_sim``) and a shared content word outside the pole words.

Both need two sources (different speakers, not one side on its own) and different clusters;
each claim keeps only its ``relations.slot_top`` closest partners per signal, so one dispute is
not echoed over every loosely related claim.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Optional

from ...data import load_yaml
from ...models import Span
from .backrefs import event_antecedents
from .context import ClaimView, opposed_sides, same_sentence, topic_similarity, view_pairs
from .features import content_words
from .lexicon import find_terms, lexicon
from .rules import Finding, _q, who
from ...settings import setting

_WORD = re.compile(r"[A-Za-z][A-Za-z.'’-]*|\d[\d,.]*")


@lru_cache(maxsize=1)
def slot_words() -> dict:
    """The parsed ``conflict_slots.yaml``."""
    return load_yaml("conflict_slots.yaml", "en")


def stem(word: str) -> str:
    """A crude match key: lower case, no dots, no "pro-", common endings cut ("Ukrainian" and
    "Ukraine", "divers" and "diver" meet); words of three letters or fewer stay whole."""
    w = word.lower().replace(".", "").replace("’", "'")
    if w.startswith("pro-"):
        w = w[4:]
    if len(w) <= 3:
        return w
    for end in slot_words()["agent"]["stem_endings"]:
        if w.endswith(end) and len(w) - len(end) >= 4:
            return w[: -len(end)]
    return w


@dataclass(frozen=True)
class AgentMention:
    agent: frozenset      # stems of the agent's words (with the initials of multi-word names)
    negated: bool         # the claim denies that this agent did it
    start: int            # span of agent + predicate inside the claim text
    end: int
    pred: int = -1        # where the predicate starts (the event it names runs from here)
    kind: str = "do"      # "win" for who won a vote or contest, "repair" for who repaired or replaced a part, else "do" (who did it)


@lru_cache(maxsize=1)
def _countries() -> dict[str, str]:
    """Demonyms, capitals and country aliases (``data/en/actors.yaml``) -> country name, keyed in
    lower case without dots ("americans" -> "United States", "moscow" -> "Russia")."""
    actors = load_yaml("actors.yaml", "en")
    out = {}
    for table in ("demonyms", "country_aliases"):
        for k, v in (actors.get(table) or {}).items():
            out[str(k).lower().replace(".", "")] = str(v)
    return out


def _name_keys(words: list[str]) -> set:
    """Stems of ``words`` plus the initials of a run of two or more capitalised words."""
    keys = {stem(w) for w in words}
    caps = [w for w in words if w[:1].isupper() and w[1:].islower()]
    if len(caps) >= 2:
        keys.add("".join(w[0] for w in caps).lower())
    return keys


def _agent_keys(phrase: str, initial: bool = False) -> frozenset:
    """Match keys of an agent phrase: stems of its words that can name an agent, the initials of
    a run of capitalised words ("United States" -> "us"), and the keys of the country a demonym,
    capital or alias names ("Americans", "Moscow")."""
    skip = set(slot_words()["agent"]["not_agent"])
    nouns = set(slot_words()["agent"]["agent_nouns"])
    words = [w.strip("'’-") for w in _WORD.findall(phrase)]
    countries = _countries()

    meant = [i for i, w in enumerate(words) if w and w.lower().replace("’", "'") not in skip and not w[0].isdigit()]
    head = meant[-1] if meant else -1

    def can_name(i: int, w: str) -> bool:
        if w.lower() in nouns:
            return True
        if i == 0 and initial and i != head:  # capitalised only because it starts the sentence
            return w.isupper() or w.lower().replace(".", "") in countries
        return any(ch.isupper() for ch in w)

    # the word next to the predicate must itself name an agent ("rebels blew up"), else the
    # phrase is a verb or an object ("seeking to identify those responsible for")
    if head < 0 or not (can_name(head, words[head]) or (head - 1 in meant and can_name(head - 1, words[head - 1]))):
        return frozenset()  # a common noun after a name still heads the agent ("Army engineers")
    keys = {stem(words[i]) for i in meant if can_name(i, words[i])}
    caps = [w for w in words if w[:1].isupper() and w[1:].islower() and w.lower() not in skip]
    if len(caps) >= 2:
        keys.add("".join(w[0] for w in caps).lower())
    for i, w in enumerate(words):
        for gram in (w, " ".join(words[i:i + 2])):
            country = countries.get(gram.lower().replace(".", "").removeprefix("pro-"))
            if country:
                keys |= _name_keys(country.split())
    return frozenset(k for k in keys if k)


@lru_cache(maxsize=1)
def _clause_end() -> re.Pattern:
    """Where a clause ends: sentence punctuation, a clause word (``agent.clause_ends``), or a
    relative word after a comma (``agent.relative_openers``)."""
    a = slot_words()["agent"]
    ends = "|".join(re.escape(w) for w in a["clause_ends"])
    rel = "|".join(re.escape(w) for w in a["relative_openers"])
    return re.compile(rf"[.;!?]\s|\s(?:{ends})\s|,\s+(?:{rel})\s")


def _denied_clause(before: str) -> bool:
    """A denial verb ("rejected reports that", "denied") in the clause that ends ``before``."""
    cuts = [m.end() for m in _clause_end().finditer(before)]
    clause = before[max(cuts or [0]):]
    return bool(find_terms(clause, (lexicon().get("denial") or {}).get("verbs", [])))


def _negated(before: str) -> bool:
    return bool(find_terms(before, lexicon().get("negation", [])))


_CLAUSE_PUNCT = re.compile(r"[,;:“”\"()\[\]]")


def _agent_before(before: str) -> tuple[int, list[str], frozenset, int]:
    """The agent phrase that ends ``before`` (the text up to an active predicate): from the last
    clause start (a reporting word, "that", punctuation) on, at most six words; an aside set off
    by commas ("divers, under the cover of an exercise, had planted") is stepped over. Out: (where
    the agent's clause starts, its words, their match keys, where its first kept word starts)."""
    a = slot_words()["agent"]
    asides = {w.lower() for w in a.get("aside_start", [])}
    pre_verb = {w.lower() for w in a.get("pre_verb", [])}
    words_cut = [ce for _cs, ce, _ in find_terms(before, a["clause_start"])]
    end = len(before)
    for _ in range(3):
        head = before[:end]
        pcut = max([m.end() for m in _CLAUSE_PUNCT.finditer(head)] or [0])
        cut = max([c for c in words_cut if c <= end] + [pcut])
        all_words = head[cut:].split()
        words = all_words[-6:]
        initial = len(all_words) <= 6 and not before[:cut].strip(" “\"'(") or bool(re.search(r"[.!?][\"”’']?\s*$", before[:cut]))
        keys = _agent_keys(" ".join(words), initial)
        # an aside is the stretch since the last punctuation opened by an ``aside_start`` word
        # ("under the cover of an exercise", "according to the army"), judged on its first word
        # even when it is longer than six words or a clause word ("according to") cut it
        seg = head[pcut:].split()
        aside = bool(seg) and seg[0].lower().strip("“\"'(") in asides
        if keys and not aside:
            return cut, words, keys, _word_at(head, cut)
        bare = all(w.lower() in pre_verb for w in seg)  # nothing, or an auxiliary: ", had planted"
        if pcut == 0 or head[pcut - 1:pcut] != "," or not (aside or bare):
            # only an aside or the bare comma before the predicate is stepped over: in "outside
            # the capital, Managua, suggest something else was behind" the clause after the comma
            # names no agent, and the name before it is none either
            return cut, words, (frozenset() if aside else keys), _word_at(head, cut)
        end = pcut - 1
        words_cut = [c for c in words_cut if c <= end]
    return cut, words, frozenset(), cut


def _word_at(head: str, cut: int) -> int:
    """Where the first of the last six words of ``head[cut:]`` starts (the agent phrase's start)."""
    starts = [m.start() for m in re.finditer(r"\S+", head[cut:])]
    return cut + starts[-6:][0] if starts else cut


def _kind(predicate: str) -> str:
    """"win" when the matched predicate says who won (``agent.win``), "repair" when it says who
    did repair work (``agent.repair``), else "do": a winner, a repairer and the author of an act
    are different slots and never clash."""
    for kind in ("win", "repair"):
        if find_terms(predicate, slot_words()["agent"].get(kind, [])):
            return kind
    return "do"


def agent_mentions(text: str) -> list[AgentMention]:
    """Who the claim says did (or did not do) something: one ``AgentMention`` per responsibility
    predicate of ``conflict_slots.yaml`` whose agent phrase could be read."""
    a = slot_words()["agent"]
    out = []
    negative = {t.lower() for t in a.get("negative", [])}
    taken: list[tuple[int, int]] = []
    for s, e, _m in find_terms(text, a["passive"]) + find_terms(text, a["blame_on"]):
        tail = re.split(r"[,;:()“”\"]|(?<!\b[A-Z])\.(?=\s|$)|\s(?:" + "|".join(re.escape(w) for w in a["tail_ends"]) + r")\s",
                        text[e:], maxsplit=1)[0]
        keys = _agent_keys(" ".join(tail.split()[:6]))
        if keys:
            denied = _negated(text[max(0, s - 25):s]) or _denied_clause(text[:s])
            out.append(AgentMention(keys, denied, s, min(len(text), e + len(tail)), s, _kind(_m)))
            taken.append((s, e))
    for s, e, m in find_terms(text, a.get("accuse", [])):
        gap = m.split()[1:-1]  # "accused Moscow of" -> the agent between the verb and "of"
        keys = _agent_keys(" ".join(gap))
        if keys and not any(ts <= s < te for ts, te in taken):
            denied = _negated(text[max(0, s - 25):s]) or _denied_clause(text[:s])
            out.append(AgentMention(keys, denied, s, e, s))
            taken.append((s, e))
    for s, e, m in find_terms(text, a["active"]):
        if any(ts <= s < te for ts, te in taken):
            continue
        before = text[:s]
        cut, _words, keys, at = _agent_before(before)
        if not keys:
            continue
        denied = m.lower() in negative or _negated(before[cut:]) or _denied_clause(before)
        out.append(AgentMention(keys, denied, at, e, s, _kind(m)))
    return out


def places(text: str) -> frozenset:
    """Capitalised names right after a place preposition ("in Arlow", "near Lake Tamsin")."""
    preps = slot_words().get("place_prepositions", [])
    pat = r"\b(?:" + "|".join(re.escape(p) for p in preps) + r")\s+((?:[A-Z][\w’'-]+)(?:\s+[A-Z][\w’'-]+)*)"
    return frozenset(m.group(1) for m in re.finditer(pat, text))


@lru_cache(maxsize=1)
def _topic_groups() -> dict[str, str]:
    """Stem -> the first stem of its ``topic_word_groups`` group (words naming one happening)."""
    out: dict[str, str] = {}
    for group in slot_words().get("topic_word_groups", []) or []:
        stems = [stem(w) for w in group]
        for s in stems:
            out.setdefault(s, stems[0])
    return out


def _shared_topic_words(x: ClaimView, y: ClaimView, leave_out: set) -> set:
    """Stems of content words both claims use, apart from ``leave_out`` stems and names of the
    speakers; words of one ``topic_word_groups`` group ("explosions" / "attacks") count as one."""
    groups = _topic_groups()

    def keys(v: ClaimView) -> set:
        drop = {stem(w) for w in re.findall(r"[A-Za-z]+", v.speaker_name or "")}
        own = {stem(w) for w in content_words(v.text) if not w[0].isdigit()} - drop - leave_out
        return own | {groups[k] for k in own if k in groups}
    return keys(x) & keys(y)


def _two_sources(x: ClaimView, y: ClaimView) -> bool:
    if x.cluster == y.cluster or same_sentence(x, y):
        return False
    if x.speaker and x.speaker == y.speaker:
        return False
    return opposed_sides(x, y) is not False


def _span(v: ClaimView, s: int, e: int) -> Span:
    return Span(article=v.span.article, start=v.span.start + s, end=v.span.start + e, text=v.span.text[s:e])


def _keep_closest(cands: list[tuple], top: int, mutual: bool = False) -> list[tuple]:
    """Candidates ``(sim, x, y, ...)`` kept when one of the two claims ranks the other's cluster
    among the ``top`` closest clusters it conflicts with (with ``mutual``: both do, or one ranks
    it first)."""
    ranked: dict[str, dict[str, float]] = {}
    for c in cands:
        for v, o in ((c[1], c[2]), (c[2], c[1])):
            part = ranked.setdefault(v.claim.id, {})
            part[o.cluster] = max(part.get(o.cluster, -1.0), c[0])
    cut = {k: sorted(v.values(), reverse=True)[min(top, len(v)) - 1] for k, v in ranked.items()}
    if mutual:  # both rank it among their top, or one ranks it first
        first = {k: max(v.values()) for k, v in ranked.items()}
        return [c for c in cands if (c[0] >= cut[c[1].claim.id] and c[0] >= cut[c[2].claim.id])
                or c[0] >= first[c[1].claim.id] or c[0] >= first[c[2].claim.id]]
    return [c for c in cands if c[0] >= cut[c[1].claim.id] or c[0] >= cut[c[2].claim.id]]


@lru_cache(maxsize=1)
def _noun_stems() -> frozenset:
    return frozenset(stem(w) for w in slot_words()["agent"]["agent_nouns"])


def agents_meet(a: frozenset, b: frozenset) -> bool:
    """Two agents' keys name one agent (what a denial must meet): when both hold a name (a key that is no common agent
    noun: "US", "Ukrainian"), they share a name; else they share any key. "American nationals"
    and "Ukrainian nationals" share only the noun: two agents; "the navy" and "US Navy divers"
    share the noun and one has no name: one agent."""
    nouns = _noun_stems()
    na, nb = a - nouns, b - nouns
    if na and nb:
        return bool(na & nb)
    return bool(a & b)


def agent_findings(views: list[ClaimView]) -> list[Finding]:
    """Conflicting or denied agents for the same event (see the module docstring)."""
    ments = {v.claim.id: agent_mentions(v.text) for v in views}
    ante = event_antecedents(views, ments)  # "... involved in the incident": the event named just before
    cands = []
    for x, y in view_pairs([v for v in views if ments[v.claim.id]]):
        if not _two_sources(x, y):
            continue
        # the two claims, or one claim and the event the other points back to ("in the incident")
        reads = [(x, y)] + ([(x, ante[y.claim.id])] if y.claim.id in ante else []) + ([(ante[x.claim.id], y)] if x.claim.id in ante else [])
        reads = [(topic_similarity(a, b), a, b) for a, b in reads]
        reads = [r for r in reads if r[0] >= setting("relations.slot_agent_min_sim")]
        if not reads:
            continue
        px, py = places(x.text), places(y.text)
        if px and py and not (px & py):
            continue  # the same kind of event in two places
        best = None
        for mx in ments[x.claim.id]:
            for my in ments[y.claim.id]:
                if mx.kind != my.kind:
                    continue  # who won vs who did it: different questions
                if mx.negated and my.negated:
                    continue
                if mx.negated != my.negated and agents_meet(mx.agent, my.agent):
                    best = best or (mx, my, "denied")
                elif not mx.negated and not my.negated and not mx.agent & my.agent:
                    best = best or (mx, my, "different")
        if best is None:
            continue
        mx, my, how = best
        agents = set(mx.agent) | set(my.agent)
        sims = [(sim, a, b) for sim, a, b in reads if _shared_topic_words(a, b, agents)]
        if not sims:
            continue
        sim, a, b = max(sims, key=lambda t: t[0])
        # the claim a back-reference points to, and the claim that holds the back-reference
        via = None if (a, b) == (x, y) else ((b, y) if a is x else (a, x))
        cands.append((sim, x, y, mx, my, how, via))
    out = []
    for sim, x, y, mx, my, how, via in _keep_closest(cands, setting("relations.slot_top")):
        ax, ay = x.text[mx.start:mx.end].strip(), y.text[my.start:my.end].strip()
        what = ("one names an agent the other says was not involved" if how == "denied"
                else "they name different agents for the same event")
        expl = (f"Who did it: {who(x)} says {_q(ax, 80)}, {who(y)} says {_q(ay, 80)}; {what}. "
                f"{_q(x.text)} vs {_q(y.text)}.")
        if via is not None:
            expl += (f" {who(via[1])} names the event only by a back-reference; its article reports just "
                     f"before: {_q(via[0].text, 100)}.")
        out.append(Finding("contradicts", "agent", x, y, round(min(1.0, 0.5 + sim / 2), 3), expl,
                           [_span(x, mx.start, mx.end), _span(y, my.start, my.end)]))
    return out


def contested_event(text: str) -> Optional[tuple[str, str]]:
    """(agent phrase, event phrase) of the claim's first asserted active agent mention: "US
    divers", "planted the explosives on the pipeline" (the event up to the next punctuation, at
    most ten words); None without one. Used to word the dispute question "Who ...?"."""
    ments = [m for m in agent_mentions(text) if m.start < m.pred]  # active: "rebels blew up the dam"
    m = next((m for m in ments if not m.negated), ments[0] if ments else None)
    if m is None:
        return None
    event = re.split(r"[,;:.!?()“”\"]", text[m.pred:], maxsplit=1)[0].split()[:10]
    words = text[m.start:m.pred].split()
    skip = set(slot_words()["agent"]["not_agent"])
    while words and words[-1].lower().strip(",“”\"") in skip:  # "rebels might have" -> "rebels"
        words.pop()
    while words and words[0].lower().strip(",“”\"") in skip:
        words.pop(0)
    return " ".join(words).strip(" ,“”\""), " ".join(event)


def identity_poles(text: str) -> dict[str, tuple[str, list[tuple[int, int, str, str]]]]:
    """Dimension -> (pole, hits) for the identity dimensions the claim takes one pole of; each hit
    is ``(start, end, word, next word)``. A pole word counts when it describes the thing (after
    a copula within four words, after a purpose marker "to" / "for", before a describing noun
    "nature", negated, or followed by a noun: the caller checks that noun). A negated word, or
    one set aside ("inconsistent with ... a weather balloon", ``identity.set_aside``), counts for
    the other pole."""
    ident = slot_words()["identity"]
    negs = ident.get("negation", [])
    cops = {c.lower() for c in ident.get("copulas", [])}
    purpose = {c.lower() for c in ident.get("purpose_markers", [])}
    describing = {c.lower() for c in ident.get("describing_nouns", [])}
    flat = text.replace("’", "'")
    out = {}
    for dim, spec in ident.items():
        if not isinstance(spec, dict):
            continue
        poles = [k for k in spec if k != "about"]
        got: dict[str, list] = {}
        for pole in poles:
            other = [p for p in poles if p != pole][0]
            for s, e, m in find_terms(flat, spec[pole]):
                prev = flat[:s].split()[-4:]
                neg = bool(find_terms(" ".join(prev[-2:]), negs)) or _set_aside(flat[:s], ident.get("set_aside", []))
                nxt = (flat[e:].split() or [""])[0].strip(".,;:\"“”'()").lower()
                gap = prev[max([i for i, w in enumerate(prev) if w.lower() in cops] or [-1]):]
                described = bool(gap) and gap[0].lower() in cops and not any(
                    w.lower() in ("and", "or", "but") or w[-1:] in ",;." for w in gap)
                # what it is for ("to surveil", "for espionage"), or its "civilian nature"
                described = described or bool(prev) and prev[-1].lower() in purpose or nxt in describing
                if not (neg or described):
                    if not nxt.isalpha():
                        continue
                    nxt = "?" + nxt  # a label before a noun: counts only when the other claim has this noun
                got.setdefault(other if neg else pole, []).append((s, e, text[s:e], nxt))
        if len(got) == 1:
            pole, hits = next(iter(got.items()))
            out[dim] = (pole, hits)
    return out


def _set_aside(before: str, cues: list) -> bool:
    """A set-aside cue ("inconsistent with", "rather than") stands among the last eight words of
    ``before`` with no punctuation after it: the description that follows is denied."""
    tail = re.sub(r"[“”\"]", "", " ".join(before.split()[-8:]))  # a quoted cue: “inconsistent” with
    hits = find_terms(tail, cues)
    return any(not re.search(r"[,;:.!?()]", tail[e:]) for _s, e, _ in hits)


def _descriptive(hits: list, other: ClaimView) -> list:
    """The hits that describe the thing; a hit only followed by a noun counts when the other
    claim uses that noun too."""
    words = {stem(w) for w in content_words(other.text)}
    return [h for h in hits if not h[3].startswith("?") or stem(h[3][1:]) in words]


def _asserted(hits: list) -> bool:
    """Some hit states what the thing is (after a copula, or negated), not only a label before a noun."""
    return any(not h[3].startswith("?") for h in hits)


def identity_findings(views: list[ClaimView]) -> list[Finding]:
    """Opposite identity poles for the same thing (see the module docstring)."""
    ident = slot_words()["identity"]
    poles = {v.claim.id: identity_poles(v.text) for v in views}
    pole_stems = {stem(w) for spec in ident.values() if isinstance(spec, dict)
                  for k, ws in spec.items() if k != "about" for t in ws for w in t.split()}
    cands = []
    # what a thing is, as a source states it: attributed claims only (a label in an outlet's own
    # narration is framing, see the framing stage)
    for x, y in view_pairs([v for v in views if poles[v.claim.id] and v.speaker]):
        if not _two_sources(x, y):
            continue
        px, py = poles[x.claim.id], poles[y.claim.id]
        dims = [d for d in px if d in py and px[d][0] != py[d][0]]
        dims = [d for d in dims if _descriptive(px[d][1], y) and _descriptive(py[d][1], x)
                and (_asserted(px[d][1]) or _asserted(py[d][1]))]
        if not dims:
            continue
        sim = topic_similarity(x, y)
        if sim < setting("relations.slot_identity_min_sim") or not _shared_topic_words(x, y, pole_stems):
            continue
        cands.append((sim, x, y, dims[0]))
    out = []
    for sim, x, y, dim in _keep_closest(cands, setting("relations.slot_top")):
        hx, hy = _descriptive(poles[x.claim.id][dim][1], y), _descriptive(poles[y.claim.id][dim][1], x)
        about = ident[dim].get("about", dim)
        expl = (f"What it is ({about}): {who(x)} says {poles[x.claim.id][dim][0]} ({', '.join(h[2] for h in hx)}), "
                f"{who(y)} says {poles[y.claim.id][dim][0]} ({', '.join(h[2] for h in hy)}): {_q(x.text)} vs {_q(y.text)}.")
        out.append(Finding("contradicts", "identity", x, y, round(min(1.0, 0.5 + sim / 2), 3), expl,
                           [_span(x, h[0], h[1]) for h in hx] + [_span(y, h[0], h[1]) for h in hy]))
    return out
