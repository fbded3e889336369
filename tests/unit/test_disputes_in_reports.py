"""The Markdown report, the HTML report and the summary follow ``dossier.disputes``: the
dispute's question and positions come first, the pairwise contradictions after them; the
summary's "disputed" sentence asks the question and attributes each position. The dossier is
written by hand for these tests (a dam destroyed overnight)."""
from __future__ import annotations

from rashomon.analyse.summary import check_summary, summary_of
from rashomon.models import (Actor, Article, Claim, Cluster, Dispute, DisputePosition, Dossier, PositionStep, Relation, Span,
                             Speaker)
from rashomon.report.html import render_html
from rashomon.report.markdown import render_markdown

A1 = "The Ukrainian army said Russian forces blew up the Kakhovka dam overnight."
A2 = "The Kremlin said Ukrainian saboteurs blew up the Kakhovka dam overnight."
P1 = "Russian forces blew up the Kakhovka dam overnight"
P2 = "Ukrainian saboteurs blew up the Kakhovka dam overnight"
QUESTION = "Who blew up the Kakhovka dam overnight?"


def _span(art: str, text: str, piece: str) -> Span:
    s = text.index(piece)
    return Span(article=art, start=s, end=s + len(piece), text=piece)


def dossier() -> Dossier:
    s1, s2 = _span("a1", A1, P1), _span("a2", A2, P2)
    claims = [
        Claim(id="c0-0", article="a1", text=P1, start=s1.start, end=s1.end, kind="indirect", cue="said", cluster="k1",
              speaker=Speaker(name="Ukrainian army", actor="A1")),
        Claim(id="c1-0", article="a2", text=P2, start=s2.start, end=s2.end, kind="indirect", cue="said", cluster="k2",
              speaker=Speaker(name="Kremlin", actor="A2")),
    ]
    rel = Relation(id="r1", type="contradicts", a="k1", b="k2", explanation="Opposite agents for the same act.",
                   signal="classifier", score=0.9, evidence=[s1, s2])

    def pos(pid, label, claim, side, outlet, span):
        step = PositionStep(step="first_stated", claim=claim.id, cluster=claim.cluster, date="2023-06-06",
                            speaker=claim.speaker.name, side=side, outlet=outlet, evidence=span)
        return DisputePosition(id=pid, label=label, stance=pid[-1], clusters=[claim.cluster], claims=[claim.id],
                               sources=[claim.speaker.name], sides=[side], outlets=[outlet], first_date="2023-06-06",
                               last_date="2023-06-06", history=[step], evidence=[span])

    dispute = Dispute(id="D1", question=QUESTION, type="responsibility", about="Russian forces or Ukrainian saboteurs",
                      positions=[pos("D1.1", P1, claims[0], "Ukraine", "Daily One", s1),
                                 pos("D1.2", P2, claims[1], "Russia", "Daily Two", s2)],
                      relations=["r1"], explanation="These positions cannot all hold.")
    return Dossier(
        articles=[Article(id="a1", index=0, text=A1, outlet="Daily One", published="2023-06-06"),
                  Article(id="a2", index=1, text=A2, outlet="Daily Two", published="2023-06-06")],
        actors=[Actor(id="A1", name="Ukrainian army", side="Ukraine"), Actor(id="A2", name="Kremlin", side="Russia")],
        claims=claims,
        clusters=[Cluster(id="k1", label=P1, claims=["c0-0"]), Cluster(id="k2", label=P2, claims=["c1-0"])],
        relations=[rel], disputes=[dispute])


def test_markdown_lists_the_dispute_question_and_positions_before_the_pairwise_contradictions():
    md = render_markdown(dossier())
    assert md.index("## Disputes") < md.index(QUESTION) < md.index("## Pairwise contradictions")
    block = md[md.index("## Disputes"):md.index("## Pairwise contradictions")]
    assert f"*{P1}* — Ukraine" in block and f"*{P2}* — Russia" in block
    assert "first stated 2023-06-06, Ukrainian army (Daily One)" in block
    assert "1 dispute (1 pairwise contradiction)" in md


def test_summary_disputed_sentence_asks_the_question_and_attributes_each_position():
    d = dossier()
    d.summary = summary_of(d)
    disputed = [s for s in d.summary if s.section == "disputed"]
    assert len(disputed) == 1
    s = disputed[0]
    assert s.text.startswith(f"Disputed — {QUESTION} ")
    assert "Ukrainian army (Ukraine) said" in s.text and "Kremlin (Russia) said" in s.text
    assert sorted(s.cites) == ["c0-0", "c1-0"]
    assert check_summary(d) == []


def test_html_contested_section_opens_with_the_dispute_card():
    html = render_html(dossier())
    sec = html[html.index('<section id="contested"'):]
    sec = sec[:sec.index("</section>")]
    assert sec.index('class="dispute"') < sec.index('class="allpairs"')
    assert QUESTION in sec and 'data-position="D1.1"' in sec and 'data-position="D1.2"' in sec
    assert sec.count('class="contest"') == 2  # the relation inside the dispute's details, and in the full list
