"""Robustness on news the pipeline was not tuned on: a three-outlet mini-event about a US state
politics story, a single article, awkward inputs (no quotes, another language, HTML, JSONL with
missing fields). Every text here is written for these tests (in the style of wire and newspaper
copy); none is taken from a benchmark.

The tests marked ``xfail`` record defects found in the robustness audit (2026-11-22) that belong
to modules other than ingestion; they turn into passes when the owning module is fixed.
"""
from __future__ import annotations

import json

import pytest

# --------------------------------------------------------------------------- the texts

WIRE = """Governor vetoes water bill, citing cost

SPRINGFIELD, May 12 (Reuters) - Governor Ellen Marsh on Tuesday vetoed a bill that would have \
spent $2.4 billion on new water pipes, saying the state could not afford it.

"This bill would put the state deeper into debt," Marsh said in a statement. She added that she \
would work with lawmakers on a smaller plan.

Senate Majority Leader Carl Ruiz said the veto was a mistake. "Families in the river towns will \
keep drinking unsafe water," he said.

The bill passed the Senate 31 to 8 in April. Lawmakers need 36 votes to override the veto.
"""

PAPER = """Marsh blocks $2.4 billion pipe plan

Gov. Ellen Marsh rejected the water infrastructure bill on Tuesday, arguing that the $2.4 billion \
price tag was too high for a state still paying off its pension debt.

"This bill would put the state deeper into debt," the governor said.

Democrats were furious. Sen. Carl Ruiz, the majority leader, called the veto "a betrayal of \
families who cannot trust their tap water." He said Democrats would try to override it next month.

The governor's office said the plan would have raised borrowing costs by about 15 percent.
"""

BLOG = """Veto leaves river towns waiting for clean water

Residents of the river towns will have to wait longer for clean water after Governor Ellen Marsh \
vetoed a $2.4 billion pipe bill on Tuesday.

Trying to quell the furor, Marsh issued a statement on Wednesday. Marsh said the bill would push \
the state deeper into debt. Ruiz, who wrote the bill, said it was \
"a mistake that families will pay for."

Tests last year found lead levels above the federal limit in 40 percent of homes in the town of \
Millbrook, according to the state health department.
"""

NO_QUOTES = """The county board approved the new library budget on Monday. The budget sets aside \
$3 million for the building and $400,000 for books. Construction will begin next spring and is \
expected to last two years. The library will be 25,000 square feet.
"""

FRENCH = """Le gouvernement a annoncé mardi une hausse de 5 % des impôts locaux. « Nous n'avons pas \
le choix », a déclaré le ministre des Finances. Les syndicats ont dénoncé une mesure injuste.
"""

HTML = """<html><head><title>Bridge closed after crack found - Valley Courier</title>
<meta property="og:site_name" content="Valley Courier">
<meta property="article:published_time" content="2023-03-07T09:00:00Z"></head>
<body><nav><a href="/">Home</a> | <a href="/news">News</a> | <a href="/sport">Sport</a></nav>
<article><h1>Bridge closed after crack found</h1>
<p>The Elm Street bridge was closed to traffic on Monday after inspectors found a crack in one of
its steel beams, city officials said.</p>
<p>"We will not reopen it until engineers tell us it is safe," Public Works Director Dana Cole
said. Repairs could take up to six weeks, she said.</p>
<p>About 12,000 vehicles cross the bridge every day, according to a 2021 traffic study.</p>
<p>Sign up for our newsletter to get the latest local news in your inbox!</p>
</article><footer>Copyright 2023 Valley Courier. All rights reserved.</footer></body></html>
"""


def _jsonl(path, records):
    path.write_text("\n".join(json.dumps(r) for r in records) + "\n", encoding="utf-8")
    return path


def _assert_offsets_slice(dossier):
    """Every record that carries an article and offsets slices that article's cleaned text."""
    texts = {a.id: a.text for a in dossier.articles}
    sliced = []

    def check(obj, article=None):
        if isinstance(obj, dict):
            article = obj.get("article") if isinstance(obj.get("article"), str) else article
            s, e = obj.get("start"), obj.get("end")
            if isinstance(s, int) and isinstance(e, int) and article is not None:
                t = texts[article]
                assert 0 <= s <= e <= len(t), (article, s, e)
                sliced.append((article, s, e))
                if isinstance(obj.get("text"), str):
                    assert t[s:e] == obj["text"], (article, s, e, obj["text"])
            for v in obj.values():
                check(v, article)
        elif isinstance(obj, list):
            for v in obj:
                check(v, article)

    dump = dossier.model_dump()
    for section in ("attributions", "claims", "quantities", "times", "clusters", "relations", "checks",
                    "framing", "actors"):
        check(dump[section])
    assert sliced, "the dossier has no record with offsets"


