"""Stages declare the state fields they read and write; assembling stages checks them."""
from __future__ import annotations

import ast
from pathlib import Path

import pytest

from rashomon.pipeline import STAGES, check_order
from rashomon.state import Stage

SRC = Path(__file__).resolve().parents[2] / "src" / "rashomon"


def test_the_shipped_stages_assemble():
    check_order(STAGES)


def test_a_stage_reading_a_field_no_earlier_stage_writes_is_refused():
    stages = (Stage("claims_first", "article", "m:f", reads=("ann.claims",), writes=("ann.claim_vectors",)),
              Stage("claims", "article", "m:g", reads=("article.text",), writes=("ann.claims",)))
    with pytest.raises(ValueError, match=r"'claims_first' reads \['ann.claims'\], which no earlier stage writes"):
        check_order(stages)
    check_order(stages[::-1])


def test_moving_the_encode_stage_before_the_claims_stage_is_refused():
    names = [s.name for s in STAGES]
    i, j = names.index("claims"), names.index("encode")
    moved = list(STAGES)
    moved[i], moved[j] = moved[j], moved[i]
    with pytest.raises(ValueError, match="'encode' reads"):
        check_order(tuple(moved))


def test_a_name_that_is_not_a_state_field_is_refused():
    with pytest.raises(ValueError, match="'ann.claim'.*not a field of ArticleState"):
        check_order((Stage("typo", "article", "m:f", reads=("ann.claim",)),))
    with pytest.raises(ValueError, match="'scratch'.*not a field of CorpusState"):
        check_order((Stage("bag", "corpus", "m:f", writes=("scratch",)),))


def test_a_corpus_stage_cannot_read_what_only_the_article_half_has():
    with pytest.raises(ValueError, match="'doc'"):
        check_order((Stage("reparse", "corpus", "m:f", reads=("doc",)),))


def test_stage_modules_import_the_state_module_not_the_pipeline():
    offenders = []
    for st in STAGES:
        mod = st.target.split(":")[0]
        path = SRC.parent / (mod.replace(".", "/") + ".py")
        if not path.is_file():  # a package: its stage lives in __init__.py
            path = SRC.parent / mod.replace(".", "/") / "__init__.py"
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom):
                name = ("." * node.level) + (node.module or "")
                if name.endswith("pipeline"):
                    offenders.append(f"{mod}: from {name} import ...")
    assert offenders == []
