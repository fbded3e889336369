"""Which headlines may title an event: real ones, not page furniture taken for a title."""
from __future__ import annotations

from rashomon.link.events import _headline, _shared_titles
from rashomon.models import Article


def _a(aid, title, copy_of=None):
    return Article(id=aid, text=f"text of {aid}", title=title, copy_of=copy_of)


def test_a_site_name_line_is_not_a_headline():
    assert _headline(_a("a", "- Daily Planet, 1920")) is None
    assert _headline(_a("b", "Flood")) is None
    assert _headline(_a("c", "  Floodwater   reaches the old bridge ")) == "Floodwater reaches the old bridge"
    assert _headline(_a("d", "‘Havoc’ as river bursts its banks")) == "‘Havoc’ as river bursts its banks"


def test_a_title_two_different_texts_carry_is_furniture_but_a_copy_may_share_it():
    arts = [_a("a", "Latest news from the valley"), _a("b", "Latest news from the valley"),
            _a("c", "River bursts its banks in the valley"), _a("d", "River bursts its banks in the valley", copy_of="c")]
    assert _shared_titles(arts) == {"Latest news from the valley"}
