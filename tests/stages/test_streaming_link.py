"""The streamed cross-article half (engine/streaming.py) on articles analysed by the real
per-article half: a corpus that fits one window and one chunk gets the dossier of one batch
linked whole (``rashomon.api.link_articles`` with ``events.partition`` off); split into windows and chunks, every article is linked once and
events are found as in one batch when they lie far apart."""
from __future__ import annotations

import pytest

from rashomon.api import link_articles
from rashomon.engine.streaming import MemorySource, StreamReport, find_events, link_stream, write_chunks
from rashomon.settings import Settings

TEXTS = [
    ("t-flood-1", "2024-03-04", "Floods forced 2,000 people from their homes in the river town of Marlow on Monday, "
     "the regional governor said. Rescue teams said the water rose two metres overnight."),
    ("t-flood-2", "2024-03-05", "About 2,000 residents of Marlow left their homes after the river burst its banks, "
     "the governor said on Tuesday. Officials said the water level rose by two metres."),
    ("t-mine-1", "2024-10-20", "Twelve miners were rescued from a collapsed copper mine near Dunmore on Sunday, "
     "the mining company said. The company said the tunnel collapsed after heavy rain."),
    ("t-mine-2", "2024-10-21", "Rescuers brought 12 miners out of the Dunmore copper mine, the company said on Monday. "
     "Union leaders said the mine had ignored safety warnings."),
]


@pytest.fixture(scope="module")
def records(run_article):
    arts, anns = [], {}
    for aid, day, text in TEXTS:
        st = run_article(text, published=day, until="encode", article_id=aid)
        arts.append(st.article)
        anns[aid] = st.ann
    return arts, anns


@pytest.fixture(scope="module")
def batch(records):
    arts, anns = records
    # a chunk runs every corpus stage on all its articles: one batch linked whole (not part by part)
    return link_articles([a.model_copy() for a in arts], anns, settings=Settings(events={"partition": False}))


def _streamed(records, **blocking):
    arts, anns = records
    out: list = []
    report = link_stream(MemorySource(arts, anns), lambda k, d: out.append((k, d)),
                         settings=Settings(blocking=blocking) if blocking else None)
    return out, report


def _partition(events) -> set[frozenset[str]]:
    return {frozenset(e.articles) for e in events}


def test_one_window_and_one_chunk_give_the_batch_dossier(records, batch):
    out, report = _streamed(records)
    assert (report.windows, report.chunks) == (1, 1)
    [(k, dossier)] = out
    assert k == 1
    assert dossier.model_dump(mode="json", exclude={"run"}) == batch.model_dump(mode="json", exclude={"run"})


def test_windows_and_chunks_link_every_article_once(records, batch):
    out, report = _streamed(records, stream_window=1, stream_chunk=2)
    linked = [a.id for _, d in out for a in d.articles]
    assert sorted(linked) == sorted(a for a, _, _ in TEXTS)
    assert report.windows == 4 and report.chunk_max <= 2
    claims = [c.id for _, d in out for c in d.claims]
    assert sorted(claims) == sorted(c.id for c in batch.claims)
    ids = [e.id for _, d in out for e in d.events]
    assert len(ids) == len(set(ids))


def test_an_event_cut_by_a_window_is_carried_and_grouped_as_in_one_batch(records, batch):
    arts, anns = records
    report = StreamReport()
    # one article a window: each article's event is still open when the next day's window comes
    events = find_events(MemorySource(arts, anns), settings=Settings(blocking={"stream_window": 1}), report=report)
    assert report.carried_max >= 1
    assert any(len(e.articles) == 2 for e in batch.events)  # one batch puts the two flood reports together
    assert _partition(events) == _partition(batch.events)
    assert sorted(a for e in events for a in e.articles) == sorted(a for a, _, _ in TEXTS)


def _chunk_files(folder) -> dict[str, dict]:
    import json

    return {p.name: {k: v for k, v in json.loads(p.read_text(encoding="utf-8")).items() if k != "run"}
            for p in sorted(folder.glob("chunk-*.json"))}


def test_chunks_in_worker_processes_give_the_dossiers_of_one_process(records, tmp_path):
    arts, anns = records
    settings = Settings(blocking={"stream_window": 1, "stream_chunk": 2})
    serial = link_stream(MemorySource(arts, anns), write_chunks(tmp_path / "serial"), settings=settings)
    sizes: dict = {}
    pooled = link_stream(MemorySource(arts, anns), write_chunks(tmp_path / "pooled"), settings=settings, jobs=2,
                         on_result=sizes.__setitem__)
    assert pooled.jobs == 2 and pooled.chunks == serial.chunks >= 2
    assert sorted(sizes) == list(range(1, serial.chunks + 1)) and all(v > 0 for v in sizes.values())
    assert pooled.worker_peak_mb > 0 and set(pooled.stage_s) == set(serial.stage_s)
    one, two = _chunk_files(tmp_path / "serial"), _chunk_files(tmp_path / "pooled")
    assert len(one) == serial.chunks
    assert one == two
