"""Corpus stage ``find_relations``: contradicts / supports / updates between claim clusters,
each explained and backed by the text on both sides.

In: ``state.dossier`` with claims (clustered), clusters, actors with sides, times, quantities,
checks; ``state.claim_embeddings`` (the shared cache of ``rashomon.link.similarity``; filled
when absent). Out: ``state.dossier.relations`` = ``Relation`` records ``r1, r2, ...`` whose ``a``
and ``b`` are cluster ids.

Signals (each in its own module; each finding is a claim pair, lifted to its clusters):

- ``denial`` (relations.rules): a denied claim or a rebuttal ("dismisses the claims of...", "This is not
  true") contradicts the claim whose proposition it negates;
- ``incompatible_state`` (relations.rules): opposite poles of one state dimension from
  ``data/en/polarity.yaml`` (expelled vs still holding positions; failed vs achieved) on the same
  topic, from opposed sides, or from one side on different dates;
- ``numeric`` / ``date`` (relations.rules): numbers or dates that cannot both be true, and
  ``inconsistent`` numeric checks already in ``dossier.checks``;
- ``agent`` / ``identity`` (relations.slots): different or denied agents for the same event
  ("A blew up the pipeline" vs "B was behind the blast"); opposite descriptions of the same
  thing (a weather balloon vs a surveillance balloon; an accident vs done on purpose);
- ``numeric`` (relations.shares): shares of one named holder that cannot both hold ("X won 54%"
  vs "..., while X - 41%"), the holder giving the scope;
- ``count`` (relations.tolls): counts of the dead, missing, injured or displaced that cannot both
  hold (a later higher count is an ``updates``);
- ``classifier`` (relations.classifier): the shipped classifier for what the rules miss (high threshold).

Design for revisions: when the same side (or speaker) later says the opposite of its own earlier
claim, the stage emits BOTH a ``contradicts`` relation (the two statements cannot both be true;
signal ``incompatible_state``, the explanation says it is a revision) AND an ``updates`` relation
for the same pair (signal ``same_speaker_revision``, ``a`` = earlier, ``b`` = later). A later
different figure from the same source (a rising toll) is only an ``updates``.
"""
from __future__ import annotations

from ...models import Relation
from .context import claim_views
from .rules import Finding, check_findings, date_findings, denial_findings, numeric_findings, state_findings
from .shares import share_findings
from .slots import agent_findings, identity_findings
from .tolls import count_findings

SIGNAL_ORDER = ("denial", "agent", "identity", "incompatible_state", "numeric", "count", "date", "same_speaker_revision", "classifier")


def _to_relation(i: int, f: Finding) -> Relation:
    evidence = [f.x.span, f.y.span] + [s for s in f.extra if s not in (f.x.span, f.y.span)]
    return Relation(id=f"r{i}", type=f.type, a=f.x.cluster, b=f.y.cluster, explanation=f.explanation,
                    signal=f.signal, score=f.score, evidence=evidence)


def aggregate(findings: list[Finding]) -> list[Finding]:
    """One finding per (type, cluster pair): the highest-scoring; for ``updates`` the direction
    (earlier -> later) is kept as found."""
    best: dict[tuple, Finding] = {}
    for f in findings:
        if f.x.cluster == f.y.cluster:
            continue
        key = (f.type, frozenset((f.x.cluster, f.y.cluster)))
        cur = best.get(key)
        if cur is None or f.score > cur.score:
            best[key] = f
    return sorted(best.values(), key=lambda f: (SIGNAL_ORDER.index(f.signal) if f.signal in SIGNAL_ORDER else 99, -f.score))


def find_relations(state, use_classifier: bool = True) -> None:
    """Fill ``state.dossier.relations`` (see the module docstring)."""
    d = state.dossier
    views = claim_views(state)
    if len(views) < 2:
        d.relations = []
        return
    times = {t.id: t for t in d.times}
    findings = (denial_findings(views) + state_findings(views) + numeric_findings(views)
                + check_findings(views, d.checks) + date_findings(views, times)
                + agent_findings(views) + identity_findings(views) + count_findings(views) + share_findings(views))
    if use_classifier:
        from .classifier import classifier_findings

        taken = {frozenset((f.x.cluster, f.y.cluster)) for f in findings}
        findings += classifier_findings(views, taken)
    # a contradiction whose two claims in fact agree (a demand and its refusal, overlapping
    # figures, a conceded state...) is no contradiction: left out here, before anything reads it;
    # the next-best finding of the same cluster pair (another signal) is then judged in its place
    from ..disputes import agreeing_contradictions

    for _ in range(3):
        chosen = aggregate(findings)
        found = [_to_relation(i, f) for i, f in enumerate(chosen, start=1)]
        agreeing = agreeing_contradictions(state, found)
        if not agreeing:
            break
        dropped = {id(f) for f, r in zip(chosen, found) if r.id in agreeing}
        findings = [f for f in findings if id(f) not in dropped]
    found = [r for r in found if r.id not in agreeing]
    d.relations = [r.model_copy(update={"id": f"r{i}"}) for i, r in enumerate(found, start=1)]
