"""Near copies (syndication: the same body under another title, small edits) are found at ingest."""
from __future__ import annotations

from rashomon.models import Article

BODY = (
    "The regional governor said on Tuesday that floodwater had reached the old bridge in the river town. "
    "About 1,200 residents were moved to schools on higher ground overnight, officials said. "
    "The weather service warned that more rain was expected over the weekend across the valley. "
    "Volunteers filled sandbags outside the town hall while the army sent two helicopters. "
    "The mayor said the damage to homes near the harbour could take months to repair. "
    "Power was cut to three districts as a precaution, according to the local utility. "
)
EDITED = BODY.replace("on Tuesday", "on Tuesday morning").replace("two helicopters", "three helicopters")
OTHER = (
    "Rescue teams worked through the night in the valley after days of heavy rain. "
    "Residents described water rising to the first floor of their homes within an hour. "
    "An engineer at the dam said its gates had been opened to relieve pressure on the walls. "
    "Schools on higher ground were opened as shelters, and the army sent helicopters to help. "
    "Insurers said claims would be counted once the water had gone down across the region. "
)


def _art(aid, text, outlet=None, title=None):
    return Article(id=aid, text=text, outlet=outlet, title=title)


def test_a_syndicated_copy_with_small_edits_resembles_its_original():
    from rashomon.ingest.copies import resemblance, shingles

    assert resemblance(shingles(BODY), shingles(EDITED)) > 0.7


def test_independent_reports_of_the_same_event_do_not_resemble():
    from rashomon.ingest.copies import resemblance, shingles

    assert resemblance(shingles(BODY), shingles(OTHER)) < 0.2


def test_mark_copies_points_a_copy_at_the_first_article_and_leaves_others_alone():
    from rashomon.ingest.copies import mark_copies

    arts = [_art("wire", BODY, "Wire Agency"), _art("paper", OTHER, "Daily Paper"),
            _art("reprint", "Floods hit river town\n" + EDITED, "Reprint News", "Floods hit river town")]
    found = mark_copies(arts)
    assert [(c, o) for c, o, _ in found] == [("reprint", "wire")]
    assert arts[2].copy_of == "wire" and arts[2].copy_similarity >= 0.5
    assert arts[0].copy_of is None and arts[1].copy_of is None


def test_a_copy_of_a_copy_points_at_the_original():
    from rashomon.ingest.copies import mark_copies

    arts = [_art("a", BODY), _art("b", EDITED), _art("c", EDITED.replace("old bridge", "stone bridge"))]
    mark_copies(arts)
    assert arts[1].copy_of == "a" and arts[2].copy_of == "a"
