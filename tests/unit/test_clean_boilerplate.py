"""Cleaning page furniture: each removal has a reason and a rule, content always stays, titles and
standfirsts are told apart, the outlet is taken only from evidence."""
from __future__ import annotations

import pytest

from rashomon.ingest.clean import clean_text
from rashomon.ingest.headline import dek_like, headline_like, sentence_headline
from rashomon.ingest.metadata import Meta

# Furniture in the style of other sites (none of it from the seed articles), with the reason
# each line must be removed for.
FURNITURE = [
    ("Skip to content", "nav"),
    ("Home » World » Europe", "nav"),
    ("News › Politics", "nav"),
    ("Most Read", "nav"),
    ("You may also like", "nav"),
    ("Trending Now", "nav"),
    ("Tags: floods, weather, emergency services", "nav"),
    ("5 min read", "nav"),
    ("Share this article", "social"),
    ("Share on Facebook", "social"),
    ("Facebook Twitter WhatsApp Email", "social"),
    ("Follow us on Twitter for the latest updates", "social"),
    ("Join our Telegram channel on Telegram", "social"),
    ("Click here to subscribe to our breaking news alerts", "promo"),
    ("Also read: Ten things to know about the new budget", "promo"),
    ("RELATED: Storm season could be the worst in a decade", "promo"),
    ("Download our app for news on the go", "promo"),
    ("Advertisement", "ad"),
    ("Story continues below advertisement", "ad"),
    ("Sign up for our newsletter", "newsletter"),
    ("Get the latest headlines delivered to your inbox", "newsletter"),
    ("Subscribe to continue reading", "paywall"),
    ("Already a subscriber? Log in to continue reading", "paywall"),
    ("Support independent journalism by becoming a member today", "donation"),
    ("If you value our reporting, please consider a contribution of any size.", "donation"),
    ("Comments (12)", "comment_form"),
    ("Your email address will not be published. Required fields are marked *", "comment_form"),
    ("Photo: Reuters/Jane Doe", "caption"),
    ("Rescue workers carry a resident through flood water in the town centre. (AP Photo/John Roe)", "caption"),
    ("A man looks at a damaged bridge. Getty Images", "caption"),
    ("Image credit: Civil Defence Agency", "caption"),
    ("By Jane Doe and Omar Haddad, Reuters", "byline"),
    ("Reporting by Jane Doe in Lagos; Editing by John Roe", "byline"),
    ("Anna Kowalski contributed reporting from Warsaw.", "byline"),
    ("© 2024 Example Media Group. All rights reserved.", "legal"),
    ("Privacy Policy | Terms of Use | Contact Us", "legal"),
    ("We use cookies to improve your experience on our site. By continuing to browse you agree to our cookie policy.", "cookie"),
    ("Accept all cookies", "cookie"),
]

# Reporting that must stay, some of it short or starting with a furniture-like word.
CONTENT = [
    "By late February, the rebels had lost most of the ground they had taken.",
    "By Sunday evening, rescue teams had reached the last cut-off village.",
    "Military analysts were divided over the wisdom of the gambit from the outset.",
    "The ministry denies the claims.",
    "Related fighting was reported near the border, the army said.",
    "More than 300 people were evacuated overnight, officials said.",
    "Photographs published by the agency showed collapsed roofs.",
    "Reporting by the state broadcaster could not be verified.",
    "Copyright lawsuits against the platform have multiplied this year.",
    "Share prices fell 4% after the announcement.",
    "Follow-up inspections are planned for the two dams next week.",
    "Comments made by the minister on Tuesday drew criticism from the opposition.",
    "Support for the plan fell to 38% in the latest poll.",
    "Sign language interpreters were present at the briefing.",
    "The company said it would make a donation to the relief fund.",
]


@pytest.mark.parametrize("line,reason", FURNITURE)
def test_furniture_line_from_other_sites_is_removed_with_its_reason(line, reason):
    body = "The river broke its banks in three places on Thursday, the emergency service said."
    c = clean_text(f"{body}\n\n{line}\n\n{body} More rain is expected.")
    assert line not in c.text
    removed = [r for r in c.removed if r.text == line]
    assert removed, c.removed
    assert removed[0].reason == reason and removed[0].rule


@pytest.mark.parametrize("line", CONTENT)
def test_reporting_line_is_kept_even_when_it_looks_like_furniture(line):
    body = "The river broke its banks in three places on Thursday, the emergency service said."
    c = clean_text(f"{body}\n\n{line}\n\n{body}")
    assert line in c.text, c.removed


def test_every_removal_has_raw_offsets_that_slice_the_original():
    raw = ("Skip to content\r\nHome » News\r\n\r\nFlood Defences Fail as River Hits Record Level\r\n\r\n"
           "The river rose to 9.1 metres on Thursday, the highest since records began.\r\n\r\n"
           "Share this article\r\n\r\nOfficials said repairs would take weeks.\r\n\r\nLeave a Reply\r\n")
    c = clean_text(raw)
    assert c.removed
    for r in c.removed:
        assert raw[r.raw_start:r.raw_end] == r.text
    assert [r.reason for r in c.removed] == ["nav", "nav", "title", "social", "comment_form"]
    assert c.text == ("The river rose to 9.1 metres on Thursday, the highest since records began.\n\n"
                      "Officials said repairs would take weeks.")


