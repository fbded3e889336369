"""Summary robustness: "established" needs truly independent sources (not one person split in
two, not one article, not a quoted opinion), the overview quotes a full claim about the main
event, and disputes are only between different voices (dossiers built from sentences written for
these tests)."""
from __future__ import annotations

from rashomon.analyse.summary import check_summary, summary_of
from rashomon.models import Article, Claim, Cluster, Dossier, Event, Relation, Source, Speaker

TEXTS = {
    "p1": ("The Senate passed the budget bill on Thursday by a vote of 52 to 48. Michael Steele said the vote came late at night. "
           "Steele said the vote came after midnight. \"Flynn lied and it's like they ruined his life,\" Steele said. "
           "Its authenticity."),
    "p2": ("The Senate passed the budget bill on Thursday after a long debate over spending. "
           "Senator Ann Ruiz said the vote came after midnight. Governor Tom Black said the bill cuts school funding. "
           "\"Flynn lied and it's like they ruined his life,\" Ruiz said."),
    "p3": ("Senators approved the budget bill on Thursday, sending it to the president. "
           "Governor Tom Black said the bill does not cut school funding. Jane Doe said the bill cuts school funding."),
}
OUTLETS = {"p1": "Capitol Daily", "p2": "Metro Ledger", "p3": "River Post"}


def _claim(cid, art, piece, speaker=None, kind="narrative", cluster=None, actor=None, cue="said"):
    t = TEXTS[art]
    s = t.index(piece)
    return Claim(id=cid, article=art, text=piece, start=s, end=s + len(piece), kind=kind, cluster=cluster,
                 cue=cue if speaker else None, speaker=Speaker(name=speaker, actor=actor) if speaker else None)


def _dossier(clusters, relations=(), claims=None) -> Dossier:
    arts = [Article(id=a, index=i, outlet=OUTLETS[a], text=t) for i, (a, t) in enumerate(TEXTS.items())]
    cl = claims or [
        _claim("n1", "p1", "The Senate passed the budget bill on Thursday by a vote of 52 to 48", cluster="kmain"),
        _claim("n2", "p2", "The Senate passed the budget bill on Thursday after a long debate over spending", cluster="kmain"),
        _claim("n3", "p3", "Senators approved the budget bill on Thursday, sending it to the president", cluster="kmain"),
        _claim("f1", "p1", "Its authenticity", cluster="kfrag"),
        _claim("f2", "p2", "Senator Ann Ruiz", cluster="kfrag"),
        _claim("f3", "p3", "Jane Doe", cluster="kfrag"),
        _claim("s1", "p1", "the vote came late at night", "Michael Steele", "indirect", "ksteele"),
        _claim("s2", "p1", "the vote came after midnight", "Steele", "indirect", "ksteele"),
        _claim("r1", "p2", "the vote came after midnight", "Senator Ann Ruiz", "indirect", "ksteele"),
        _claim("o1", "p1", "Flynn lied and it's like they ruined his life", "Steele", "direct", "kop"),
        _claim("o2", "p2", "Flynn lied and it's like they ruined his life", "Ruiz", "direct", "kop"),
        _claim("b1", "p2", "the bill cuts school funding", "Governor Tom Black", "indirect", "kcut"),
        _claim("b2", "p3", "the bill does not cut school funding", "Governor Tom Black", "indirect", "knocut"),
        _claim("d1", "p3", "the bill cuts school funding", "Jane Doe", "indirect", "kcut"),
    ]
    return Dossier(articles=arts, claims=cl, clusters=clusters, relations=list(relations),
                   events=[Event(id="E1", label="budget vote", articles=list(TEXTS), main=True)])


def _k(kid, claims, sources=(), corroboration="single_source", sides=()):
    arts = sorted({c.split("-")[0] for c in claims})
    return Cluster(id=kid, label=kid, claims=claims, articles=arts, sources=list(sources), corroboration=corroboration, sides=list(sides))


def test_one_person_split_in_two_sources_is_not_established():
    k = _k("ksteele", ["s1", "s2"], [Source(name="Michael Steele", side="Republicans", claims=["s1"]),
                                     Source(name="Steele", side="Republicans", claims=["s2"])], "independent_same_side", ["Republicans"])
    d = _dossier([k])
    d.summary = summary_of(d)
    assert not [s for s in d.summary if s.section == "established"]
    assert check_summary(d) == []


