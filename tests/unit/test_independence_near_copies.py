"""A syndicated copy (same body under another outlet's name) adds no outlet and no source."""
from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from linkkit import corpus  # noqa: E402

from rashomon.link.actors import link_actors  # noqa: E402
from rashomon.link.independence import assess_independence  # noqa: E402
from rashomon.models import Cluster  # noqa: E402

BODY = ("Marta Kask said the port will close. The harbour authority has asked ships to wait outside the bay until "
        "the storm passes, and ferries to the islands were cancelled for the rest of the week, officials said.")
OTHER = ("Kask told reporters the port will close. Fishermen in the old town said they had tied up their boats two days "
         "ago because the forecast looked worse than anything they remembered from recent winters.")


def _spec(aid, outlet, text, idx):
    return {"id": aid, "outlet": outlet, "text": text,
            "actors": [{"id": f"a{idx}-1", "name": "Marta Kask", "type": "person", "affiliation": "Estonian"}],
            "claims": [{"text": "the port will close", "speaker": "Marta Kask", "actor": f"a{idx}-1"}]}


def _cluster(specs):
    from rashomon.ingest.copies import mark_copies

    st = corpus(specs)
    mark_copies(st.dossier.articles)  # what ingest does when the article records are made
    link_actors(st)
    ids = [c.id for c in st.dossier.claims]
    st.dossier.clusters = [Cluster(id="k1", label="k1", claims=ids)]
    assess_independence(st)
    return st.dossier.clusters[0], st.dossier.articles


def test_a_copy_under_another_outlet_counts_as_its_original():
    k, arts = _cluster([_spec("wire", "Wire Agency", BODY, 0), _spec("reprint", "Reprint Daily", BODY.replace("officials", "port officials"), 1)])
    assert arts[1].copy_of == "wire"
    assert k.corroboration == "single_source"  # one source in one outlet: the reprint is not a second outlet
    assert "1 outlet" in k.explanation and "Reprint Daily (copy of wire)" in k.explanation


def test_an_independent_outlet_still_counts():
    k, arts = _cluster([_spec("wire", "Wire Agency", BODY, 0), _spec("own", "Own Reporting", OTHER, 1)])
    assert arts[1].copy_of is None
    assert k.corroboration == "single_source_repeated" and "2 outlets" in k.explanation
