"""The unit table agrees with pint, and every unit's SI target exists."""
from __future__ import annotations

import pytest

from rashomon.extract.quantities import tables

PINT_NAMES = {"km2": "km**2", "mi2": "mile**2", "mi": "mile", "ft": "foot", "in": "inch", "acre": "acre", "lb": "pound",
              "ton": "short_ton", "gal": "gallon", "bbl": "oil_barrel", "mph": "mile/hour", "km/h": "km/hour", "kn": "knot",
              "nmi": "nautical_mile", "ft2": "foot**2", "oz": "ounce", "h": "hour", "w": "week", "ha": "hectare"}
BASE = {"length": "m", "area": "m**2", "volume": "m**3", "mass": "kg", "time": "s", "speed": "m/s"}


def test_every_si_target_is_a_known_unit():
    units = tables().units
    assert any(spec.get("si") for spec in units.values())
    for uid, spec in units.items():
        if spec.get("si"):
            assert spec["si"] in units, uid


@pytest.mark.parametrize("uid", sorted(PINT_NAMES))
def test_unit_factors_match_pint(uid):
    import pint
    ureg = pint.UnitRegistry()
    spec = tables().units[uid]
    want = (1 * ureg(PINT_NAMES[uid])).to(BASE[spec["dimension"]]).magnitude
    assert float(spec["factor"]) == pytest.approx(want, rel=1e-6)
