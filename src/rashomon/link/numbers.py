"""Numeric cross-checks: the same amount as told by different articles, compared.

In: ``state.dossier.quantities`` (with ``about_keys`` from the quantities stage), the articles'
``text`` (only to see whether a part and its share are tied in one sentence: "1,100 km2, or 86%
of the area"), and claims/clusters when present. Out: ``state.dossier.checks``, one ``Check``
per compared pair, ``consistent`` or ``inconsistent``, with the arithmetic in ``explanation``.

How:

1. every quantity becomes an interval in its dimension's base unit (m2, m, s, ...) or in its
   count: a point widened by the tolerance for exact or approximate figures, a range, or an open
   bound ("more than", "up to"); tolerances live in ``data/en/numeric_checks.yaml``;
2. a part tied to its share in one sentence gives a derived whole (part / share);
3. quantities are bucketed by dimension (or counted-noun group) and by what is counted (noun
   lemma, after the synonym groups of the data file), so only a few pairs are ever compared;
4. a pair from two different articles is checked when what it counts matches: ``consistent``
   when the intervals overlap and both say something definite (points, ranges, derived wholes);
   ``inconsistent`` only when the intervals are apart AND noun, verb and a modifier or subject
   match (or both sit in one claim cluster), so unrelated counts are never set against each other;
   and never between a part and a total ("Fifteen of the 19 hijackers" / "19 hijackers"), between
   parts of different totals, between quantities told with different time expressions (different
   moments), or between quantities whose subjects differ ("Romney ... 21%" / "Trump ... 17%").
   Shares (percentages) are only compared through the whole they imply, never as inconsistent.
"""
from __future__ import annotations

import math
import re
from collections import defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Optional

from ..data import load_yaml
from ..lexicon.units import dimension_of, share as share_of, tables, to_base, unit_info
from ..models import Check, Quantity, QuantityRef

_WORDS = load_yaml("numeric_words.yaml", "en")  # word lists and patterns of this module (data/en/numeric_words.yaml)

__all__ = ["cross_check", "compare_quantities"]

_TIE = re.compile(_WORDS["tie"], re.IGNORECASE)


@dataclass
class Item:
    """One side of a comparison: a quantity (or a whole derived from a part and its share)."""

    refs: list[Quantity]
    article: str
    cls: str                      # dimension ("area") or "count:<noun group>"
    lo: float                     # the interval it allows, in base units
    hi: float
    shape: str                    # point | range | lower | upper | derived
    center: Optional[float]       # the stated value in base units (None for open bounds)
    nouns: set = field(default_factory=set)
    verbs: set = field(default_factory=set)
    mods: set = field(default_factory=set)     # modifiers of the counted noun ("North Korean")
    subj: set = field(default_factory=set)     # the verb's subject ("Ukraine" controlled ...)
    preps: set = field(default_factory=set)    # objects of the verb's prepositions ("in the collapse")
    about: Optional[str] = None
    label: str = ""               # how the amount reads in an explanation
    cluster: Optional[str] = None
    approx: bool = False
    total: Optional[float] = None  # a part of a total ("Fifteen of the 19 hijackers": 19); None for a total
    times: frozenset = frozenset()  # values of the time expressions in the quantity's claim or sentence


@lru_cache(maxsize=1)
def _cfg() -> dict:
    cfg = load_yaml("numeric_checks.yaml", "en")
    noun_map, verb_map = {}, {}
    for grp in cfg.get("noun_groups", []):
        for w in grp:
            noun_map.setdefault(str(w).lower(), str(grp[0]).lower())
    for grp in cfg.get("verb_groups", []):
        for w in grp:
            verb_map.setdefault(str(w).lower(), str(grp[0]).lower())
    return {"tol": cfg.get("tolerance", {}), "noun": noun_map, "verb": verb_map,
            "ignore": {str(w).lower() for w in cfg.get("ignore", [])}}


def _fmt(v: float) -> str:
    if v is None or math.isinf(v):
        return "∞"
    a = abs(v)
    if a >= 100:
        return f"{v:,.0f}"
    if a >= 1:
        return f"{v:,.2f}".rstrip("0").rstrip(".")
    return f"{v:.3g}"


