"""Framing: variant sets matched in every inflection, modifiers captured with head nouns, and
the log-odds ratio with an informative Dirichlet prior (sentences written for these tests)."""
from __future__ import annotations

from dossier_fixture import make_dossier
from rashomon.analyse.framing import frame_dossier, log_odds_dirichlet, tokens_of, verb_forms
from rashomon.models import Article, Dossier


def _dossier(*texts: str) -> Dossier:
    return Dossier(articles=[Article(id=f"a{i}", index=i, text=t) for i, t in enumerate(texts)])


def _terms(d: Dossier, concept_word: str) -> dict[str, list[str]]:
    f = next(f for f in d.framing if concept_word in f.concept)
    return f.terms


def test_verb_forms_cover_irregular_compounds_and_regular_inflections():
    forms = verb_forms("retake", {"take": ["took", "taken"]})
    assert {"retake", "retakes", "retook", "retaken", "retaking"} <= forms
    assert {"liberated", "liberating", "liberates"} <= verb_forms("liberate")
    assert {"expelled", "expels"} <= verb_forms("expel")


def test_inflected_verbs_for_the_same_event_report_the_surface_form_found():
    d = _dossier("Rebels retook the airport on Monday after a long siege.",
                 "Government troops say they have liberated the airport district.",
                 "The army forced the rebels out of the airport, officials said.",
                 "The airport was retaken by the army, but retaking the city will be harder for the troops.")
    frame_dossier(d)
    terms = _terms(d, "taking back territory")
    assert terms["a0"] == ["retook"]
    assert terms["a1"] == ["liberated"]
    assert "forced the rebels out" in terms["a2"]
    assert set(terms["a3"]) == {"retaken", "retaking"}


def test_head_nouns_are_captured_with_their_modifiers():
    d = _dossier("Officials called it an attempted incursion across the river by enemy troops.",
                 "The army launched its cross-border incursion in spring.",
                 "Analysts described a brazen campaign by the rebels that surprised the capital.",
                 "The Damascus regime's forces withdrew.")
    frame_dossier(d)
    op = _terms(d, "military operation")
    assert "attempted incursion" in op["a0"]
    assert "cross-border incursion" in op["a1"]
    assert "brazen campaign" in op["a2"]
    assert _terms(d, "labels for a government")["a3"] == ["Damascus regime"]


def test_place_name_spellings_are_aligned_and_capitalised_words_are_not_verbs():
    d = _dossier("Shelling hit Kharkov overnight, the Odessa Free Press reported.", "Shelling hit Kharkiv overnight.")
    frame_dossier(d)
    assert _terms(d, "Kharkiv") == {"a0": ["Kharkov"], "a1": ["Kharkiv"]}
    retake = [f for f in d.framing if "taking back" in f.concept]
    assert not retake, "'Free' in an outlet name is not the verb 'free'"


def test_region_designators_are_compared_per_place_only_when_they_differ():
    d = _dossier("Fighting continued in Sumy Oblast and in Kharkiv region.", "Fighting continued in the Sumy region and in Kharkiv region.")
    frame_dossier(d)
    concepts = [f.concept for f in d.framing if "designated" in f.concept]
    assert any(c.endswith("Sumy") for c in concepts)
    assert not any(c.endswith("Kharkiv") for c in concepts)


def test_every_framing_evidence_span_slices_the_article_text():
    d = make_dossier()
    frame_dossier(d)
    texts = {a.id: a.text for a in d.articles}
    assert d.framing
    for f in d.framing:
        for sp in f.evidence:
            assert texts[sp.article][sp.start:sp.end] == sp.text


def test_distancing_and_hedging_cues_come_from_the_claims():
    d = make_dossier()
    frame_dossier(d)
    assert _terms(d, "distancing")["herald"] == ["so-called"]
    assert _terms(d, "hedges")["blog"] == ["Reportedly"]


def test_log_odds_ranks_words_one_outlet_alone_uses_without_a_frequency_floor():
    from collections import Counter

    counts = {"x": Counter({"junta": 1, "army": 3, "city": 2}), "y": Counter({"government": 1, "army": 3, "city": 2}),
              "z": Counter({"army": 2, "city": 2, "government": 1})}
    out = log_odds_dirichlet(counts)
    assert out["x"][0].word == "junta" and out["x"][0].count == 1
    assert all(w.word != "army" or w.z < out["x"][0].z for w in out["x"])
    assert log_odds_dirichlet({"only": Counter({"a": 1})}) == {"only": []}


def test_distinctive_words_keep_unicode_intact():
    d = _dossier("Die Truppen verließen Zürich; the envoy met officials in Kyïv.", "The envoy met officials in the capital.")
    frame_dossier(d)
    words = [w.word for w in d.distinctive_words["a0"]]
    assert "zürich" in words and "kyïv" in words and "verließen" in words
    assert "zürich" in tokens_of("Zürich")


