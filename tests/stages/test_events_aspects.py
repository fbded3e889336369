"""Different aspects of one incident (real parse and sentence encoder, articles written for the
test): reports of the same fire that tell different things - the fire itself, dead fish in the
river days later, a governor's visit and a town meeting - and name the same small town in their
leads within a few weeks form one event (link/event_anchors.py); a fire of the same kind in
another town on the same days, and one in the same town months later, stay apart."""
from __future__ import annotations

import pytest
from linkkit import corpus

from rashomon.link.actors import link_actors
from rashomon.link.events import group_events

ASPECTS = [
    ("f1", "Valley Courier", "2024-03-04",
     "A fire at the Kestrel Polymers plant in Brenmoor sent black smoke over the town on Sunday, and about "
     "900 residents of Brenmoor were told to leave their homes, fire chief Ola Brandt said. Firefighters "
     "kept the flames away from two tanks of solvent through the night."),
    ("f2", "State Wire", "2024-03-11",
     "Wildlife officers counted about 4,000 dead fish in the Tamsen creek below Brenmoor on Sunday. Anglers "
     "were asked to keep away from the creek until the water tests are finished."),
    ("f3", "Capital Post", "2024-03-15",
     "Governor Lena Hask toured Brenmoor on Thursday and promised state money to test the wells of every "
     "household in the valley. She told reporters that Kestrel Polymers would pay."),
    ("f4", "Valley Courier", "2024-03-20",
     "Angry residents of Brenmoor filled the school gym on Tuesday evening to ask why the sirens sounded so "
     "late. Town manager Piet Oster said a new alarm plan would be ready by the summer."),
]

ELSEWHERE = ("g1", "State Wire", "2024-03-05",
             "A fire at a fertiliser depot in Tolvard burned for six hours on Monday before firefighters put it "
             "out, and nobody was hurt, the Tolvard fire service said. The depot's owner said the cause was a "
             "faulty heater.")

MONTHS_LATER = ("h1", "Valley Courier", "2024-08-27",
                "A fire at a furniture warehouse in Brenmoor destroyed the building on Monday night, the fire "
                "service said. No one was inside, and the police are looking for the cause.")


@pytest.fixture(scope="module")
def grouped(run_article):
    rows = ASPECTS + [ELSEWHERE, MONTHS_LATER]

    def parse_with_times(text, published=None, until=None, article_id="t1"):
        return run_article(text, published=published, until="times", article_id=article_id)

    st = corpus([{"id": i, "outlet": o, "published": p, "text": t} for i, o, p, t in rows], parse=parse_with_times)
    st.dossier.times = [t for a in st.dossier.articles for t in st.annotations[a.id].times]
    link_actors(st)
    group_events(st)
    return {a.id: a.event for a in st.dossier.articles}, st


def test_reports_of_different_aspects_of_one_incident_join(grouped):
    ev, _ = grouped
    assert ev["f1"] == ev["f2"] == ev["f3"] == ev["f4"]


def test_the_town_both_leads_name_is_a_place_in_the_lead(grouped):
    _, st = grouped
    ann = st.annotations["f3"]
    town = [e for e in ann.entities if e.text == "Brenmoor"]
    assert town and st.dossier.articles[[a.id for a in st.dossier.articles].index("f3")].text[town[0].start:town[0].end] == "Brenmoor"


def test_a_fire_of_the_same_kind_in_another_town_on_the_same_days_stays_apart(grouped):
    ev, _ = grouped
    assert ev["g1"] != ev["f1"]


def test_a_fire_in_the_same_town_months_later_stays_apart(grouped):
    ev, _ = grouped
    assert ev["h1"] != ev["f1"] and ev["h1"] != ev["g1"]
