"""Builders of synthetic cross-article inputs for the linking tests (not a test module).

``corpus(specs, parse=None)`` turns a list of article specs into a ``CorpusState`` the corpus
stages can run on. A spec is a dict: ``id``, ``text``, optional ``outlet``, ``published``,
``actors`` (list of dicts for ``Actor``) and ``claims`` (list of dicts: ``text`` - a substring of
the article text - plus optional ``speaker`` name, ``actor`` id, ``kind``, ``chain`` (list of
(name, actor id)), ``polarity``). With ``parse`` (the ``run_article`` fixture) each article gets
its real spaCy sentences, entities and lemmas.
"""
from __future__ import annotations

from rashomon.models import Actor, Article, ArticleAnnotations, Claim, Dossier, OffsetRun, Speaker
from rashomon.pipeline import CorpusState


def corpus(specs: list[dict], parse=None) -> CorpusState:
    d = Dossier()
    anns = {}
    for idx, sp in enumerate(specs):
        text = sp["text"]
        art = Article(id=sp["id"], index=idx, text=text, outlet=sp.get("outlet"), published=sp.get("published"),
                      published_source="metadata" if sp.get("published") else None,
                      offsets=[OffsetRun(clean=0, raw=0, length=len(text))])
        if parse is not None:
            ann = parse(text, published=sp.get("published"), until="parse", article_id=sp["id"]).ann
        else:
            ann = ArticleAnnotations(article=sp["id"])
        ann.actors = [Actor(article=sp["id"], **a) for a in sp.get("actors", [])]
        claims = []
        for n, c in enumerate(sp.get("claims", [])):
            start = text.index(c["text"])
            speaker = Speaker(name=c["speaker"], actor=c.get("actor")) if c.get("speaker") else None
            chain = [Speaker(name=nm, actor=aid) for nm, aid in c.get("chain", [])]
            claims.append(Claim(id=f"c{idx}-{n}", article=sp["id"], text=c["text"], start=start, end=start + len(c["text"]),
                                speaker=speaker, kind=c.get("kind", "indirect" if speaker else "narrative"), chain=chain,
                                polarity=c.get("polarity", "asserted"), actors=c.get("actors", [])))
        ann.claims = claims
        anns[sp["id"]] = ann
        d.articles.append(art)
        d.claims += claims
    return CorpusState(dossier=d, annotations=anns)


def claim_by_text(state: CorpusState, fragment: str) -> Claim:
    return next(c for c in state.dossier.claims if fragment in c.text)
