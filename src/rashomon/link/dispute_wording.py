"""Wording of disputes (``rashomon.link.disputes``): the question a dispute asks, made from its
contested propositions with the templates of ``data/disputes.yaml``, and the short label of each
position.

In: a dispute group (``key`` = (kind, detail), ``positions`` = stance -> claim views, ``edges``)
and the clusters to take representative claims from. Out: strings. ``set_mid_caps(texts)``
must be called first with the articles' texts, so that names keep their capital letter.
"""
from __future__ import annotations

import re
from collections import Counter
from typing import Optional

from ..data import load_yaml
from ..lexicon.units import dimension_of
from .relations.context import ClaimView
from .relations.lexicon import lexicon, pole_names
from .relations.slots import contested_event, slot_words


def _cfg() -> dict:
    return load_yaml("disputes.yaml", "en")


def clean_prop(text: str, v: Optional[ClaimView] = None) -> str:
    """A proposition fit to stand in a question: quotes dropped, a trailing participle or
    relative phrase cut, at most ``prop_max_words`` words (then "…", without a dangling
    function word), the first letter in lower case unless the first word is a name."""
    cfg = _cfg()
    t = re.sub(r"[“”\"]", "", " ".join(text.split())).strip(" .,;:")
    for c in sorted(cfg.get("leading_connectives", []), key=len, reverse=True):
        m = re.match(re.escape(c) + r"\s*,?\s+", t, re.I)
        if m and len(t) > m.end():
            t = t[m.end():]
            break
    words = t.split()
    mx, mn = int(cfg.get("prop_max_words", 22)), int(cfg.get("prop_min_words", 5))
    trail = set(cfg.get("trailing_openers", []))
    for i, w in enumerate(words[:-1]):
        nxt = words[i + 1].lower()
        if i + 1 >= mn and (w.endswith(",") or w in ("—", "–", "-")) and (nxt.endswith("ing") or nxt in trail):
            words = words[:i + 1]
            break
    cut = len(words) > mx
    words = words[:mx]
    if cut:
        function = set(cfg.get("function_words", []))
        while len(words) > mn and words[-1].lower().strip(",;:") in function:
            words.pop()
    t = " ".join(words).strip(" .,;:—–-") + (" …" if cut else "")
    if t and t[0].isupper() and not (len(t) > 1 and t[1].isupper()) and not _is_name(t.split()[0], v):
        t = t[0].lower() + t[1:]
    return t


_MID_CAPS: set[str] = set()  # capitalised words seen inside sentences of the articles being grouped
_MID_CAP_RE = re.compile(r"[a-z,;:] ([A-Z][\w’'-]*)")


def set_mid_caps(texts) -> None:
    """Remember the words the articles capitalise inside a sentence (names, demonyms)."""
    _MID_CAPS.clear()
    for t in texts:
        _MID_CAPS.update(m.group(1) for m in _MID_CAP_RE.finditer(t))


def _is_name(word: str, v: Optional[ClaimView]) -> bool:
    """Whether a capitalised first word is a name: the articles (or the claim) capitalise it
    inside a sentence too."""
    w = word.strip(",;:’'")
    if w.lower() in set(_cfg().get("function_words", [])):
        return False
    if w in _MID_CAPS:
        return True
    if v is not None:
        return bool(re.search(r"[a-z,;:] " + re.escape(w) + r"\b", v.text))
    return w.lower() not in set(_cfg().get("function_words", []))


def is_clause(prop: str) -> bool:
    """The proposition has a finite verb (an auxiliary, a listed past form, an -ed or a n't
    word): it can follow "Is it true that"."""
    verbs = set(_cfg().get("finite_verbs", []))
    return any(w in verbs or (len(w) > 4 and w.endswith("ed")) or w.endswith(("n't", "n’t"))
               for w in re.findall(r"[a-z’']+", prop.lower()))


def _rep(vs: list[ClaimView], prefer: Optional[set] = None) -> ClaimView:
    """The representative claim: in the most related cluster, with the shortest proposition of
    at least five words."""
    first = set(_cfg().get("first_person", []))

    def key(v):
        n = len(v.prop.split())
        personal = any(w in first for w in re.findall(r"[a-z’']+", v.prop.lower()))
        return ((v.cluster not in prefer) if prefer else 0, n < 5, personal, n)
    return min(vs, key=key)


def _align(a: str, b: str) -> tuple[list[str], list[str], list[str], list[str]]:
    """(common prefix, a's middle, b's middle, common suffix) of two word sequences."""
    wa, wb = a.split(), b.split()
    i = 0
    while i < min(len(wa), len(wb)) and wa[i].lower() == wb[i].lower():
        i += 1
    j = 0
    while j < min(len(wa), len(wb)) - i and wa[-1 - j].lower() == wb[-1 - j].lower():
        j += 1
    return wa[:i], wa[i:len(wa) - j], wb[i:len(wb) - j], wa[len(wa) - j:] if j else []


