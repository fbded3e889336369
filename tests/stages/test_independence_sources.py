"""Independence of corroboration: outlets repeating one source count once, one government's
voices count once, opposite sides make cross-side corroboration, narration is said to be so."""
from __future__ import annotations

from linkkit import corpus

from rashomon.link.actors import link_actors
from rashomon.link.independence import apply_support_relations, assess_independence
from rashomon.models import Cluster, Relation


def _state(specs, clusters):
    st = corpus(specs)
    link_actors(st)
    st.dossier.clusters = [Cluster(id=k, label=k, claims=ids) for k, ids in clusters.items()]
    for k in st.dossier.clusters:
        for c in st.dossier.claims:
            if c.id in k.claims:
                c.cluster = k.id
    assess_independence(st)
    return {k.id: k for k in st.dossier.clusters}


MINISTER = {"id": "a{}-1", "name": "Marta Kask", "type": "person", "affiliation": "Estonian"}


def _minister(idx):
    return dict(MINISTER, id=f"a{idx}-1")


def test_three_outlets_quoting_one_minister_are_one_source():
    specs = [{"id": f"m{i}", "outlet": f"Outlet {i}", "text": "Kask said the port will close.",
              "actors": [_minister(i)], "claims": [{"text": "the port will close", "speaker": "Marta Kask", "actor": f"a{i}-1"}]}
             for i in range(3)]
    ks = _state(specs, {"k1": ["c0-0", "c1-0", "c2-0"]})
    k = ks["k1"]
    assert len(k.sources) == 1 and k.sources[0].side == "Estonia"
    assert k.corroboration == "single_source_repeated"
    assert "Marta Kask" in k.explanation and "3 outlets" in k.explanation


def test_original_speaker_of_a_chain_is_the_source_not_the_agency():
    specs = [{"id": "r1", "outlet": "Daily", "text": "Kask said, according to Reuters, the port will close.",
              "actors": [_minister(0), {"id": "a0-2", "name": "Reuters", "type": "media_outlet"}],
              "claims": [{"text": "the port will close", "speaker": "Reuters", "actor": "a0-2",
                          "chain": [("Marta Kask", "a0-1"), ("Reuters", "a0-2")]}]}]
    k = _state(specs, {"k1": ["c0-0"]})["k1"]
    assert [s.name for s in k.sources] == ["Estonia"] and k.corroboration == "single_source"


def test_voices_of_one_government_count_once():
    specs = [
        {"id": "g1", "text": "The Kremlin said the town was taken.", "actors": [{"id": "a0-1", "name": "the Kremlin", "type": "government_body"}],
         "claims": [{"text": "the town was taken", "speaker": "the Kremlin", "actor": "a0-1"}]},
        {"id": "g2", "text": "The Russian military said the town was captured.",
         "actors": [{"id": "a1-1", "name": "the Russian military", "type": "military_unit"}],
         "claims": [{"text": "the town was captured", "speaker": "the Russian military", "actor": "a1-1"}]},
    ]
    k = _state(specs, {"k1": ["c0-0", "c1-0"]})["k1"]
    assert len(k.sources) == 1 and k.sides == ["Russia"]
    assert k.corroboration == "single_source_repeated"


def test_sources_on_both_sides_make_cross_side_corroboration():
    specs = [
        {"id": "s1", "text": "Finland's army said the bridge collapsed.",
         "actors": [{"id": "a0-1", "name": "Finland's army", "type": "military_unit"}],
         "claims": [{"text": "the bridge collapsed", "speaker": "Finland's army", "actor": "a0-1"}]},
        {"id": "s2", "text": "Sweden's navy said the bridge fell down.",
         "actors": [{"id": "a1-1", "name": "Sweden's navy", "type": "military_unit"}],
         "claims": [{"text": "the bridge fell down", "speaker": "Sweden's navy", "actor": "a1-1"}]},
    ]
    k = _state(specs, {"k1": ["c0-0", "c1-0"]})["k1"]
    assert k.corroboration == "cross_side" and set(k.sides) == {"Finland", "Sweden"}
    assert len(k.sources) == 2


def test_narration_only_clusters_say_narration():
    specs = [{"id": f"n{i}", "text": f"Prices rose sharply{'.' if i else ' in May.'}",
              "claims": [{"text": f"Prices rose sharply{'' if i else ' in May'}"}]} for i in range(2)]
    k = _state(specs, {"k1": ["c0-0", "c1-0"]})["k1"]
    assert k.corroboration == "narration_only" and "narration" in k.explanation


def test_a_speaker_naming_several_countries_counts_each():
    specs = [{"id": "t1", "text": "Ukraine, the U.S. and South Korea said troops arrived.",
              "claims": [{"text": "troops arrived", "speaker": "Ukraine, the U.S. and South Korea"}]}]
    k = _state(specs, {"k1": ["c0-0"]})["k1"]
    assert {s.side for s in k.sources} == {"Ukraine", "United States", "South Korea"}


def test_support_relation_across_sides_upgrades_to_cross_side():
    specs = [
        {"id": "u1", "text": "Finland's army said the dam broke.", "actors": [{"id": "a0-1", "name": "Finland's army", "type": "military_unit"}],
         "claims": [{"text": "the dam broke", "speaker": "Finland's army", "actor": "a0-1"}]},
        {"id": "u2", "text": "Sweden's navy confirmed the dam had failed.",
         "actors": [{"id": "a1-1", "name": "Sweden's navy", "type": "military_unit"}],
         "claims": [{"text": "the dam had failed", "speaker": "Sweden's navy", "actor": "a1-1"}]},
    ]
    st = corpus(specs)
    link_actors(st)
    st.dossier.clusters = [Cluster(id="k1", label="a", claims=["c0-0"]), Cluster(id="k2", label="b", claims=["c1-0"])]
    assess_independence(st)
    assert st.dossier.clusters[0].corroboration == "single_source"
    st.dossier.relations = [Relation(id="r1", type="supports", a="k2", b="k1", explanation="confirms")]
    assert apply_support_relations(st) == 2
    assert st.dossier.clusters[0].corroboration == "cross_side"
