"""The "another incident" cue of the event stage (link/event_instances.py), on phrases written
for the test: which words a lead says there is one more of, and when that sets a pair apart."""
from __future__ import annotations

from rashomon.link.event_instances import another_instance, fold_word, instance_nouns, split_other_instances, words
from rashomon.models import Article, ArticleAnnotations, OffsetRun
from rashomon.link.event_instances import lead_text


def test_another_introduces_the_noun_phrase_up_to_a_function_word():
    assert instance_nouns("Another tanker of the Ostra line ran aground near Kell.") == {"tanker"}
    assert instance_nouns("Officials said it was a second Veltan weather balloon.") == {"weather", "balloon"}
    assert instance_nouns("Another Tanker Runs Aground") == {"tanker", "run", "aground"}


def test_a_lead_without_a_cue_names_no_further_incident():
    assert instance_nouns("A tanker ran aground near Kell on Monday, the coast guard said.") == set()


def test_plural_and_case_fold_to_one_word():
    assert fold_word("Balloons") == "balloon" == fold_word("balloon")
    assert fold_word("Casualties") == "casualty"
    assert "tanker" in words("TANKERS collide")


def test_a_later_report_of_another_tanker_is_apart_from_the_first_report():
    first_head = words("Tanker runs aground near Kell, spilling oil")
    assert another_instance({"tanker"}, set(), first_head, "2024-03-05", "2024-03-01") == "tanker"


def test_the_first_report_is_not_the_later_one_when_dated_after_it():
    # a report dated after the "another" article may be about that second incident
    head = words("Tanker runs aground near Kell, spilling oil")
    assert another_instance({"tanker"}, set(), head, "2024-03-05", "2024-03-06") is None


def test_a_report_of_the_same_day_is_not_set_apart():
    # "another shooting" may name the very incident of the day as the latest of a series
    head = words("Gunman kills five at Kell market")
    assert another_instance({"shooting", "gunman"}, set(), head, "2024-03-05", "2024-03-05") is None


def test_two_reports_that_both_say_another_tell_of_the_same_later_incident():
    head = words("Another tanker aground off Kell")
    assert another_instance({"tanker"}, {"tanker"}, head, "2024-03-05", "2024-03-05") is None


def test_a_common_word_after_the_cue_does_not_set_articles_apart():
    # "another one", "another way": no background weight, so no incident
    assert another_instance({"way"}, set(), words("The way forward for Kell"), "2024-03-05", "2024-03-01") is None


def test_undated_articles_are_never_set_apart_by_the_cue():
    head = words("Tanker runs aground near Kell")
    assert another_instance({"tanker"}, set(), head, None, "2024-03-01") is None


def test_the_lead_is_the_title_and_the_first_sentences():
    text = "First sentence here. Second one. Third one."
    art = Article(id="a", index=0, title="Headline words", text=text, offsets=[OffsetRun(clean=0, raw=0, length=len(text))])
    ann = ArticleAnnotations(article="a", sentences=[(0, 20), (21, 32), (33, 43)])
    lead = lead_text(art, ann)
    assert lead.startswith("Headline words") and "First sentence here." in lead


# --------------------------------------------------------------------------- a day both name (link/event_days.py)

from rashomon.link.event_days import anchor_agreement  # noqa: E402


def test_a_follow_up_weeks_later_that_names_the_incident_day_keeps_strong_date_evidence():
    # the first report (published 4 days after the incident) and a hearing report two months later
    # both name the incident's day
    v = anchor_agreement("2024-01-09", "2024-03-06", {"2024-01-05", "2024-01-09"}, {"2024-01-05", "2024-03-06"})
    assert v > 0.8


def test_a_later_report_naming_the_first_report_day_is_anchored_to_it():
    assert anchor_agreement("2024-02-06", "2025-03-06", {"2024-02-06"}, {"2024-02-06"}) == 1.0


def test_reports_weeks_apart_that_name_only_their_own_days_share_no_anchor():
    assert anchor_agreement("2023-06-24", "2023-08-25", {"2023-06-24"}, {"2023-08-23", "2023-08-25"}) == 0.0


def test_a_day_after_the_earlier_report_is_no_anchor():
    # both name a day after the first publication: not the day the first one reported
    assert anchor_agreement("2024-01-09", "2024-03-06", {"2024-01-10"}, {"2024-01-10"}) == 0.0


# --------------------------------------------------------------------------- late strays (link/event_days.py)

from rashomon.link.event_days import split_late_strays  # noqa: E402


def test_a_report_weeks_later_naming_only_its_own_days_leaves_the_event():
    pub = ["2023-06-23", "2023-06-24", "2023-08-25"]
    named = [{"2023-06-23"}, {"2023-06-23", "2023-06-24"}, {"2023-08-23", "2023-08-25"}]
    groups, left = split_late_strays([[0, 1, 2]], pub, named, gap_days=14)
    assert sorted(groups) == [[0, 1], [2]] and left == {2: [0, 1]}


def test_a_report_weeks_later_naming_the_incident_day_stays():
    pub = ["2024-01-09", "2024-01-10", "2024-03-06", "2024-03-09"]
    named = [{"2024-01-05"}, {"2024-01-05"}, {"2024-01-05", "2024-03-06"}, {"2024-03-06"}]
    groups, left = split_late_strays([[0, 1, 2, 3]], pub, named, gap_days=14)
    assert groups == [[0, 1, 2, 3]] and left == {}


def test_a_later_report_that_names_no_day_stays_for_want_of_evidence():
    groups, left = split_late_strays([[0, 1]], ["2024-01-09", "2024-03-06"], [{"2024-01-09"}, set()], gap_days=14)
    assert groups == [[0, 1]] and left == {}


def test_undated_members_stay_and_reports_days_apart_form_one_run():
    pub = [None, "2024-01-09", "2024-01-15"]
    named = [{"2020-01-01"}, {"2024-01-09"}, {"2024-01-14"}]
    groups, left = split_late_strays([[0, 1, 2]], pub, named, gap_days=14)
    assert groups == [[0, 1, 2]] and left == {}


# --------------------------------------------------------------------------- taking "another X" out of its event


def test_the_article_telling_of_another_incident_leaves_and_the_earlier_reports_stay_together():
    # article 3 calls its incident another of what article 0 reported; it resembles 2 most, which
    # must not pull 2 away from 0 and 1
    another = lambda i, j: "tanker" if (i, j) == (3, 0) else None  # noqa: E731
    groups, left = split_other_instances([[0, 1, 2, 3], [4]], another)
    assert sorted(groups) == [[0, 1, 2], [3], [4]] and left == {3: ("tanker", [0, 1, 2])}


def test_only_cued_articles_are_checked():
    another = lambda i, j: "tanker"  # noqa: E731
    groups, left = split_other_instances([[0, 1]], another, cued=set())
    assert groups == [[0, 1]] and left == {}
