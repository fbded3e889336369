"""Error codes: stable, unique, documented; raised where the code used to raise bare errors."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from rashomon import errors
from rashomon.errors import CODES, RashomonError, StageOrderError, UnknownFormatError, drain_warnings, warn

ROOT = Path(__file__).resolve().parents[2]


def _subclasses(cls):
    for sub in cls.__subclasses__():
        yield sub
        yield from _subclasses(sub)


def test_codes_are_well_formed_and_every_error_class_has_a_known_code():
    assert all(re.fullmatch(r"R\d{3}", c) for c in CODES)
    classes = list(_subclasses(RashomonError))
    assert len(classes) >= 10
    assert all(c.code in CODES for c in classes)


def test_no_two_concrete_error_classes_share_a_code():
    concrete = [c for c in _subclasses(RashomonError) if "code" in c.__dict__]
    codes = [c.code for c in concrete]
    assert len(codes) == len(set(codes))


def test_every_code_is_documented_in_errors_md_and_the_module_table():
    doc = (ROOT / "docs" / "ERRORS.md").read_text(encoding="utf-8")
    assert [c for c in CODES if f"| {c} |" not in doc] == []
    assert [c for c in CODES if f"| {c} |" not in errors.__doc__] == []


def test_an_error_message_starts_with_its_code_and_fills_its_template():
    e = UnknownFormatError(unknown=["pdf"], known=["csv", "html"])
    assert str(e) == "[R204] unknown report format(s): ['pdf']; known: ['csv', 'html']"
    assert isinstance(e, ValueError)


def test_a_stage_requiring_what_nothing_produces_raises_stage_order_error():
    from rashomon.pipeline import Stage, check_order

    with pytest.raises(StageOrderError) as e:
        check_order((Stage("late", "corpus", "x:y", reads=("dossier.clusters",)),))
    assert e.value.code == "R201" and "'late'" in str(e.value)


def test_a_stage_naming_what_is_not_a_state_field_raises_stage_field_error():
    from rashomon.errors import StageFieldError
    from rashomon.pipeline import Stage, check_order

    with pytest.raises(StageFieldError) as e:
        check_order((Stage("typo", "corpus", "x:y", reads=("dossier.clustres",)),))
    assert e.value.code == "R205" and "'dossier.clustres'" in str(e.value)


def test_unknown_report_format_raises_coded_error(tmp_path):
    from rashomon.models import Dossier
    from rashomon.report import write_reports

    with pytest.raises(UnknownFormatError, match=r"\[R204\]"):
        write_reports(Dossier(), tmp_path, ["pdf"])


def test_warnings_are_recorded_once_each_and_drained():
    drain_warnings()
    a = warn("R303", reason="OSError: disk full")
    warn("R303", reason="OSError: disk full")
    warn("R302", reason="no optimiser")
    got = drain_warnings()
    assert got == [a, "[R302] " + CODES["R302"].format(reason="no optimiser")]
    assert a.startswith("[R303] ") and "disk full" in a
    assert drain_warnings() == []



def test_input_error_codes_map_to_stable_codes():
    assert errors.input_code("empty") == "R002" and errors.input_code("no_main_text") == "R002"
    assert errors.input_code("binary") == "R001" and errors.input_code("something_new") == "R001"
    assert set(errors.INPUT_CODES.values()) <= set(CODES)
