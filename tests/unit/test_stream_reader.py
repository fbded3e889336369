"""How the streamed run reads its inputs (stream_run._Reader): the first articles are held until the
switch point, then they and every later article go to the spill as they are handed on; errors and
duplicates are kept for the index. No models."""
from __future__ import annotations

from rashomon.engine.spill import Spill
from rashomon.stream_run import _Reader

ITEMS = [{"id": f"a{k}", "text": f"The council of town number {k} voted to close the old bridge on Monday."} for k in range(4)]


def test_inputs_within_the_limit_stay_in_memory_as_one_batch():
    reader = _Reader(ITEMS, None)
    assert reader.head(4) is True
    assert [a.id for a in reader.ingested.articles] == ["a0", "a1", "a2", "a3"]


def test_beyond_the_limit_every_article_goes_to_the_spill_once_in_order(tmp_path):
    bad = {"id": "empty", "text": ""}
    reader = _Reader(ITEMS[:2] + [bad, dict(ITEMS[0], id="again")] + ITEMS[2:], None)
    assert reader.head(1) is False  # a third article would pass the limit: stream
    spill = Spill(tmp_path / "s.sqlite")
    handed = [a.id for a in reader.rest(spill)]
    assert handed == ["a0", "a1", "a2", "a3"]
    assert [a.id for a in spill.iter_articles()] == handed and reader.ingested.articles == []
    assert len(reader.ingested.errors) == 1 and [d.kept for d in reader.ingested.duplicates] == ["a0"]
    spill.close()