def test_kursk_framing_recall_against_the_gold_reading(kursk_dossier, kursk_gold):
    import unicodedata

    def norm(s):
        s = unicodedata.normalize("NFKC", s).replace("\u2019", "'").replace("\u2018", "'")
        return " ".join(s.split()).lower()

    have = {(a, norm(t)) for f in kursk_dossier.framing for a, ts in f.terms.items() for t in ts}
    ok = tot = 0
    for f in kursk_gold["framing"]:
        for a, vs in f["variants"].items():
            for v in vs:
                tot += 1
                ok += any(x == a and (norm(v) in t or t in norm(v)) for x, t in have if t)
    assert ok / tot >= 0.70, f"{ok}/{tot}"


def test_war_vocabulary_is_not_read_into_politics_without_a_military_context():
    d = _dossier("Republicans launched an offensive against the budget bill as the midterm campaigns began. "
                 "The senator attacked the plan and vowed to regain the majority before withdrawing from the race.",
                 "Democrats said the campaign against the bill would fail.")
    frame_dossier(d)
    concepts = {f.concept for f in d.framing}
    assert not any("military operation" in c or "taking back territory" in c or "leaving ground" in c for c in concepts)


def test_military_context_in_the_sentence_admits_war_vocabulary():
    d = _dossier("Government forces began a surprise offensive in the north on Monday.",
                 "The troops withdrew from the town after the attack.")
    frame_dossier(d)
    assert "surprise offensive" in _terms(d, "military operation")["a0"]
    assert _terms(d, "leaving ground")["a1"] == ["withdrew"]


def test_only_framing_relevant_modifiers_are_captured_with_a_head_noun():
    d = _dossier("Aides weighed a possible administration response while considering campaigns in two states.",
                 "The so-called government in the capital answered the Trump administration.",
                 "Critics attacked the puppet regime and the self-proclaimed authorities.")
    frame_dossier(d)
    gov = _terms(d, "labels for a government")
    assert gov["a0"] == ["administration"]
    assert "so-called government" in gov["a1"] and "Trump administration" in gov["a1"]
    assert "puppet regime" in gov["a2"] and "self-proclaimed authorities" in gov["a2"]


def test_partisan_word_choices_of_domestic_politics_are_aligned():
    d = _dossier("The court struck down the ban on gay marriage. Conservatives want to repeal Obamacare and the death tax. "
                 "Pro-life groups protested. The plan would deport illegal immigrants and offer tax relief.",
                 "The court struck down the ban on same-sex marriage. Republicans want to repeal the Affordable Care Act and "
                 "the estate tax. Anti-abortion groups protested. The plan would deport undocumented immigrants and cut taxes; "
                 "gun control advocates objected.",
                 "Gun rights groups praised the plan.")
    frame_dossier(d)
    assert _terms(d, "same-sex marriage") == {"a0": ["gay marriage"], "a1": ["same-sex marriage"]}
    law = _terms(d, "health law")
    assert law["a0"] == ["Obamacare"] and law["a1"] == ["Affordable Care Act"]
    assert _terms(d, "inheritances") == {"a0": ["death tax"], "a1": ["estate tax"]}
    abortion = _terms(d, "abortion debate")
    assert abortion["a0"] == ["Pro-life"] and abortion["a1"] == ["Anti-abortion"]
    imm = _terms(d, "without papers")
    assert imm["a0"] == ["illegal immigrants"] and "undocumented immigrants" in imm["a1"]
    assert _terms(d, "tax changes")["a0"] == ["tax relief"]
    guns = _terms(d, "gun policy")
    assert guns["a1"] == ["gun control"] and guns["a2"] == ["Gun rights"]


def test_distinctive_words_are_surface_content_words_without_reporting_verbs_or_own_outlet():
    from rashomon.models import Removed

    a = Article(id="fox", index=0, outlet="Fox News", url="https://www.foxnews.com/politics/x",
                text="Fox News reported that Gov. Chris Christie, R-N.J., held talks. He said the deal was a bailout, "
                     "he added, according to aides. Christie said today the bailout was wasteful. Sign up for alerts.",
                removed=[Removed(text="Click here to subscribe to Fox alerts", reason="promo")])
    b = Article(id="nyt", index=1, outlet="The New York Times", text="Lawmakers discussed the budget in Trenton on Monday.")
    d = Dossier(articles=[a, b])
    frame_dossier(d)
    words = [w.word for w in d.distinctive_words["fox"]]
    assert "christie" in words and "bailout" in words and "held" in words
    for bad in ("fox", "news", "foxnews", "r", "j", "said", "say", "added", "according", "today", "christi", "eld", "click"):
        assert bad not in words
    assert d.distinctive_words["nyt"]


def test_neutral_reporting_verbs_are_no_word_choice_but_loaded_ones_are():
    d = make_dossier()
    frame_dossier(d)
    verbs = {t.lower() for ts in _terms(d, "reporting verbs").values() for t in ts}
    assert "denied" in verbs
    assert not verbs & {"said", "says", "according to", "wrote", "told"}
