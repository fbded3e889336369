"""Transcript labels ("NAME: words") on lines that open with a quotation mark, on text written
for these tests."""
from __future__ import annotations

from extractkit import checked_attributions


def _labelled(atts, name):
    return [a for a in atts if a.cue == ":" and a.speaker is not None and a.speaker.text == name]


def test_label_after_an_opening_quote_mark_names_the_speaker(run_article):
    text = ("The exchange went as follows:\n\n"
            "\"MODERATOR: Will the city rebuild the bridge before winter?\n\n"
            "\"MAYOR: We will rebuild it within a year, whatever it costs.\"")
    atts = checked_attributions(run_article, text)
    moderator = _labelled(atts, "MODERATOR")
    assert moderator, [(a.cue, a.speaker and a.speaker.text) for a in atts]
    assert moderator[0].content[0].text == "Will the city rebuild the bridge before winter?"
    assert moderator[0].kind == "direct"
    colon = text.index("MODERATOR") + len("MODERATOR")
    assert (moderator[0].cue_start, moderator[0].cue_end) == (colon, colon + 1)


def test_label_after_a_curly_opening_quote_mark_names_the_speaker(run_article):
    text = "Part of the interview:\n\n“GOVERNOR: The levees held and nobody was hurt in the storm.”"
    atts = checked_attributions(run_article, text)
    governor = _labelled(atts, "GOVERNOR")
    assert governor and "levees held" in governor[0].content[0].text


def test_quoted_line_with_a_lowercase_lead_is_no_label(run_article):
    text = "\"the point is simple: nobody was told about the flood in time,\" a resident said."
    atts = checked_attributions(run_article, text)
    assert not [a for a in atts if a.cue == ":"]