# --------------------------------------------------------------------------- fixtures


@pytest.fixture(scope="session")
def mini_event(tmp_path_factory, nlp):
    import rashomon

    d = tmp_path_factory.mktemp("mini_event")
    path = _jsonl(d / "veto.jsonl", [
        {"id": "wire", "text": WIRE, "outlet": "Reuters", "published": "2023-05-12"},
        {"id": "paper", "text": PAPER, "outlet": "State Journal", "published": "2023-05-13"},
        {"id": "blog", "text": BLOG, "outlet": "River Voice", "published": "2023-05-13"},
    ])
    return rashomon.analyze([path], jobs=1)


@pytest.fixture(scope="session")
def edge_batch(tmp_path_factory, nlp):
    """One run over awkward inputs: no quotes, French, HTML, and JSONL lines with missing fields."""
    import rashomon

    d = tmp_path_factory.mktemp("edge")
    (d / "library.txt").write_text(NO_QUOTES, encoding="utf-8")
    (d / "impots.txt").write_text(FRENCH, encoding="utf-8")
    (d / "bridge.html").write_text(HTML, encoding="utf-8")
    (d / "partial.jsonl").write_text(
        '{"id": "no-text"}\n'
        '{"text": "The minister resigned on Friday after the scandal, his office said."}\n'
        '{"id": "empty", "text": "", "title": "Empty"}\n'
        '{"id": "bad-date", "text": "Police said 40 people were arrested in the square.", "published": "not a date", "outlet": null}\n'
        'this line is not JSON\n'
        '{"id": "number-text", "text": 12}\n', encoding="utf-8")
    return rashomon.analyze([d], jobs=1)


# --------------------------------------------------------------------------- end to end


def test_three_outlet_mini_event_runs_and_every_offset_slices_the_text(mini_event):
    assert [a.id for a in mini_event.articles] == ["blog", "paper", "wire"]  # canonical order (by id), whatever the input order
    assert mini_event.claims and mini_event.attributions
    _assert_offsets_slice(mini_event)


def test_three_outlet_mini_event_is_one_event(mini_event):
    assert len(mini_event.events) == 1
    assert set(mini_event.events[0].articles) == {"wire", "paper", "blog"}


def test_the_quote_two_outlets_share_lands_in_one_cluster(mini_event):
    by_id = {c.id: c for c in mini_event.claims}
    shared = [k for k in mini_event.clusters
              if {"wire", "paper"} <= {by_id[c].article for c in k.claims}
              and any("deeper into debt" in by_id[c].text for c in k.claims)]
    assert shared, "the governor's quote carried by two outlets is not clustered"


def test_summary_cites_only_claims_that_exist(mini_event):
    ids = {c.id for c in mini_event.claims}
    assert mini_event.summary
    for s in mini_event.summary:
        assert set(s.cites) <= ids


def test_single_article_input_gives_a_full_dossier(tmp_path, nlp):
    import rashomon

    (tmp_path / "wire.txt").write_text(WIRE, encoding="utf-8")
    d = rashomon.analyze([tmp_path / "wire.txt"], jobs=1)
    assert len(d.articles) == 1 and len(d.events) == 1
    assert d.articles[0].title == "Governor vetoes water bill, citing cost"
    assert any(a.speaker and "Marsh" in a.speaker.name for a in d.attributions)
    _assert_offsets_slice(d)


def test_awkward_inputs_do_not_crash_and_bad_lines_are_reported(edge_batch):
    ids = {a.id for a in edge_batch.articles}
    assert {"library", "impots", "bridge", "bad-date"} <= ids
    codes = {e.code for e in edge_batch.run.errors}
    assert "bad_json" in codes
    assert len(edge_batch.run.errors) >= 3  # no text, empty text, not JSON, text not a string
    _assert_offsets_slice(edge_batch)


def test_article_without_quotes_has_no_direct_quotes(edge_batch):
    assert not [a for a in edge_batch.attributions if a.article == "library" and a.kind == "direct"]
    assert [c for c in edge_batch.claims if c.article == "library"]


