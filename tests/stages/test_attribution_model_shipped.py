"""The shipped attribution tagger (rashomon/weights/attribution.crfsuite) on sentences written for
the test: it loads, tags source / cue / content, links them, and every offset slices the text."""
from __future__ import annotations

from rashomon.extract.attribution_model import load_tagger, model_attributions, model_available, predict


def _one(nlp, text: str, cue_word: str):
    doc = nlp(text)
    cands = predict(doc)
    got = [c for c in cands if cue_word in text[c.cue[0]:c.cue[1]]]
    assert got, f"no candidate with cue {cue_word!r} in {[(text[c.cue[0]:c.cue[1]]) for c in cands]}"
    return doc, got[0]


def test_shipped_weights_load_once():
    assert model_available()
    assert load_tagger() is load_tagger()


def test_organisation_speaker_with_statement_channel(nlp):
    text = "The ministry said in a statement that the border crossing would reopen on Monday."
    doc, c = _one(nlp, text, "said")
    assert c.source is not None and "ministry" in text[c.source[0]:c.source[1]]
    assert "statement" not in text[c.source[0]:c.source[1]]
    assert any("the border crossing would reopen" in text[s:e] for s, e in c.contents)
    assert 0.0 < c.confidence <= 1.0


def test_passive_quoted_as_saying(nlp):
    text = "The harbour master was quoted as saying that the ferries would not sail before Friday."
    doc, c = _one(nlp, text, "quoted")
    assert c.source is not None and "harbour master" in text[c.source[0]:c.source[1]]
    assert any("the ferries would not sail" in text[s:e] for s, e in c.contents)


def test_unnamed_source_kept_as_source(nlp):
    text = "Two officials familiar with the talks said the negotiators had agreed on a draft text."
    doc, c = _one(nlp, text, "said")
    assert c.source is not None and "officials" in text[c.source[0]:c.source[1]]
    assert any("the negotiators had agreed on a draft text" in text[s:e] for s, e in c.contents)


def test_offsets_slice_the_text_for_every_candidate(nlp):
    text = ("“We will not give up,” the union leader told reporters on Tuesday. The company, for its part, "
            "insists that wages already rose last year, while analysts expect further strikes.")
    doc = nlp(text)
    cands = predict(doc)
    assert len(cands) >= 2
    for c in cands:
        assert text[c.cue[0]:c.cue[1]].strip() == text[c.cue[0]:c.cue[1]] != ""
        if c.source is not None:
            assert text[c.source[0]:c.source[1]].strip() != ""
        for s, e in c.contents:
            assert 0 <= s < e <= len(text)
    quote = next(c for c in cands if "told" in text[c.cue[0]:c.cue[1]])
    assert any("We will not give up" in text[s:e] for s, e in quote.contents)
    assert "union leader" in text[quote.source[0]:quote.source[1]]


def test_records_the_rules_missed_get_resolved_speakers(run_article):
    text = ("The regional water authority published new figures on Monday.\n\n"
            "The authority believes that the reservoir levels will recover by the spring.")
    state = run_article(text, until="actors")
    from rashomon.extract.attribution import extract_attributions

    extract_attributions(state)
    rule_free = model_attributions(state, [], 0.0)
    assert rule_free, "the tagger proposes the belief statement"
    for a in rule_free:
        for c in a.content:
            assert text[c.start:c.end] == c.text
        if a.speaker is not None:
            assert text[a.speaker.start:a.speaker.end] == a.speaker.text
    hit = [a for a in rule_free if any("reservoir levels will recover" in c.text for c in a.content)]
    assert hit and hit[0].speaker is not None and "authority" in hit[0].speaker.text.lower()


def test_threshold_above_one_adds_nothing(run_article):
    state = run_article("Officials said the road would stay closed.", until="actors")
    assert model_attributions(state, [], 0.0)
    assert model_attributions(state, [], 1.01) == []


def test_pipeline_adds_a_statement_with_a_cue_outside_the_lexicon(run_article):
    text = ("Union leaders reckon the strike could last until the end of the month.\n\n"
            "Critics questioned whether the new bridge was safe for heavy lorries.")
    state = run_article(text, until="attributions")
    by_cue = {a.cue: a for a in state.ann.attributions}
    assert {"reckon", "questioned"} <= set(by_cue)
    a = by_cue["reckon"]
    assert text[a.cue_start:a.cue_end] == "reckon"
    assert a.speaker is not None and text[a.speaker.start:a.speaker.end] == a.speaker.text == "Union leaders"
    assert [c.text for c in a.content] == ["the strike could last until the end of the month"]
    assert all(text[c.start:c.end] == c.text for c in a.content)
    assert "whether the new bridge was safe" in by_cue["questioned"].content[0].text


def test_pipeline_never_duplicates_a_rule_attribution(run_article):
    text = "The ministry said in a statement that the border crossing would reopen on Monday."
    state = run_article(text, until="attributions")
    spans = []
    for a in state.ann.attributions:
        spans.append((a.cue_start, a.cue_end))
        spans.extend((c.start, c.end) for c in a.content)
    assert len(state.ann.attributions) == 1
    spans.sort()
    assert all(e1 <= s2 for (_, e1), (s2, _) in zip(spans, spans[1:]))
