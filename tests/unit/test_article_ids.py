"""Article ids never depend on the position of an input in its file or batch."""
from __future__ import annotations

import json

from rashomon.ids import span_id
from rashomon.ingest import read_inputs


def test_jsonl_records_without_id_are_named_by_content_not_line(tmp_path):
    a = {"text": "The council voted to close the old library on Main Street after a long debate."}
    b = {"text": "Snow closed the mountain pass for the second time this week, the road agency said."}
    (tmp_path / "one").mkdir()
    (tmp_path / "two").mkdir()
    (tmp_path / "one" / "news.jsonl").write_text(json.dumps(a) + "\n" + json.dumps(b) + "\n", encoding="utf-8")
    (tmp_path / "two" / "news.jsonl").write_text(json.dumps(b) + "\n", encoding="utf-8")
    ids_one = {x.text: x.id for x in read_inputs([tmp_path / "one"]).articles}
    ids_two = {x.text: x.id for x in read_inputs([tmp_path / "two"]).articles}
    assert ids_one[b["text"]] == ids_two[b["text"]]
    assert ids_one[a["text"]] != ids_one[b["text"]] and all(i.startswith("news-") for i in ids_one.values())


def test_two_records_of_one_kind_on_one_span_get_distinct_ids_in_the_order_made():
    taken: set[str] = set()
    assert [span_id("c", "x", 3, 9, taken) for _ in range(3)] == ["c:x:3-9", "c:x:3-9~2", "c:x:3-9~3"]
    assert span_id("q", "x", 3, 9, taken) == "q:x:3-9"