def test_unparseable_published_value_is_null_with_a_reason(edge_batch):
    art = next(a for a in edge_batch.articles if a.id == "bad-date")
    assert art.published is None
    assert "not a date" in art.published_reason


def test_unreadable_metadata_date_gives_way_to_a_date_header(tmp_path):
    from rashomon.ingest import read_inputs

    (tmp_path / "a.jsonl").write_text(json.dumps(
        {"id": "a", "published": "sometime", "text": "Date: March 14, 2024\n\nBoth dams passed inspection, the agency said."}) + "\n")
    art = read_inputs([tmp_path / "a.jsonl"]).articles[0]
    assert art.published == "2024-03-14" and "header" in art.published_reason


def test_html_page_keeps_the_story_and_drops_the_furniture(edge_batch):
    art = next(a for a in edge_batch.articles if a.id == "bridge")
    assert art.outlet == "Valley Courier"
    assert art.published and art.published.startswith("2023-03-07")
    assert "crack in one of" in art.text and "12,000 vehicles" in art.text
    assert "newsletter" not in art.text and "All rights reserved" not in art.text
    assert "Home" not in art.text.split()


# --------------------------------------------------------------------------- ingestion fixes (ingest is H8's)


def test_wire_byline_names_the_outlet_when_metadata_does_not(tmp_path):
    from rashomon.ingest import read_inputs

    (tmp_path / "flood.txt").write_text(
        "Flood waters rise in river town\n\nBy Jane Doe, Reuters\n\nRIVERTON, March 3 (Reuters) - Flood "
        "waters rose above 4.5 metres in Riverton on Tuesday, the mayor said.\n", encoding="utf-8")
    art = read_inputs([tmp_path / "flood.txt"]).articles[0]
    assert art.outlet == "Reuters"
    assert art.outlet_evidence == "RIVERTON, March 3 (Reuters)"


@pytest.mark.parametrize("raw,outlet", [
    ("WASHINGTON (AP) -- The Senate voted 52 to 48 on Tuesday to confirm the judge.\n", "AP"),
    ("Council backs plan\n\nBy Jane Doe and John Roe | The Harbor Ledger\n\nThe council met on Monday, officials said.\n",
     "The Harbor Ledger"),
    ("Council backs plan\n\nBy Jane Doe, Staff Writer\n\nThe council met on Monday, officials said.\n", None),
    ("Council backs plan\n\nBy Jane Doe, John Roe\n\nThe council met on Monday, officials said.\n", None),
    ("Officials in Washington (AP) said the vote was close.\n", None),
])
def test_outlet_from_dateline_or_byline_only_with_evidence(raw, outlet):
    from rashomon.ingest.clean import clean_text

    c = clean_text(raw)
    assert c.meta.outlet == outlet
    if outlet:
        assert c.meta.outlet_source == "text" and outlet in c.meta.outlet_evidence


def test_article_not_in_english_is_analysed_with_a_note(tmp_path):
    from rashomon.ingest import read_inputs

    (tmp_path / "impots.txt").write_text(FRENCH * 2, encoding="utf-8")
    (tmp_path / "library.txt").write_text(NO_QUOTES, encoding="utf-8")
    res = read_inputs([tmp_path])
    assert {a.id for a in res.articles} == {"impots", "library"}
    notes = [n for n in res.notes if "English" in n]
    assert len(notes) == 1 and "impots" in notes[0]


# --------------------------------------------------------------------------- audit findings (other modules)


def test_pronoun_after_reported_speech_resolves_to_the_speaker(run_article):
    st = run_article("Sen. Carl Ruiz said Governor Marsh must apologize to the families. "
                     "\"She needs to listen to the river towns,\" he said.", published="2023-05-13")
    att = [a for a in st.ann.attributions if a.speaker and a.speaker.text == "he"]
    assert att and "Ruiz" in att[0].speaker.name


def test_needless_to_say_is_not_an_attribution(run_article):
    st = run_article("The pushback peaked with a letter from Ruiz. \u201cNeedless to say, the pipe plan was not "
                     "\u201ca plan of Marsh\u2019s making.\u201d It has been debated for years.", published="2023-05-13")
    assert not [a for a in st.ann.attributions if a.cue == "say"]


def test_pronoun_speaker_after_a_surname_is_resolved(run_article):
    st = run_article("Ruiz wrote on Friday. He added, \u201cThe plan was never about cost.\u201d", published="2023-05-13")
    assert st.ann.attributions and st.ann.attributions[-1].speaker.name == "Ruiz"


