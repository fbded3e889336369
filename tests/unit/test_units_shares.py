"""Shares and SI values read from a quantity's value and unit: a percentage (value as written, unit
"%") and a fraction ("two-thirds", unit "fraction") give the same kind of share, and the numeric
intervals of the relations compare quantities in their SI unit."""
import pytest

from rashomon.lexicon.units import in_si, share
from rashomon.link.relations.rules import quantity_interval
from rashomon.models import Quantity, SIValue


def _q(text, value, unit, si=None, **kw):
    return Quantity(id="q", article="a", text=text, start=0, end=len(text), value=value, unit=unit, si=si, **kw)


def test_share_of_a_percentage_and_of_a_fraction():
    assert share(54.24, "%") == pytest.approx(0.5424)
    assert share(0.6667, "fraction") == pytest.approx(0.6667)
    assert share(3, "percentage points") is None and share(12, "troops") is None and share(None, "%") is None


def test_in_si_converts_to_the_units_si_unit():
    assert in_si(5, "mi") == pytest.approx(8.04672)
    assert in_si(54, "%") == pytest.approx(0.54)
    assert in_si(12, "troops") is None


def test_relation_intervals_compare_percentages_as_shares_and_miles_as_km():
    pct = quantity_interval(_q("54%", 54, "%", SIValue(value=0.54, unit="fraction")))
    assert pct == pytest.approx((0.54, 0.54))
    frac = quantity_interval(_q("about two-thirds", 0.6667, "fraction", approx=True))
    assert frac == pytest.approx((0.6, 0.7334), abs=1e-3)
    mi = quantity_interval(_q("5 miles", 5, "mi", SIValue(value=8.04672, unit="km")))
    assert mi == pytest.approx((8.04672, 8.04672))
    assert quantity_interval(_q("12 troops", 12, "troops")) == (12, 12)
