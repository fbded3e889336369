"""Event grouping: articles telling the same event share one event; an earlier, different event
of the same storyline gets its own event, named as related; labels are generated."""
from __future__ import annotations

import pytest
from linkkit import corpus

from rashomon.link.actors import link_actors
from rashomon.link.events import group_events

PORT = [
    ("e1", "Harbor Daily", "2024-05-10",
     "The port of Paldiski will close for two weeks from Monday, Infrastructure Minister Marta Kask said on Friday. "
     "Kask said the closure was needed to repair the main pier, which was damaged in a storm. "
     "Shipping companies said they would divert cargo to Tallinn during the closure."),
    ("e2", "Baltic Wire", "2024-05-10",
     "Estonia will shut Paldiski port for a fortnight starting Monday to repair its storm-damaged main pier, "
     "minister Marta Kask announced on Friday. Cargo will be sent to Tallinn while the port is closed, "
     "shipping firms said."),
    ("e3", None, "2024-05-11",
     "Paldiski port closes on Monday for two weeks of repairs to its main pier, the infrastructure ministry said, "
     "after minister Marta Kask announced the closure on Friday. Operators expect delays as cargo moves to Tallinn."),
    ("e4", "Harbor Daily", "2023-01-15",
     "A fire broke out at a grain warehouse in the port of Paldiski on Sunday, firefighters said. "
     "Nobody was injured, and the cause of the blaze is being investigated. "
     "The warehouse stored about 3,000 tonnes of wheat."),
]


@pytest.fixture(scope="module")
def port_state(run_article):
    st = corpus([{"id": i, "outlet": o, "published": p, "text": t} for i, o, p, t in PORT], parse=run_article)
    link_actors(st)
    group_events(st)
    return st


def test_articles_on_the_same_event_share_one_event(port_state):
    ev = {a.id: a.event for a in port_state.dossier.articles}
    assert ev["e1"] == ev["e2"] == ev["e3"]


def test_an_earlier_different_event_gets_its_own_event(port_state):
    ev = {a.id: a.event for a in port_state.dossier.articles}
    assert ev["e4"] != ev["e1"]


def test_main_event_is_the_largest_and_carries_a_generated_label(port_state):
    events = port_state.dossier.events
    main = [e for e in events if e.main]
    assert len(main) == 1 and set(main[0].articles) == {"e1", "e2", "e3"}
    assert main[0].id == "E1" and main[0].label and main[0].reason
    assert "Paldiski" in main[0].label or "port" in main[0].label.lower()
    assert main[0].date == "2024-05-10"


def test_every_article_has_an_event_listed_once(port_state):
    listed = [a for e in port_state.dossier.events for a in e.articles]
    assert listed
    assert sorted(listed) == sorted(a.id for a in port_state.dossier.articles)
    assert all(a.event for a in port_state.dossier.articles)


def test_a_lone_article_is_its_own_event():
    st = corpus([{"id": "solo", "text": "The river flooded the old town on Tuesday."}])
    group_events(st)
    assert [e.articles for e in st.dossier.events] == [["solo"]]
    assert st.dossier.articles[0].event == "E1" and st.dossier.events[0].main


def test_backstory_date_of_an_undated_article_does_not_veto_one_event():
    from rashomon.link.events import _date_agreement

    # undated article whose most-mentioned day is when the hostage was taken; the dated report
    # mentions that month too: shared backstory, not another event
    assert _date_agreement("2012-11-22", "2014-08-20", {"2012-11"}, {"2014-08", "2012-11"},
                           dated1=False, dated2=True) >= 0.5
    # two publication dates months apart stay a strong sign of two events
    assert _date_agreement("2012-11-22", "2014-08-20", {"2012-11"}, {"2014-08", "2012-11"}) < 0.05
    # an undated article's day that the other never mentions still counts against
    assert _date_agreement("2012-11-22", "2014-08-20", {"2012-11"}, {"2014-08"}, dated1=False) < 0.05