def _display_unit(cls: str, refs: list[Quantity]) -> tuple[str, float, float]:
    """The unit an explanation shows a class in: (unit, factor, offset) from base."""
    for q in refs:
        info = unit_info(q.unit)
        if info and info.get("si") and unit_info(info["si"]):
            t = unit_info(info["si"])
            return info["si"], float(t["factor"]), float(t.get("offset", 0.0))
        if info:
            return q.unit, float(info["factor"]), float(info.get("offset", 0.0))
    unit = refs[0].unit if refs else ""
    return unit or "", 1.0, 0.0


def _keys(q: Quantity) -> tuple[set, set, set, set, set]:
    """(nouns, verbs, modifiers, subjects, prepositional objects) from ``q.about_keys``, after the
    synonym groups."""
    cfg = _cfg()
    nouns, verbs, mods, subj, preps = set(), set(), set(), set(), set()
    for k in q.about_keys:
        role, _, lem = k.partition(":")
        lem = lem.lower()
        if lem in cfg["ignore"]:
            continue
        if role == "n":
            nouns.add(cfg["noun"].get(lem, lem))
        elif role == "v":
            verbs.add(cfg["verb"].get(lem, lem))
        elif role == "m":
            mods.add(cfg["noun"].get(lem, lem))
        elif role == "p":
            preps.add(cfg["noun"].get(lem, lem))
        elif role in ("r", "t"):
            continue  # part/total tags: read by _total
        else:
            subj.add(cfg["noun"].get(lem, lem))
    return nouns, verbs, mods, subj, preps


def _total(q: Quantity) -> Optional[float]:
    """The total a part belongs to ("Fifteen of the 19 hijackers" -> 19.0, from the ``r:part`` and
    ``t:<total>`` keys of the quantities stage); None when ``q`` is not a part."""
    if "r:part" not in q.about_keys:
        return None
    for k in q.about_keys:
        if k.startswith("t:"):
            try:
                return float(k[2:])
            except ValueError:
                return None
    return math.nan


def _time_context(q: Quantity, claims: dict, times_by_art: dict, texts: dict) -> frozenset:
    """Values (or texts) of the time expressions said together with ``q``: those of its claim,
    else those in its sentence (text between the sentence stops around it)."""
    cl = claims.get(q.claim) if q.claim else None
    tms = times_by_art.get(q.article, [])
    if cl is not None and cl.sentence_start is not None and cl.sentence_end is not None:
        lo, hi = cl.sentence_start, cl.sentence_end
    elif cl is not None:
        lo, hi = cl.start, cl.end
    else:
        text = texts.get(q.article, "")
        cut = [m.end() for m in re.finditer(r"[.!?](?:\s|$)|\n", text[:q.start])]
        lo = cut[-1] if cut else 0
        m = re.search(r"[.!?](?:\s|$)|\n", text[q.end:])
        hi = q.end + m.start() if m else len(text)
    out = set()
    for t in tms:
        if t.start >= lo and t.end <= hi and not (t.start < q.end and t.end > q.start):
            out.add(t.value or t.text.lower())
    return frozenset(out)


def _base_values(q: Quantity) -> tuple[Optional[float], Optional[float], Optional[float]]:
    """(value, low, high) of ``q`` in base units (counts as they are, shares as a fraction of one:
    54 "%" -> 0.54)."""
    def conv(v):
        if v is None:
            return None
        if unit_info(q.unit) and dimension_of(q.unit) != "ratio":
            return to_base(v, q.unit)
        return v
    return conv(q.value), conv(q.low), conv(q.high)


def _cls(q: Quantity) -> Optional[str]:
    dim = dimension_of(q.unit)
    if dim in ("ratio",):
        return None
    if dim:
        return dim
    if not q.unit:
        return None
    T = tables()
    lem = q.unit.lower()
    for cand in (lem, lem[:-1] if lem.endswith("s") else lem, lem[:-2] if lem.endswith("es") else lem):
        if cand in T.count_group:
            return "count:" + T.count_group[cand]
    if lem in T.count_group.values():
        return "count:" + lem
    return "count:" + (lem[:-1] if lem.endswith("s") and not lem.endswith("ss") else lem)