def test_title_case_first_line_is_the_title_and_its_repeat_is_removed():
    raw = ("Flood Defences Fail as River Hits Record Level\n\nNewsWorld\n\n"
           "Flood Defences Fail as River Hits Record Level\n\n"
           "The river rose to 9.1 metres on Thursday, the highest since records began.")
    c = clean_text(raw)
    assert c.meta.title == "Flood Defences Fail as River Hits Record Level" and c.meta.title_source == "text"
    reasons = [r.reason for r in c.removed]
    assert reasons == ["title", "repeated_title"] or reasons == ["title", "nav", "repeated_title"]
    assert c.text.startswith("The river rose")


def test_sentence_case_standfirst_is_a_dek_not_a_title():
    raw = ("The agency has reviewed the safety record of every dam in the region\n"
           "Two dams failed inspections on Friday, the agency said in a statement.\n"
           "Repairs will start next month.")
    c = clean_text(raw)
    assert c.meta.title is None
    assert c.meta.dek == "The agency has reviewed the safety record of every dam in the region"
    assert c.text.startswith("Two dams failed")
    assert [r.reason for r in c.removed] == ["dek"]


def test_first_line_ending_with_a_period_is_body_not_title():
    raw = "Two dams failed inspections on Friday, the agency said.\nRepairs will start next month."
    c = clean_text(raw)
    assert c.meta.title is None and c.meta.dek is None and c.text == raw


def test_title_after_navigation_and_dek_after_title():
    raw = ("Top Stories\n\nMost Read\n\nDam Inspectors Find Cracks in Two Walls\n\n"
           "Engineers say the structures are safe for now but need repairs\n\n"
           "Inspectors found cracks in two dam walls, the agency said on Friday.")
    c = clean_text(raw)
    assert c.meta.title == "Dam Inspectors Find Cracks in Two Walls"
    assert c.meta.dek == "Engineers say the structures are safe for now but need repairs"
    assert c.text == "Inspectors found cracks in two dam walls, the agency said on Friday."


def test_headline_tests_tell_title_case_from_sentence_case():
    assert headline_like("Ministry Says Talks Will Resume in Geneva Next Week")
    assert not headline_like("The ministry has said talks will resume in Geneva next week")
    assert not headline_like("Talks will resume in Geneva, the Ministry said.")
    assert headline_like("Obama Power Plant Rules Face Key Test in Court.")
    assert not dek_like("Clinton needs to tell more jokes. Trump needs to tell the truth. Pretty much the same, right?")
    assert sentence_headline("Ministry says talks to resume in Geneva")
    assert not sentence_headline("The ministry has said that talks will resume")
    assert dek_like("The ministry has said that talks will resume in Geneva")


def test_metadata_title_wins_and_first_line_equal_to_it_is_removed():
    meta = Meta(title="Talks Resume in Geneva", title_source="metadata")
    c = clean_text("Talks resume in Geneva\nDelegations met on Monday, the ministry said.", meta)
    assert c.meta.title == "Talks Resume in Geneva" and c.meta.title_source == "metadata"
    assert c.text == "Delegations met on Monday, the ministry said."
    assert c.removed[0].reason == "title" and c.removed[0].rule == "title.metadata"


@pytest.mark.parametrize("line,outlet", [
    ("Please consider making a donation to the Harbor Ledger to keep local news alive.", "Harbor Ledger"),
    ("Follow The Valley Sentinel on Facebook and Instagram.", "The Valley Sentinel"),
    ("© 2024 Northfield Gazette. All rights reserved.", "Northfield Gazette"),
    ("Subscribe to the Morning Dispatch newsletter for daily updates.", "Morning Dispatch"),
])
def test_outlet_is_taken_from_furniture_that_names_it(line, outlet):
    c = clean_text(f"Officials said repairs would take weeks and cost millions.\n\n{line}")
    assert c.meta.outlet == outlet and c.meta.outlet_source == "text"
    assert outlet in c.meta.outlet_evidence and c.meta.outlet_evidence in line


def test_no_outlet_without_evidence():
    c = clean_text("Reuters reported that the dam held.\n\nSubscribe to our free newsletter.\n\nFollow us on Twitter.")
    assert c.meta.outlet is None


def test_outlet_named_in_a_content_line_is_not_evidence():
    c = clean_text("The Daily Planet said on Friday it would make a donation to the Red Cross.")
    assert c.meta.outlet is None