def test_show_titles_are_not_time_expressions(run_article):
    st = run_article('Speaking on ABC\'s "This Week," Sen. John Roe said the comments were "wildly inaccurate."',
                     published="2010-07-04")
    assert [t.text for t in st.ann.times] == []


def test_surname_in_one_outlet_and_full_name_in_another_are_one_actor(mini_event):
    marsh = [a for a in mini_event.actors if "Marsh" in a.name]
    assert len(marsh) == 1, [(a.id, a.name, a.type) for a in marsh]
    ruiz = [a for a in mini_event.actors if "Ruiz" in a.name]
    assert len(ruiz) == 1, [(a.id, a.name, a.type) for a in ruiz]


def test_no_contradiction_between_claims_about_different_things(tmp_path, nlp):
    import rashomon

    path = _jsonl(tmp_path / "two.jsonl", [
        {"id": "one", "outlet": "A", "published": "2023-05-12",
         "text": "The mayor issued a statement on Friday afternoon about the bridge. "
                 "She said repairs would start in June."},
        {"id": "two", "outlet": "B", "published": "2023-05-12",
         "text": "In her statement on Friday, the mayor did not respond to calls for her resignation. "
                 "Repairs to the bridge will start in June, she said."},
    ])
    d = rashomon.analyze([path], jobs=1)
    assert not [r for r in d.relations if r.type == "contradicts"], [r.explanation for r in d.relations]


def test_the_same_negated_quote_in_two_outlets_is_not_a_contradiction(tmp_path, nlp):
    import rashomon

    quote = "\u201cIt\u2019s not something to be decided by a show of hands,\u201d"
    path = _jsonl(tmp_path / "sisters.jsonl", [
        {"id": "one", "outlet": "A", "published": "2013-08-31",
         "text": "Anna Roe, the younger sister of Senate candidate Beth Roe, criticized her sister on Friday. "
                 f"{quote} Anna Roe wrote."},
        {"id": "two", "outlet": "B", "published": "2013-09-01",
         "text": "Beth Roe has said the matter should be left to the states, concluding: "
                 f"{quote} Her sister Anna posted on Facebook on Friday that Beth was wrong."},
    ])
    d = rashomon.analyze([path], jobs=1)
    # seen on BASIL 2013: one quote, carried by two outlets, was called a contradiction of itself
    bad = [r for r in d.relations if r.type == "contradicts"
           and any("show of hands" in e.text for e in r.evidence[:1])
           and all("show of hands" in e.text for e in r.evidence[:2])]
    assert not bad, [r.explanation for r in bad]


def test_ordinal_with_article_is_not_a_fraction(run_article):
    st = run_article("The senator hopes to win a seventh term in 2016.", published="2013-03-25")
    assert not [q for q in st.ann.quantities if q.unit == "fraction"]


def test_inverted_attribution_with_a_less_common_cue(run_article):
    st = run_article('"It is completely inconsistent with his latest statement," summarized Roe.', published="2010-07-04")
    assert st.ann.attributions and st.ann.attributions[0].speaker.name == "Roe"


def test_called_with_quoted_words_is_an_attribution(run_article):
    st = run_article('Sen. Carl Ruiz called the governor\'s comments "unacceptable" and "inaccurate."',
                     published="2010-07-04")
    assert st.ann.attributions and "Ruiz" in st.ann.attributions[0].speaker.name


def test_name_colon_headline_becomes_the_title_and_notes_do_not():
    from rashomon.ingest.clean import clean_text

    body = "Carl Ruiz offered pointed advice to the governor on Friday ahead of the budget debate next week."
    c = clean_text(f"Ruiz: Marsh needs to 'stop the personal attacks' before the vote.\n\n{body}\n")
    assert c.meta.title.startswith("Ruiz: Marsh") and c.text == body
    for lead in ("Update: The council voted 7-2 on Monday night to approve the budget.",
                 "SPRINGFIELD: The council voted 7-2 on Monday night to approve the budget."):
        c = clean_text(f"{lead}\n\n{body}\n")
        assert lead in c.text


def test_picture_source_line_is_removed_as_a_caption():
    from rashomon.ingest.clean import clean_text

    c = clean_text("Council backs plan\n\nThe council backed the plan on Monday, officials said.\n\nGetty/Instagram.\n\n"
                   "Critics said the vote was rushed and that residents had no say.\n")
    assert "Getty" not in c.text and any(r.reason == "caption" for r in c.removed)
