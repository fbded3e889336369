"""Claim clusters across differently worded reports: event-type verb classes ("retook",
"drove out", "liberated"), region designators ("Oblast" = "region"), attributed content without
its "X said that" frame; and the propositions that must stay apart (a rebuttal, a failure
verdict, a "still holding" statement)."""
from __future__ import annotations

from linkkit import claim_by_text, corpus

from rashomon.link.clusters import cluster_claims
from rashomon.link.event_terms import designator_norm, event_classes
from rashomon.link.similarity import proposition_text
from rashomon.models import Attribution, Claim, Span, Speaker


def _dam_corpus():
    return corpus([
        {"id": "d1", "outlet": "River Post",
         "text": "The Velka dam collapsed early on Tuesday, flooding three villages downstream.",
         "claims": [{"text": "The Velka dam collapsed early on Tuesday, flooding three villages downstream"}]},
        {"id": "d2", "outlet": "Valley Times",
         "text": "Early on Tuesday the dam at Velka gave way and water flooded villages downstream.",
         "claims": [{"text": "Early on Tuesday the dam at Velka gave way and water flooded villages downstream"}]},
        {"id": "d3", "outlet": "Morning Wire",
         "text": "The Velka dam burst on Tuesday morning, sending floodwater into nearby villages, officials said.",
         "claims": [{"text": "The Velka dam burst on Tuesday morning, sending floodwater into nearby villages",
                     "speaker": "officials"}]},
        {"id": "d4",
         "text": "The operator insisted the Velka dam did not collapse. Fishermen sold their catch at the market.",
         "claims": [{"text": "the Velka dam did not collapse", "speaker": "The operator", "polarity": "denied"},
                    {"text": "Fishermen sold their catch at the market"}]},
    ])


def test_four_wordings_of_a_dam_collapse_share_one_cluster():
    st = _dam_corpus()
    cluster_claims(st)
    ids = {claim_by_text(st, t).cluster for t in ("The Velka dam collapsed", "the dam at Velka gave way", "The Velka dam burst")}
    assert len(ids) == 1


def test_rebuttal_that_the_dam_holds_stays_apart():
    st = _dam_corpus()
    cluster_claims(st)
    assert claim_by_text(st, "did not collapse").cluster != claim_by_text(st, "The Velka dam collapsed").cluster


def _town_corpus(parse=None):
    return corpus([
        {"id": "t1", "outlet": "North Herald",
         "text": "The defence ministry announced that government troops have completely driven the rebels out of Marel province.",
         "claims": [{"text": "government troops have completely driven the rebels out of Marel province",
                     "speaker": "The defence ministry"}]},
        {"id": "t2", "outlet": "South Courier",
         "text": "Government forces have fully recaptured Marel Oblast, the ministry claimed on Sunday.",
         "claims": [{"text": "Government forces have fully recaptured Marel Oblast", "speaker": "the ministry"}]},
        {"id": "t3", "outlet": "East Ledger",
         "text": "All rebel fighters have been forced out of the Marel region, the army said. "
                 "The president said the rebel offensive into the Marel region has completely failed.",
         "claims": [{"text": "All rebel fighters have been forced out of the Marel region", "speaker": "the army"},
                    {"text": "the rebel offensive into the Marel region has completely failed", "speaker": "The president"}]},
        {"id": "t4", "outlet": "West Gazette",
         "text": "Rebel commanders said their units continue to hold positions in the Marel region.",
         "claims": [{"text": "their units continue to hold positions in the Marel region", "speaker": "Rebel commanders"}]},
    ], parse=parse)


def test_different_retake_verbs_join_one_cluster(run_article):
    st = _town_corpus(run_article)
    cluster_claims(st)
    assert claim_by_text(st, "driven the rebels out of Marel").cluster == claim_by_text(st, "forced out of the Marel region").cluster


def test_region_designators_and_retake_verbs_give_shared_features(run_article):
    from rashomon.link.features import claim_features

    st = _town_corpus(run_article)
    feats = claim_features(st)
    a = feats[claim_by_text(st, "fully recaptured Marel Oblast").id]
    b = feats[claim_by_text(st, "driven the rebels out of Marel province").id]
    assert "marel" in a.entities and "marel" in b.entities
    assert a.events == b.events == {"retake_territory"}
    assert "region" in a.words and "region" in b.words


def test_failure_verdict_and_still_holding_stay_apart_from_the_retake(run_article):
    st = _town_corpus(run_article)
    cluster_claims(st)
    retake = claim_by_text(st, "fully recaptured Marel Oblast").cluster
    assert claim_by_text(st, "has completely failed").cluster != retake
    assert claim_by_text(st, "continue to hold positions").cluster != retake


def test_event_classes_fold_different_verbs_of_one_event_type():
    assert event_classes("troops were forced out of the town") == {"retake_territory"}
    assert event_classes("the army liberated the village") == {"retake_territory"}
    assert event_classes("the army retook the village") == {"retake_territory"}
    assert "withdrawal" in event_classes("the battalion withdrew from the city")
    assert event_classes("the offensive has completely failed") == set()
    assert designator_norm("Oblast") == "region" and designator_norm("village") == "village"


def test_proposition_of_an_attributed_claim_is_its_content_without_the_frame():
    text = "Speaking to reporters on Friday, the mayor said that the bridge will reopen in May."
    cs = text.index("that the bridge")
    att = Attribution(id="a1", article="x", speaker=Speaker(name="the mayor"), cue="said",
                      cue_start=text.index("said"), cue_end=text.index("said") + 4,
                      content=[Span(article="x", start=cs, end=len(text) - 1, text=text[cs:-1])])
    claim = Claim(id="c1", article="x", text=text, start=0, end=len(text), speaker=Speaker(name="the mayor"),
                  kind="indirect", attribution="a1")
    assert proposition_text(claim, att) == "the bridge will reopen in May"


def test_a_quoted_fragment_is_not_taken_for_the_whole_proposition():
    text = "The general praised the fortitude and heroism of the allied soldiers in the battle for the port."
    q = text.index("fortitude and heroism")
    att = Attribution(id="a1", article="x", cue="praised", content=[Span(article="x", start=q, end=q + 21, text=text[q:q + 21])])
    claim = Claim(id="c1", article="x", text=text, start=0, end=len(text), kind="mixed", attribution="a1")
    assert "allied soldiers" in proposition_text(claim, att)