def test_header_lines_and_front_matter_become_metadata():
    raw = ("---\ntitle: Dams Pass Inspection\noutlet: Harbor Ledger\npublished: 2024-03-14\nurl: https://example.org/a\n---\n"
           "Both dams passed inspection on Thursday, the agency said.")
    c = clean_text(raw)
    assert (c.meta.title, c.meta.outlet, c.meta.published, c.meta.url) == (
        "Dams Pass Inspection", "Harbor Ledger", "2024-03-14", "https://example.org/a")
    assert c.meta.published_source == "metadata" and c.meta.outlet_source == "metadata"
    assert c.text == "Both dams passed inspection on Thursday, the agency said."
    raw2 = ("Title: Dams Pass Inspection\nSource: Harbor Ledger\nDate: March 14, 2024\n\n"
            "Both dams passed inspection on Thursday, the agency said.")
    c2 = clean_text(raw2)
    assert (c2.meta.title, c2.meta.outlet, c2.meta.published) == ("Dams Pass Inspection", "Harbor Ledger", "2024-03-14")
    assert c2.meta.published_source == "text"
    assert c2.removed and all(r.reason == "header" for r in c2.removed)


def test_inline_date_header_shares_the_line_with_the_body():
    c = clean_text(" date 2024-03-14 Both dams passed inspection on Thursday, the agency said.\n\nMore follows.")
    assert c.meta.published == "2024-03-14" and c.meta.published_source == "text"
    assert c.text.startswith("Both dams passed inspection")
    assert c.removed[0].reason == "header" and c.removed[0].text == "date 2024-03-14"


def test_hard_wrapped_lines_are_joined_but_paragraphs_kept():
    raw = ("The river rose to 9.1 metres on Thursday, the highest level since\n"
           "records began, the agency said.\n\nRepairs will take weeks.")
    c = clean_text(raw)
    assert c.text == ("The river rose to 9.1 metres on Thursday, the highest level since records began, the agency said."
                      "\n\nRepairs will take weeks.")


def test_kursk_seed_articles_meet_the_gold_boilerplate(kursk_dir, kursk_gold):
    from rashomon.ingest import read_inputs

    gold = kursk_gold
    res = read_inputs([kursk_dir])
    arts = {a.id: a for a in res.articles}
    norm = lambda s: " ".join(s.replace("\u00a0", " ").split())
    for aid, lines in gold["boilerplate"]["must_remove"].items():
        for line in lines:
            assert norm(line) not in norm(arts[aid].text)
    for aid, lines in gold["boilerplate"]["must_keep"].items():
        for line in lines:
            assert norm(line) in norm(arts[aid].text)
    for g in gold["articles"]:
        a = arts[g["id"]]
        assert a.title == g["title"]
        assert a.outlet == g.get("outlet")
    first = res.articles[0]
    assert first.published == "2025-04-26" and first.published_source == "text"


def test_markdown_heading_marker_is_cut_and_the_heading_becomes_the_title(tmp_path):
    from rashomon.ingest import read_inputs

    (tmp_path / "m.md").write_text("# Dams Pass Inspection\n\n![a dam](dam.jpg)\n\n"
                                   "Both dams passed inspection on Thursday, the agency said.\n\n## What Comes Next\n\n"
                                   "Engineers return in June.\n", encoding="utf-8")
    a = read_inputs([tmp_path / "m.md"]).articles[0]
    assert a.title == "Dams Pass Inspection"
    assert a.text == "Both dams passed inspection on Thursday, the agency said.\n\nWhat Comes Next\n\nEngineers return in June."
    assert {r.reason for r in a.removed} == {"markup", "title"}


@pytest.mark.parametrize("line,reason", [
    ("Updated at 1:23 p.m.", "header"),
    ("- Published 18 November 2019", "header"),
    ("(Reporting by Jane Doe and Ali Khan; Editing by John Roe)", "byline"),
    ("Have a tip? Jane Doe may be reached at jdoe@example.org.", "byline"),
    ("Associated Press writers Jane Doe and John Roe contributed to this report.", "byline"),
    ("If you buy something through this post, we may get a share of the sale.", "promo"),
    ("Thanks for signing up!", "newsletter"),
    ("[Related: Ten things to know about the budget]", "promo"),
])
def test_more_furniture_styles_are_removed(line, reason):
    c = clean_text(f"The river broke its banks on Thursday, the agency said.\n\n{line}\n\nMore rain is expected, officials said.")
    assert [r.reason for r in c.removed if r.text == line] == [reason]


@pytest.mark.parametrize("line", [
    "Updated figures showed 12 deaths in the region on Friday.",
    "The summit can be reached at the end of a three-hour hike.",
    "Brokers could earn a commission of 2% under the new rules.",
    "Sources: two officials familiar with the talks.",
])
def test_reporting_lines_close_to_new_rules_stay(line):
    c = clean_text(f"The river broke its banks on Thursday, the agency said.\n\n{line}")
    assert line in c.text


def test_a_single_line_article_is_body_not_a_title():
    c = clean_text("Dam Holds After Record Flood")
    assert c.text == "Dam Holds After Record Flood" and c.meta.title is None
