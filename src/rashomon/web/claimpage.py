"""What the claim page shows, from the store's ``ClusterView``: ``claim_context(store, view) -> dict``
with ``title``, ``cluster`` (the ``Cluster`` record), ``event`` (its stable id), ``history`` (the
view's entries, in date order), and ``articles``: one entry per article that carries a claim of
the cluster, ``{"id", "label", "outlet", "published", "segments", "claims"}``, where ``segments``
is the article's whole text cut by ``highlight.segments`` so each evidence span is one marked
piece (id ``ev-<claim id>``); ``marked``: the claim ids that have such a piece (a history step
links to its marked span, else to its article)."""
from __future__ import annotations

from .highlight import segments


def claim_context(store, view) -> dict:
    by_article: dict[str, list] = {}
    for c in view.claims:
        by_article.setdefault(c.article, []).append(c)
    articles = []
    for aid, claims in by_article.items():
        art = store.article(aid)
        if art is None:  # stored evidence without its article: show the quotes alone
            articles.append({"id": aid, "label": aid, "outlet": None, "published": None, "segments": None, "claims": claims})
            continue
        spans = [(c.start, c.end, f"ev-{c.id}") for c in claims]
        articles.append({"id": aid, "label": art.title or art.name or aid, "outlet": art.outlet, "published": art.published,
                         "segments": segments(art.text, spans), "claims": claims})
    articles.sort(key=lambda a: (a["published"] or "9999", a["id"]))
    marked = {c.id for c in view.claims}
    return {"title": view.cluster.label, "cluster": view.cluster, "event": view.event, "history": view.history, "articles": articles,
            "marked": marked}
