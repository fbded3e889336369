"""Events that hold (real parse and sentence encoder, articles written for the test): one event
told by outlets of opposite sides in different words stays one event; a later, different event
of the same storyline stays apart; unrelated stories in one batch separate."""
from __future__ import annotations

import pytest
from linkkit import corpus

from rashomon.link.actors import link_actors
from rashomon.link.events import group_events

DRONE = [
    ("s1", "Arvenia State News", "2024-05-14",
     "Arvenian air defences destroyed a hostile reconnaissance drone over the port of Varnholm on Tuesday, "
     "the Arvenian defence ministry said. The ministry said the unmanned aircraft had been launched from "
     "Belmark to spy on naval installations in Varnholm. Defence Minister Oskar Lind called the incursion "
     "a deliberate provocation and said Arvenia would protect its airspace."),
    ("s2", "Arvenia Today", "2024-05-15",
     "Defence Minister Oskar Lind praised the air force a day after a spy drone sent by Belmark was shot "
     "down above Varnholm harbour. Lind said the aircraft carried cameras aimed at the naval base at "
     "Varnholm and that Arvenia would answer any further provocation."),
    ("w1", "Belmark Herald", "2024-05-14",
     "Belmark's meteorological institute said one of its weather research balloons drifted off course and "
     "was shot down by Arvenian fighter jets near Varnholm on Tuesday. The institute said the craft carried "
     "only instruments measuring wind and humidity. Belmark's foreign ministry condemned the shooting as an "
     "overreaction and demanded that Arvenia return the wreckage."),
    ("w2", "Northern Wire", "2024-05-15",
     "Belmark demanded on Wednesday that Arvenia hand back the remains of an unmanned craft its jets shot down "
     "over Varnholm, insisting the craft was a civilian weather balloon. Arvenia says the device was a spy "
     "drone watching its navy."),
]

TALKS = ("t1", "Northern Wire", "2024-09-20",
         "Foreign ministers of Arvenia and Belmark met in Lisbon on Friday and signed an agreement on air "
         "traffic notifications, months after an unmanned craft was shot down over Varnholm. The two "
         "ministers agreed to set up a hotline between their air forces and to meet again in the spring.")

UNRELATED = [
    ("u1", "Sports Daily", "2024-05-14",
     "Kestrel City beat Harrow Athletic 3-1 on Tuesday to win the national football cup for the first "
     "time. Striker Tomas Veld scored twice in the second half, and goalkeeper Ian Moss saved a penalty."),
    ("u2", "Evening Sport", "2024-05-15",
     "Tomas Veld's two goals gave Kestrel City their first national cup on Tuesday night, a 3-1 win over "
     "Harrow Athletic in front of 60,000 fans. Harrow's manager said his side had paid for a slow start."),
    ("u3", "Money Times", "2024-05-14",
     "The central bank of Ostrava raised its main interest rate by half a point to 6.5 percent on Tuesday "
     "to slow inflation, which reached 9 percent in April. Governor Ana Petrov said further rises were possible."),
    ("u4", "Market Wire", "2024-05-15",
     "Ostrava's central bank lifted its key rate to 6.5 percent from 6 percent, Governor Ana Petrov announced "
     "on Tuesday, citing inflation of 9 percent. Banks said mortgage rates would follow."),
]


def _events(run_article, rows):
    st = corpus([{"id": i, "outlet": o, "published": p, "text": t} for i, o, p, t in rows], parse=run_article)
    link_actors(st)
    group_events(st)
    return {a.id: a.event for a in st.dossier.articles}


@pytest.fixture(scope="module")
def storyline(run_article):
    return _events(run_article, DRONE + [TALKS])


@pytest.fixture(scope="module")
def mixed(run_article):
    return _events(run_article, DRONE + UNRELATED)


def test_one_event_told_by_both_sides_in_their_own_words_is_one_event(storyline):
    assert storyline["s1"] == storyline["s2"] == storyline["w1"] == storyline["w2"]


def test_a_later_event_of_the_same_storyline_elsewhere_stays_apart(storyline):
    assert storyline["t1"] != storyline["s1"]


def test_unrelated_stories_in_one_batch_form_their_own_events(mixed):
    assert mixed["u1"] == mixed["u2"]
    assert mixed["u3"] == mixed["u4"]
    assert len({mixed["s1"], mixed["u1"], mixed["u3"]}) == 3


def test_the_two_sides_of_the_event_stay_together_among_unrelated_stories(mixed):
    assert mixed["s1"] == mixed["s2"] == mixed["w1"] == mixed["w2"]