def _interval(v, lo, hi, bound, approx, tol) -> tuple[float, float, str, Optional[float]]:
    t = tol.get("approx", 0.12) if approx else tol.get("exact", 0.02)
    if v is not None:
        if bound == "lower":
            return v * (1 - t), math.inf, "lower", None
        if bound == "upper":
            return -math.inf if v < 0 else 0.0, v * (1 + t), "upper", None
        return v * (1 - t), v * (1 + t), "point", v
    s = tol.get("range_slack", 0.02) + (t if approx else 0.0)
    return lo * (1 - s), hi * (1 + s), "range", (lo + hi) / 2


def _label(q: Quantity, disp: tuple[str, float, float]) -> str:
    unit, f, off = disp
    text = f"'{q.text}'"
    info = unit_info(q.unit)
    if info and dimension_of(q.unit) not in ("fraction", "ratio") and q.unit != unit:
        v, lo, hi = _base_values(q)
        if v is not None:
            text += f" ({_fmt((v - off) / f)} {unit})"
        elif lo is not None:
            text += f" ({_fmt((lo - off) / f)}-{_fmt((hi - off) / f)} {unit})"
    return text


def _item(q: Quantity, tol: dict, cluster: Optional[str]) -> Optional[Item]:
    cls = _cls(q)
    if cls is None or cls == "fraction" or cls == "time":
        return None  # shares are compared through the whole they imply; durations too loosely tied
    v, lo, hi = _base_values(q)
    if v is None and (lo is None or hi is None):
        return None
    a, b, shape, center = _interval(v, lo, hi, q.bound, q.approx, tol)
    nouns, verbs, mods, subj, preps = _keys(q)
    if cls.startswith("count:"):
        nouns.add(cls[6:])
    return Item(refs=[q], article=q.article, cls=cls, lo=a, hi=b, shape=shape, center=center, nouns=nouns,
                verbs=verbs, mods=mods, subj=subj, preps=preps, about=q.about, cluster=cluster, approx=q.approx,
                total=_total(q))


def _derived(part: Quantity, share: Quantity, tol: dict) -> Optional[Item]:
    """The whole implied by a part and its share: 1,100 km2 at 86% -> ~1,279 km2."""
    cls = _cls(part)
    f = share_of(share.value, share.unit)  # 86 "%" -> 0.86
    if cls is None or cls in ("fraction", "time") or f is None or not (0 < f < 1):
        return None
    v, _, _ = _base_values(part)
    if v is None:
        return None
    whole = v / f
    t = tol.get("derived", 0.05) + (tol.get("approx", 0.12) if (part.approx or share.approx) else tol.get("exact", 0.02))
    nouns, verbs, mods, subj, preps = _keys(share)
    if cls.startswith("count:"):
        nouns.add(cls[6:])
    disp = _display_unit(cls, [part])
    unit, f, off = disp
    label = (f"'{part.text}' at '{share.text}' implies ~{_fmt((whole - off) / f)} {unit}")
    return Item(refs=[part, share], article=part.article, cls=cls, lo=whole * (1 - t), hi=whole * (1 + t),
                shape="derived", center=whole, nouns=nouns, verbs=verbs, mods=mods, subj=subj, preps=preps,
                about=share.about or part.about, label=label, approx=True)


def _ties(quantities: list[Quantity], texts: dict[str, str]) -> list[tuple[Quantity, Quantity]]:
    """(part, share) pairs written next to each other: 'X, or P% of the Y' / 'P% of the Y, or X'."""
    out = []
    by_art = defaultdict(list)
    for q in quantities:
        by_art[q.article].append(q)
    for art, qs in by_art.items():
        text = texts.get(art, "")
        qs = sorted(qs, key=lambda q: q.start)
        for a, b in zip(qs, qs[1:]):
            gap = text[a.end:b.start] if text else ""
            if len(gap) > 40 or not _TIE.match(gap):
                continue
            sa, sb = dimension_of(a.unit) == "fraction", dimension_of(b.unit) == "fraction"
            if sb and not sa:
                out.append((a, b))
            elif sa and not sb:
                # "86% of the area, or 1,100 km2": the share's 'of' phrase sits in the gap
                out.append((b, a))
    return out


