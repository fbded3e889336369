"""Events over days (real parse and sentence encoder, articles written for the test): a
follow-up two days later that names the same actors and the incident's key nouns joins the
incident's event, and so does an inquiry report seven weeks later that names the incident's day; a different incident of the same kind, told as "another" one at another place
and date, stays apart, as does a later, different incident of the same actors."""
from __future__ import annotations

import pytest
from linkkit import corpus

from rashomon.link.actors import link_actors
from rashomon.link.events import group_events

SPILL = [
    ("r1", "Valley Courier", "2024-04-02",
     "A freight train operated by Corven Rail derailed outside the town of Midlow on Monday night, and "
     "twelve tank cars spilled diesel into the Lessa river, the county fire chief said. About 400 residents "
     "of Midlow were told to leave their homes while crews contained the spill."),
    ("r2", "State Wire", "2024-04-02",
     "Residents of Midlow were evacuated after a Corven Rail freight train came off the tracks and tank cars "
     "leaked diesel into the Lessa river. Fire chief Dana Holm said no one was hurt in the derailment."),
    ("r3", "Valley Courier", "2024-04-04",
     "Two days after the Corven Rail derailment at Midlow, residents returned home on Wednesday as the "
     "county lifted the evacuation order. Fire chief Dana Holm said the diesel spill in the Lessa river "
     "had been contained, and Corven Rail said it would pay for the clean-up of the river at Midlow."),
]

INQUIRY = ("r6", "Capital Post", "2024-05-21",
           "The national rail safety board said on Tuesday that a cracked weld caused the April 1 accident at "
           "Midlow. Board chair Irena Vos told lawmakers that inspectors had flagged the weld in 2022 and that "
           "the operator never replaced it.")

ANOTHER = ("r4", "State Wire", "2024-05-06",
           "Another Corven Rail freight train derailed on Sunday, this time near the port of Essby, 200 "
           "kilometres from Midlow. Eight empty grain wagons left the tracks in the Essby rail yard, and "
           "nobody was evacuated, Corven Rail said.")

RESIGN = ("r7", "Valley Courier", "2024-05-17",
          "Corven Rail's chief executive Paul Arne resigned on Thursday, May 16, after the company lost its "
          "contract for the Lessa valley line, Corven Rail said. The board named finance chief Mira Tal as "
          "interim chief executive of Corven Rail from Friday, May 17.")

LATER = ("r5", "Business Daily", "2024-09-12",
         "Corven Rail agreed on Thursday to pay a fine of 3 million to the transport regulator over safety "
         "failures in its track inspections, the regulator said. The company's chief executive said Corven "
         "Rail had hired new inspectors.")


@pytest.fixture(scope="module")
def events(run_article):
    rows = SPILL + [INQUIRY, ANOTHER, RESIGN, LATER]
    def parse_with_times(text, published=None, until=None, article_id="t1"):
        return run_article(text, published=published, until="times", article_id=article_id)

    st = corpus([{"id": i, "outlet": o, "published": p, "text": t} for i, o, p, t in rows], parse=parse_with_times)
    st.dossier.times = [t for a in st.dossier.articles for t in st.annotations[a.id].times]  # the days each names
    link_actors(st)
    group_events(st)
    return {a.id: a.event for a in st.dossier.articles}, st.dossier.events


def test_a_follow_up_two_days_later_joins_the_incident(events):
    ev, _ = events
    assert ev["r1"] == ev["r2"] == ev["r3"]


def test_an_inquiry_weeks_later_that_names_the_incident_day_joins_the_incident(events):
    ev, _ = events
    assert ev["r6"] == ev["r1"]


def test_another_incident_of_the_same_kind_elsewhere_stays_apart(events):
    ev, _ = events
    assert ev["r4"] != ev["r1"]


def test_a_later_different_incident_of_the_same_actors_stays_apart(events):
    ev, _ = events
    assert ev["r5"] != ev["r1"] and ev["r5"] != ev["r4"]


def test_a_later_happening_weeks_later_naming_only_its_own_days_stays_apart(events):
    ev, evs = events
    assert ev["r7"] != ev["r1"]
    assert "later happening" in next(e for e in evs if "r7" in e.articles).reason


def test_the_reason_of_the_other_incident_says_another(events):
    ev, evs = events
    lone = next(e for e in evs if e.articles == ["r4"])
    assert "another" in lone.reason and "different incident" in lone.reason