def test_two_claims_of_one_article_are_not_independent_sources():
    d = _dossier([_k("ksteele", ["s1", "s2"], [Source(name="Michael Steele", claims=["s1"]), Source(name="Ann Ruiz", claims=["s2"])],
                     "independent_same_side")])
    assert not [s for s in summary_of(d) if s.section == "established"]


def test_different_people_in_different_outlets_establish_a_reported_fact_with_their_names():
    d = _dossier([_k("ksteele", ["s2", "r1"], [Source(name="Steele", claims=["s2"]), Source(name="Ann Ruiz", claims=["r1"])],
                     "independent_same_side")])
    d.summary = summary_of(d)
    est = [s for s in d.summary if s.section == "established"]
    assert len(est) == 1 and "Steele" in est[0].text and "Ann Ruiz" in est[0].text and "sources" in est[0].text
    assert check_summary(d) == []


def test_a_quoted_opinion_is_never_established_even_across_sides():
    d = _dossier([_k("kop", ["o1", "o2"], [Source(name="Steele", side="Republicans", claims=["o1"]),
                                            Source(name="Ruiz", side="Democrats", claims=["o2"])], "cross_side")])
    d.summary = summary_of(d)
    assert not [s for s in d.summary if s.section == "established"]
    quoting = [s.text for s in d.summary if "o1" in s.cites or "o2" in s.cites]
    assert quoting and all(any(w in t for w in ("said", "according", "attributed to")) for t in quoting)
    assert check_summary(d) == []


def test_the_overview_quotes_a_full_claim_about_the_main_event_not_a_fragment():
    d = _dossier([_k("kfrag", ["f1", "f2", "f3"], corroboration="narration_only"),
                  _k("kmain", ["n1", "n2", "n3"], corroboration="narration_only")])
    d.summary = summary_of(d)
    ov = [s for s in d.summary if s.section == "overview"]
    assert len(ov) == 1
    assert "budget bill on Thursday" in ov[0].text and "authenticity" not in ov[0].text
    assert set(ov[0].cites) <= {"n1", "n2", "n3"}
    assert check_summary(d) == []


def test_disputes_are_only_between_different_voices_and_always_attributed():
    rels = [Relation(id="r1", type="contradicts", a="b1", b="b2", explanation="negation"),
            Relation(id="r2", type="contradicts", a="d1", b="b2", explanation="negation")]
    d = _dossier([_k("kcut", ["b1", "d1"]), _k("knocut", ["b2"])], rels)
    d.summary = summary_of(d)
    disputed = [s for s in d.summary if s.section == "disputed"]
    assert len(disputed) == 1, [s.text for s in disputed]
    text = disputed[0].text
    assert "Jane Doe said" in text and "Tom Black said" in text
    assert set(disputed[0].cites) == {"d1", "b2"}
    assert check_summary(d) == []


def test_every_sentence_is_cited_named_and_quotes_its_claims():
    d = _dossier([_k("kmain", ["n1", "n2", "n3"], corroboration="narration_only"),
                  _k("ksteele", ["s2", "r1"], [Source(name="Steele", claims=["s2"]), Source(name="Ann Ruiz", claims=["r1"])],
                     "independent_same_side"),
                  _k("kcut", ["b1", "d1"]), _k("knocut", ["b2"])],
                 [Relation(id="r2", type="contradicts", a="d1", b="b2", explanation="negation")])
    d.summary = summary_of(d)
    assert {s.section for s in d.summary} >= {"overview", "established", "disputed"}
    assert all(s.cites for s in d.summary)
    assert check_summary(d) == []


def test_two_outlets_own_narration_is_not_presented_as_a_dispute():
    rels = [Relation(id="r9", type="contradicts", a="n1", b="n3", explanation="classifier")]
    d = _dossier([_k("kmain", ["n1", "n2", "n3"], corroboration="narration_only")], rels)
    assert not [s for s in summary_of(d) if s.section == "disputed"]


def test_a_bare_description_is_not_counted_as_an_independent_source():
    d = _dossier([_k("ksteele", ["s2", "r1"], [Source(name="source", claims=["s2"]), Source(name="many", claims=["r1"])],
                     "independent_same_side")])
    assert not [s for s in summary_of(d) if s.section == "established"]