def _related(a: Item, b: Item, strict: bool) -> bool:
    """Do ``a`` and ``b`` count the same thing? Never when both name the noun with different
    modifiers ('correctional officers' / 'transport officers'). Loose (for 'consistent'): the
    counted noun matches (one side's noun may be the other's subject: '40% of the district' vs
    'the district covers 580 sq mi') plus a verb, modifier or subject, or the very same figure.
    Strict (for 'inconsistent'): noun and verb match, and subjects or modifiers match or are
    absent on one side."""
    if a.mods and b.mods and not (a.mods & b.mods):
        return False
    if strict:
        # a part and a total ("Fifteen of the 19 hijackers" / "19 hijackers") are different
        # things; two parts only compare when they are parts of the same total
        if (a.total is None) != (b.total is None):
            return False
        if a.total is not None and not (a.total == b.total):
            return False
        # different moments ("in five days" / "since the start", two different dates)
        if a.times != b.times and not (a.times & b.times):
            return False
        # different subjects ("Romney ... 21%" / "Trump ... 17%", "the northern union" / "the
        # southern union"): the lemmas of one must all be among the other's ("Romney" / "Mitt Romney")
        if a.subj and b.subj and not (a.subj <= b.subj or b.subj <= a.subj):
            return False
    if a.cluster and a.cluster == b.cluster and (a.nouns & b.nouns):
        return True
    if strict:
        if not (a.nouns & b.nouns) or not (a.verbs & b.verbs):
            return False
        return bool((a.mods | a.subj | a.preps) & (b.mods | b.subj | b.preps))
    if not (a.nouns & (b.nouns | b.subj)) and not (b.nouns & (a.nouns | a.subj)):
        return False
    if a.shape == "derived" or b.shape == "derived":
        return True
    if (a.verbs & b.verbs) or (a.mods & b.mods) or (a.subj & b.subj) or (a.preps & b.preps):
        return True
    # the very same figure told twice about the same noun
    return a.center is not None and b.center is not None and abs(a.center - b.center) <= 0.005 * max(abs(a.center), abs(b.center))


def compare_quantities(a: Item, b: Item) -> Optional[tuple[str, str]]:
    """(type, explanation) when ``a`` and ``b`` can be checked against each other, else None."""
    if a.article == b.article or a.cls != b.cls:
        return None
    overlap = max(a.lo, b.lo) <= min(a.hi, b.hi)
    disp = _display_unit(a.cls, a.refs + b.refs)
    unit, f, off = disp
    la = a.label or _label(a.refs[0], disp)
    lb = b.label or _label(b.refs[0], disp)

    def show(x):
        return f"{_fmt((x - off) / f)} {unit}".strip()

    if overlap:
        if "lower" in (a.shape, b.shape) or "upper" in (a.shape, b.shape):
            return None  # an open bound agreeing says little
        if not _related(a, b, strict=False):
            return None
        if a.shape == "range" or b.shape == "range":
            r, p = (a, b) if a.shape == "range" else (b, a)
            lr = r.label or _label(r.refs[0], disp)
            lp = p.label or _label(p.refs[0], disp)
            if p.shape == "range":
                return "consistent", f"{lp} and {lr} overlap"
            return "consistent", f"{lp} lies inside {lr}"
        diff = abs(a.center - b.center) / max(abs(a.center), abs(b.center)) * 100 if a.center and b.center else 0.0
        allowed = "approximate" if (a.approx or b.approx) else "exact"
        if a.shape == "derived" or b.shape == "derived":
            dv, ot = (a, b) if a.shape == "derived" else (b, a)
            return "consistent", f"{dv.label}, within {diff:.1f}% of {ot.label or _label(ot.refs[0], disp)}"
        if diff < 0.05:
            return "consistent", f"{la} and {lb} give the same figure ({show(a.center)})"
        return "consistent", (f"{la} and {lb}: {show(a.center)} vs {show(b.center)}, within {diff:.1f}% "
                              f"(tolerance for {allowed} figures)")
    if a.shape == "derived" or b.shape == "derived" or not _related(a, b, strict=True):
        return None
    # apart: say which way
    if a.shape == "lower" or b.shape == "lower":
        lo_i, other = (a, b) if a.shape == "lower" else (b, a)
        lab_lo = lo_i.label or _label(lo_i.refs[0], disp)
        lab_o = other.label or _label(other.refs[0], disp)
        return "inconsistent", f"{lab_o} is below the lower bound set by {lab_lo}"
    if a.shape == "upper" or b.shape == "upper":
        up, other = (a, b) if a.shape == "upper" else (b, a)
        return "inconsistent", f"{other.label or _label(other.refs[0], disp)} is above the upper bound set by {up.label or _label(up.refs[0], disp)}"
    ca, cb = a.center, b.center
    ratio = max(abs(ca), abs(cb)) / max(min(abs(ca), abs(cb)), 1e-12)
    return "inconsistent", (f"{la} and {lb} disagree: {show(ca)} vs {show(cb)} "
                            f"({(ratio - 1) * 100:.0f}% apart, beyond the tolerance)")


