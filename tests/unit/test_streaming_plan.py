"""The scheduling of the streamed cross-article half (engine/streaming.py): windows of
publication days, open events carried, chunks of whole events. No models."""
from __future__ import annotations

from datetime import date

from rashomon.engine.streaming import pack_chunks, plan_windows, split_open
from rashomon.models import Article, Event


def _art(aid: str, published: str | None) -> Article:
    return Article(id=aid, text="Text.", raw="Text.", published=published)


def _ev(eid: str, *arts: str) -> Event:
    return Event(id=eid, label=eid, articles=list(arts))


def test_windows_follow_publication_days_and_never_split_a_day():
    arts = [_art("c", "2024-01-02"), _art("a", "2024-01-01"), _art("b", "2024-01-01"), _art("d", "2024-01-02"),
            _art("e", "2024-01-05")]
    # two articles a window, but the second day has two articles: it stays whole
    assert plan_windows(arts, 2) == [["a", "b"], ["c", "d"], ["e"]]
    assert plan_windows(arts, 3) == [["a", "b", "c", "d"], ["e"]]


def test_undated_articles_come_last_in_windows_of_their_own():
    arts = [_art("z", None), _art("y", "2024-03"), _art("x", "2024-01-01"), _art("w", None)]
    # a month is no publication day: undated here
    assert plan_windows(arts, 2) == [["x"], ["w", "y"], ["z"]]


def test_a_corpus_that_fits_one_window_keeps_its_undated_articles_in_it():
    arts = [_art("z", None), _art("x", "2024-01-01"), _art("w", None)]
    assert plan_windows(arts, 3) == [["x", "w", "z"]]
    assert plan_windows(arts, 2) == [["x"], ["w", "z"]]
    assert plan_windows([], 2) == []


def test_an_event_within_the_date_veto_of_the_next_window_stays_open():
    day = date(2024, 1, 1).toordinal()
    day_of = {"a": day, "b": day + 5, "c": day + 50, "d": day - 200}
    events = [_ev("E1", "a", "b"), _ev("E2", "d"), _ev("E3", "c")]
    closed, opened = split_open(events, day_of, next_start=day + 60, gap=90, carry_max=10)
    assert [e.id for e in closed] == ["E2"]
    assert [e.id for e in opened] == ["E1", "E3"]


def test_the_last_window_closes_every_event():
    events = [_ev("E1", "a")]
    closed, opened = split_open(events, {"a": 10}, next_start=None, gap=90, carry_max=10)
    assert closed == events and opened == []


def test_open_events_beyond_the_carry_limit_are_closed_oldest_first():
    day_of = {"a": 100, "b": 101, "c": 150, "d": 151}
    events = [_ev("E1", "a", "b"), _ev("E2", "c", "d")]
    closed, opened = split_open(events, day_of, next_start=160, gap=90, carry_max=3)
    assert [e.id for e in opened] == ["E2"]
    assert [e.id for e in closed] == ["E1"]


def test_chunks_hold_whole_events_up_to_the_size():
    events = [_ev("E1", "a", "b"), _ev("E2", "c"), _ev("E3", "d", "e", "f", "g"), _ev("E4", "h")]
    chunks = pack_chunks(events, 3)
    assert [[e.id for e in c] for c in chunks] == [["E1", "E2"], ["E3"], ["E4"]]
    # an event larger than the size is a chunk of its own, never split
    assert [a for e in chunks[1] for a in e.articles] == ["d", "e", "f", "g"]
