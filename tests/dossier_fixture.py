"""A small, realistic, hand-built dossier on a made-up protest story (not the Kursk seed), used by
the framing, timeline, summary and report tests. Every span slices its article's text exactly.

``make_dossier(hostile=False)``: four articles from three outlets and a blog; with
``hostile=True`` the blog article carries ``<script>`` and ``onerror=`` text so the report's
escaping can be tested.
"""
from __future__ import annotations

from rashomon.models import (Actor, Article, Attribution, Check, Claim, Cluster, Dossier, Event, Quantity, QuantityRef, Relation,
                             Removed, SourceInfo, Source, Span, Speaker, TimeExpr)

A1 = ("Police cleared protesters from Freedom Square in Odesa on Friday, the interior ministry said.\n\n"
      "\"Three officers were injured by rioters,\" ministry spokesman Ivan Petrenko said.\n\n"
      "Organisers said more than 40 demonstrators were hurt. The protest began on June 2 over unpaid port wages.")
A2 = ("The authorities restored order in Odessa after militants attacked police, spokesman Ivan Petrenko said on Friday.\n\n"
      "\"Three officers were injured by rioters,\" Petrenko said.\n\n"
      "The so-called peaceful protest was a brazen provocation, the regime's critics notwithstanding.")
A3 = ("Union leader Maria Kovalenko denied that protesters attacked police.\n\n"
      "\"Not a single officer was hurt,\" Kovalenko said.\n\n"
      "According to the union, 43 people were injured when police dispersed the demonstration on June 13.")
A4 = ("A witness wrote that riot police charged the crowd on Friday.\n\n"
      "Reportedly, dozens were hurt in the demonstration.")
HOSTILE = "\n\n<script>window.__pwned = 1</script><img src=x onerror=\"window.__pwned=2\"> was posted in the comments."


def _span(text: str, piece: str, after: int = 0) -> tuple[int, int]:
    s = text.index(piece, after)
    return s, s + len(piece)