def question_and_type(g, hub_clusters: set) -> tuple[str, str, Optional[str]]:
    """The dispute's question, its type and what it is about."""
    tpl = _cfg().get("questions", {})
    kind, dim = g.key
    order = list(g.positions)
    if kind == "number":
        qs = [e.qx for e in g.edges] + [e.qy for e in g.edges]
        about = Counter((q.about or q.unit or "").strip() for q in qs if (q.about or q.unit)).most_common(1)
        about = about[0][0] if about else "it"
        measure = any(q.si for q in qs)
        if not measure:  # "3,958 people died in the city" -> "How many people died in the city?"
            openers = set(_cfg().get("number_openers", []))
            for e in sorted(g.edges, key=lambda e: -(e.rel.score or 0)):
                for v, qv in ((e.x, e.qx), (e.y, e.qy)):
                    prop = clean_prop(v.prop, v)
                    i = prop.find(qv.text)
                    if i < 0 or prop[:i].strip().lower() not in openers:
                        continue
                    rest = prop[i + len(qv.text):].strip(" ,")
                    if qv.unit and not rest.lower().startswith(qv.unit.lower()):
                        rest = f"{qv.unit} {rest}"
                    if len(rest.split()) >= 2:
                        return tpl.get("number_rest", "How many {rest}?").format(rest=rest.rstrip(" .…")), "number", about
        # a share reads in the unit the text gives ("%"), not in its si form ("fraction")
        unit = next(((q.unit if dimension_of(q.unit) == "fraction" else q.si.unit) for q in qs if q.si), "")
        q = (tpl.get("number_measure") if measure else tpl.get("number_count", "How many {about}?")).format(about=about, unit=unit)
        return q, "number", about
    if kind == "date":
        rep = _rep([v for vs in g.positions.values() for v in vs], hub_clusters)
        prop = rep.prop
        for e in g.edges:  # the contested date itself leaves the question ("collapsed on June 6" -> "collapsed")
            for v, t in ((e.x, e.qx), (e.y, e.qy)):
                if v is rep and t is not None:
                    prop = re.sub(_cfg()["date_lead"] + re.escape(t.text), "", prop, count=1)
        return tpl.get("date", "When: {prop}?").format(prop=clean_prop(prop, rep)), "date", None
    if kind == "state":
        states = lexicon().get("states") or {}
        names = pole_names(dim)
        total = (lexicon().get("total_poles") or {}).get(dim)
        first = total if total in g.positions else next((n for n in names if n in g.positions), order[0])
        rep = _rep(g.positions[first], hub_clusters)
        return tpl.get("state", "Is it true that {prop}?").format(prop=clean_prop(rep.prop, rep)), "state", states.get(dim, {}).get("about", dim)
    if kind == "identity":  # the two poles of one identity dimension (slots.identity_findings)
        about = (slot_words()["identity"].get(dim) or {}).get("about", dim)
        a, b = (order + order)[:2]
        return tpl.get("identity_poles", "Was it {a} or {b}?").format(a=a, b=b), "identity", about
    if kind == "agent":  # who did it (slots.agent_findings): "Who blew up the dam?"
        for s in order:
            got = contested_event(_rep(g.positions[s], hub_clusters).text)
            if got and len(got[1].split()) >= 2:
                agents = [ev[0] for ev in (contested_event(_rep(g.positions[t], hub_clusters).text) for t in order) if ev]
                return (tpl.get("responsibility", "Who {rest}?").format(rest=got[1].rstrip(" .")), "responsibility",
                        " or ".join(dict.fromkeys(a for a in agents if a)) or None)
    # responsibility / identity: the two positions' propositions differ only in the agent, or only in the description
    reps = [_rep(g.positions[s], hub_clusters) for s in order[:2]]
    pa, pb = clean_prop(reps[0].prop, reps[0]), clean_prop(reps[1].prop, reps[1])
    pre, ma, mb, suf = _align(pa, pb)
    if not pre and ma and mb and len(suf) >= 2 and len(ma) <= 5 and len(mb) <= 5:
        return tpl.get("responsibility", "Who {rest}?").format(rest=" ".join(suf).rstrip(".")), "responsibility", " or ".join([" ".join(ma), " ".join(mb)])
    cops = [c.split() for c in _cfg().get("copulas", [])]
    if pre and ma and mb and not suf:
        low = [w.lower() for w in pre]
        for c in sorted(cops, key=len, reverse=True):
            n = len(c)
            for k in range(len(low) - n, -1, -1):
                if low[k:k + n] == c and k >= 1:
                    subject = " ".join(pre[:k])
                    da = " ".join(pre[k + n:] + ma).strip(" .")
                    db = " ".join(pre[k + n:] + mb).strip(" .")
                    return (tpl.get("identity", "What {copula} {subject}: {a} or {b}?").format(copula=" ".join(c), subject=subject, a=da, b=db),
                            "identity", subject)
    first = "reported" if "reported" in g.positions else order[0]
    rep = _rep(g.positions[first], hub_clusters)
    typ = "denial" if kind == "denial" else "other"
    prop = clean_prop(rep.prop, rep)
    form = typ if is_clause(prop) else "phrase"
    return tpl.get(form, "Is it true that {prop}?").format(prop=prop), typ, None


def hubs(g, deg: Counter, size: Counter) -> set:
    """Per position, the cluster most repeated (then most related): where representative
    claims are taken from."""
    out = set()
    for vs in g.positions.values():
        cs = {v.cluster for v in vs}
        out.add(max(sorted(cs), key=lambda c: (size[c], deg[c])))
    return out


def position_label(kind: str, stance: str, vs: list[ClaimView], hub_clusters: set) -> str:
    rep = _rep(vs, hub_clusters)
    prop = clean_prop(rep.prop, rep)
    if kind in ("state", "identity"):
        return f"{stance.replace('_', ' ')}: {prop}"
    if kind in ("number", "date") or stance == "denied":
        return f"{stance}: {prop}"
    return prop