def _ref(q: Quantity) -> QuantityRef:
    return QuantityRef(id=q.id, article=q.article, text=q.text, start=q.start, end=q.end)


def cross_check(state) -> None:
    """Fill ``state.dossier.checks`` (see the module docstring)."""
    d = state.dossier
    cfg = _cfg()
    tol = cfg["tol"]
    claim_cluster = {c.id: c.cluster for c in d.claims if c.cluster}
    texts = {a.id: a.text for a in d.articles}
    claims = {c.id: c for c in d.claims}
    times_by_art: dict = defaultdict(list)
    for t in d.times:
        times_by_art[t.article].append(t)
    items: list[Item] = []
    for q in d.quantities:
        it = _item(q, tol, claim_cluster.get(q.claim) if q.claim else None)
        if it is not None:
            it.times = _time_context(q, claims, times_by_art, texts)
            items.append(it)
    for part, share in _ties(d.quantities, texts):
        it = _derived(part, share, tol)
        if it is not None:
            items.append(it)
    # bucket by class and counted noun so only plausible pairs are compared
    buckets: dict[tuple[str, str], list[Item]] = defaultdict(list)
    for it in items:
        for n in (it.nouns | it.subj) or {"?"}:
            buckets[(it.cls, n)].append(it)
    seen: set[tuple[int, int]] = set()
    agree: list[tuple[Item, Item, str]] = []
    derived: dict[int, list[tuple[Item, Item, str]]] = defaultdict(list)
    checks: list[Check] = []
    done_inconsistent: dict = {}
    event_of = {a.id: a.event for a in d.articles if a.event}
    for (_cls_, noun), its in buckets.items():
        if noun == "?":
            continue
        for a, b in _same_event_pairs(its, event_of):
            key = (min(id(a), id(b)), max(id(a), id(b)))
            if key in seen or a.article == b.article:
                continue
            ea, eb = event_of.get(a.article), event_of.get(b.article)
            if ea and eb and ea != eb and a.shape != "derived" and b.shape != "derived":
                continue  # articles about different events count different things; a whole
                # derived from a part and its share ("1,100 km2, or 86% of the area") is still
                # set against the other events' figures, and only ever as consistent
            seen.add(key)
            res = compare_quantities(a, b)
            if res is None:
                continue
            typ, expl = res
            if typ == "consistent" and (a.shape == "derived" or b.shape == "derived"):
                dv, ot = (a, b) if a.shape == "derived" else (b, a)
                derived[id(dv)].append((dv, ot, expl))
            elif typ == "consistent":
                agree.append((a, b, expl))
            else:
                # one check per pair of wordings; more articles with the same wording join it
                sig = frozenset(q.text.lower() for q in a.refs + b.refs)
                if sig in done_inconsistent:
                    chk = done_inconsistent[sig]
                    have = {(r.article, r.id) for r in chk.quantities}
                    chk.quantities += [_ref(q) for q in a.refs + b.refs if (q.article, q.id) not in have]
                    continue
                chk = Check(type=typ, quantities=[_ref(q) for q in a.refs + b.refs], explanation=expl,
                            about=_about_of(a, b))
                done_inconsistent[sig] = chk
                checks.append(chk)
    checks = _agreement_checks(agree) + _derived_checks(derived) + checks
    d.checks = checks


def _same_event_pairs(its: list[Item], event_of: dict[str, str]):
    """The pairs ``(its[i], its[j])``, i < j, in that order, that the cross-check may compare:
    both items of one event, or one of them without an event or derived; pairs of two plain
    figures of different events are never listed (a bucket then costs the sum of its events'
    squares, not the square of the corpus)."""
    ev = [event_of.get(it.article) for it in its]
    free = [i for i, it in enumerate(its) if ev[i] is None or it.shape == "derived"]
    is_free = set(free)
    by_event: dict[str, list[int]] = defaultdict(list)
    for i, e in enumerate(ev):
        if i not in is_free:
            by_event[e].append(i)
    for i in range(len(its)):
        if i in is_free:
            later = range(i + 1, len(its))
        else:
            later = sorted({j for j in by_event[ev[i]] if j > i} | {j for j in free if j > i})
        for j in later:
            yield its[i], its[j]