def make_dossier(hostile: bool = False) -> Dossier:
    a4 = A4 + (HOSTILE if hostile else "")
    arts = [
        Article(id="harbor", index=0, outlet="Harbor Times", outlet_source="metadata", published="2025-06-14", published_source="metadata",
                title="Police clear Freedom Square", event="E1", text=A1,
                removed=[Removed(text="Subscribe to our newsletter", reason="newsletter")],
                source=SourceInfo(path="harbor.html", format="html", extractor="trafilatura + rashomon cleaner")),
        Article(id="herald", index=1, outlet="State Herald", outlet_source="text", published="2025-06-14", published_source="inferred",
                published_reason="'on Friday' about the clearing others date to 2025-06-13", event="E1", text=A2,
                removed=[Removed(text="READ: Minister opens bridge", reason="promo")],
                source=SourceInfo(path="herald.txt", format="txt")),
        Article(id="portwire", index=2, outlet="Port Wire", published="2025-06-15", published_source="text", event="E1", text=A3,
                source=SourceInfo(path="portwire.json", format="json")),
        Article(id="blog", index=3, outlet=None, published=None, event="E1", text=a4,
                source=SourceInfo(path="blog.md", format="md")),
    ]
    t = {a.id: a.text for a in arts}

    def claim(cid, art, piece, speaker=None, cue=None, kind="narrative", cluster=None, polarity="asserted", hedged=False,
              hedges=(), distancing=(), times=(), quantities=()):
        s, e = _span(t[art], piece)
        return Claim(id=cid, article=art, text=piece, start=s, end=e, cue=cue, kind=kind, cluster=cluster, polarity=polarity,
                     speaker=Speaker(name=speaker, actor={"Ivan Petrenko": "A1", "Maria Kovalenko": "A2"}.get(speaker)) if speaker else None,
                     hedged=hedged, hedges=list(hedges), distancing=list(distancing), times=list(times), quantities=list(quantities))

    claims = [
        claim("c0-1", "harbor", "Police cleared protesters from Freedom Square in Odesa on Friday", "interior ministry", "said", "indirect", "k1",
              times=["t0-1"]),
        claim("c0-2", "harbor", "Three officers were injured by rioters", "Ivan Petrenko", "said", "direct", "k2", quantities=["q0-1"]),
        claim("c0-3", "harbor", "more than 40 demonstrators were hurt", "Organisers", "said", "indirect", "k3", quantities=["q0-2"]),
        claim("c0-4", "harbor", "The protest began on June 2 over unpaid port wages", times=["t0-2"], cluster="k5"),
        claim("c1-1", "herald", "The authorities restored order in Odessa after militants attacked police", "Ivan Petrenko", "said", "indirect", "k1",
              times=["t1-1"]),
        claim("c1-2", "herald", "Three officers were injured by rioters", "Ivan Petrenko", "said", "direct", "k2", quantities=["q1-1"]),
        claim("c1-3", "herald", "The so-called peaceful protest was a brazen provocation", distancing=["so-called"], cluster="k6"),
        claim("c2-1", "portwire", "protesters attacked police", "Maria Kovalenko", "denied", "indirect", "k4", polarity="denied"),
        claim("c2-2", "portwire", "Not a single officer was hurt", "Maria Kovalenko", "said", "direct", "k7"),
        claim("c2-3", "portwire", "43 people were injured when police dispersed the demonstration on June 13", "the union", "according to",
              "according_to", "k3", times=["t2-1"], quantities=["q2-1"]),
        claim("c3-1", "blog", "riot police charged the crowd on Friday", "A witness", "wrote", "indirect", "k1", times=["t3-1"]),
        claim("c3-2", "blog", "dozens were hurt in the demonstration", hedged=True, hedges=["Reportedly"], cluster="k3"),
    ]
    byid = {c.id: c for c in claims}

    def q(qid, art, piece, **kw):
        s, e = _span(t[art], piece)
        return Quantity(id=qid, article=art, text=piece, start=s, end=e, **kw)

    quantities = [
        q("q0-1", "harbor", "Three officers", value=3, unit="officers", about="officers injured", claim="c0-2"),
        q("q0-2", "harbor", "more than 40 demonstrators", value=40, unit="demonstrators", bound="lower", qualifier="more than",
          about="demonstrators hurt", claim="c0-3"),
        q("q1-1", "herald", "Three officers", value=3, unit="officers", about="officers injured", claim="c1-2"),
        q("q2-1", "portwire", "43 people", value=43, unit="people", about="people injured", claim="c2-3"),
    ]

    def tm(tid, art, piece, value, anchor="publication", claim=None, after=0):
        s, e = _span(t[art], piece, after)
        return TimeExpr(id=tid, article=art, text=piece, start=s, end=e, value=value, anchor=anchor, claim=claim,
                        precision="day" if value and len(value) == 10 else "month")

    times = [
        tm("t0-1", "harbor", "on Friday", "2025-06-13", claim="c0-1"),
        tm("t0-2", "harbor", "on June 2", "2025-06-02", anchor="absolute", claim="c0-4"),
        tm("t1-1", "herald", "on Friday", "2025-06-13", anchor="inferred_publication", claim="c1-1"),
        tm("t2-1", "portwire", "on June 13", "2025-06-13", anchor="absolute", claim="c2-3"),
        tm("t3-1", "blog", "on Friday", None, anchor=None, claim="c3-1"),
    ]
    times[-1].reason = "no publication date to resolve 'Friday' against"

    clusters = [
        Cluster(id="k1", label="police cleared the square", claims=["c0-1", "c1-1", "c3-1"], articles=["harbor", "herald", "blog"],
                outlets=["Harbor Times", "State Herald", "blog"],
                sources=[Source(name="interior ministry", actor="A3", side="government", claims=["c0-1", "c1-1"]),
                         Source(name="A witness", side="protesters", claims=["c3-1"])],
                sides=["government", "protesters"], corroboration="cross_side", explanation="ministry and a witness on the other side"),
        Cluster(id="k2", label="three officers injured", claims=["c0-2", "c1-2"], articles=["harbor", "herald"], outlets=["Harbor Times", "State Herald"],
                sources=[Source(name="Ivan Petrenko", actor="A1", side="government", claims=["c0-2", "c1-2"])], sides=["government"],
                corroboration="single_source_repeated", explanation="both outlets quote the same spokesman"),
        Cluster(id="k3", label="dozens of protesters hurt", claims=["c0-3", "c2-3", "c3-2"], articles=["harbor", "portwire", "blog"],
                sources=[Source(name="Organisers", side="protesters", claims=["c0-3"]), Source(name="the union", side="protesters", claims=["c2-3"])],
                sides=["protesters"], corroboration="independent_same_side"),
        Cluster(id="k4", label="protesters attacked police (denied)", claims=["c2-1"], articles=["portwire"],
                sources=[Source(name="Maria Kovalenko", actor="A2", side="protesters", claims=["c2-1"])], sides=["protesters"],
                corroboration="single_source"),
        Cluster(id="k5", label="protest began June 2", claims=["c0-4"], articles=["harbor"], corroboration="narration_only"),
        Cluster(id="k6", label="protest a provocation", claims=["c1-3"], articles=["herald"], corroboration="narration_only"),
        Cluster(id="k7", label="no officer hurt", claims=["c2-2"], articles=["portwire"],
                sources=[Source(name="Maria Kovalenko", actor="A2", side="protesters", claims=["c2-2"])], sides=["protesters"],
                corroboration="single_source"),
    ]
    relations = [
        Relation(id="r1", type="contradicts", a="k2", b="k7", signal="numeric",
                 explanation="the ministry says three officers were injured; the union leader says none was",
                 evidence=[Span(article="herald", start=byid["c1-2"].start, end=byid["c1-2"].end, text=byid["c1-2"].text),
                           Span(article="portwire", start=byid["c2-2"].start, end=byid["c2-2"].end, text=byid["c2-2"].text)]),
        Relation(id="r2", type="contradicts", a="k1", b="k4", signal="denial",
                 explanation="the ministry says militants attacked police; the union denies protesters attacked police"),
    ]
    checks = [Check(type="consistent", about="people injured",
                    quantities=[QuantityRef(id="q0-2", article="harbor", text="more than 40 demonstrators", start=quantities[1].start, end=quantities[1].end),
                                QuantityRef(id="q2-1", article="portwire", text="43 people", start=quantities[3].start, end=quantities[3].end)],
                    explanation="43 is more than 40: consistent with the lower bound")]
    actors = [Actor(id="A1", name="Ivan Petrenko", type="person", side="government", side_reason="interior ministry spokesman"),
              Actor(id="A2", name="Maria Kovalenko", type="person", side="protesters", side_reason="union leader"),
              Actor(id="A3", name="interior ministry", type="government_body", side="government")]
    attributions = [Attribution(id="at0-1", article="harbor", speaker=Speaker(name="Ivan Petrenko"), cue="said",
                                cue_start=_span(A1, "said", A1.index("Petrenko"))[0], cue_end=_span(A1, "said", A1.index("Petrenko"))[1],
                                content=[Span(article="harbor", start=byid["c0-2"].start, end=byid["c0-2"].end, text=byid["c0-2"].text)],
                                kind="direct")]
    events = [Event(id="E1", label="Police clear a protest camp in a port city; injuries disputed", articles=[a.id for a in arts], main=True,
                    date="2025-06-13", reason="shared claims and date")]
    return Dossier(articles=arts, events=events, actors=actors, attributions=attributions, claims=claims, clusters=clusters,
                   relations=relations, quantities=quantities, times=times, checks=checks)


def analysed(hostile: bool = False) -> Dossier:
    """``make_dossier`` with framing, timeline and summary filled in by the real stages."""
    from rashomon.analyse.framing import frame_dossier
    from rashomon.analyse.summary import summary_of
    from rashomon.analyse.timeline import timeline_of

    d = make_dossier(hostile)
    frame_dossier(d)
    d.timeline = timeline_of(d)
    d.summary = summary_of(d)
    return d