def _about_of(*items: Item) -> Optional[str]:
    plain = [x.about for x in items if x.shape != "derived" and x.about]
    if plain:
        return max(plain, key=len)
    return next((x.about for x in items if x.about), None)


def _refs(items) -> list[QuantityRef]:
    out, seen = [], set()
    for it in items:
        for q in it.refs:
            if (q.article, q.id) not in seen:
                seen.add((q.article, q.id))
                out.append(_ref(q))
    return out


def _agreement_checks(agree: list[tuple[Item, Item, str]]) -> list[Check]:
    """One check per group of figures that agree with each other: pairs are merged (closest
    first) while all the group's intervals still share a common stretch."""
    group: dict[int, list[Item]] = {}
    span: dict[int, tuple[float, float]] = {}
    first_expl: dict[int, str] = {}

    where: dict[int, int] = {}  # id(item) -> its group (a lookup, not a scan of every group)

    def gid(it: Item) -> int:
        k = where.get(id(it))
        if k is not None:
            return k
        where[id(it)] = id(it)
        group[id(it)] = [it]
        span[id(it)] = (it.lo, it.hi)
        return id(it)

    def closeness(t):
        a, b, _ = t
        if a.center and b.center:
            return abs(a.center - b.center) / max(abs(a.center), abs(b.center))
        return 1.0

    for a, b, expl in sorted(agree, key=closeness):
        ga, gb = gid(a), gid(b)
        if ga == gb:
            continue
        lo, hi = max(span[ga][0], span[gb][0]), min(span[ga][1], span[gb][1])
        if lo > hi:
            continue
        if any(x.mods and y.mods and not (x.mods & y.mods) for x in group[ga] for y in group[gb]):
            continue  # 'correctional officers' and 'transport officers' stay apart
        for m in group[gb]:
            where[id(m)] = ga
        group[ga] += group.pop(gb)
        span[ga] = (lo, hi)
        span.pop(gb, None)
        first_expl.setdefault(ga, first_expl.pop(gb, expl))
    out = []
    for k, members in group.items():
        if len({m.article for m in members}) < 2:
            continue
        if len(members) == 2:
            expl = first_expl[k]
        else:
            disp = _display_unit(members[0].cls, [q for m in members for q in m.refs])
            unit, f, off = disp
            labels = [m.label or _label(m.refs[0], disp) for m in members]
            centers = {round(m.center, 9) for m in members if m.center is not None}
            arts = len({m.article for m in members})
            shown = ", ".join(labels[:6]) + (f" and {len(labels) - 6} more" if len(labels) > 6 else "")
            if len(centers) == 1 and all(m.shape == "point" for m in members):
                expl = f"{len(members)} figures in {arts} articles give the same amount ({_fmt((next(iter(centers)) - off) / f)} {unit}): {shown}"
            else:
                lo, hi = span[k]
                expl = (f"{len(members)} figures in {arts} articles agree, all compatible with "
                        f"{_fmt((lo - off) / f)}-{_fmt((hi - off) / f)} {unit}: {shown}")
        out.append(Check(type="consistent", quantities=_refs(members), explanation=expl, about=_about_of(*members)))
    return out


def _derived_checks(derived: dict[int, list[tuple[Item, Item, str]]]) -> list[Check]:
    """One check per derived whole, with every figure from other articles it agrees with."""
    out = []
    for pairs in derived.values():
        dv = pairs[0][0]
        pairs = sorted(pairs, key=lambda t: abs(t[1].center - dv.center) if t[1].center is not None else math.inf)
        expl = pairs[0][2]
        if len(pairs) > 1:
            disp = _display_unit(dv.cls, dv.refs)
            more = [p[1].label or _label(p[1].refs[0], disp) for p in pairs[1:]]
            expl += f"; also agrees with {', '.join(more[:5])}" + (f" and {len(more) - 5} more" if len(more) > 5 else "")
        out.append(Check(type="consistent", quantities=_refs([dv] + [p[1] for p in pairs]), explanation=expl,
                         about=_about_of(*[p[1] for p in pairs])))
    return out
