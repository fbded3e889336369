"""The summary reads records only: whether a quoted passage has a verb comes from the parse stage's
``ArticleAnnotations.verbs``, never from parsing the passage again."""
from __future__ import annotations

import ast
from pathlib import Path

from rashomon.analyse import summary
from rashomon.models import Dossier

SUMMARY = Path(summary.__file__)


def test_summary_module_imports_no_parser():
    imported = set()
    parts = sorted(SUMMARY.parent.glob("summary*.py"))  # the stage module and the modules split from it
    assert SUMMARY in parts and len(parts) > 1
    for node in (n for part in parts for n in ast.walk(ast.parse(part.read_text(encoding="utf-8")))):
        if isinstance(node, ast.ImportFrom):
            imported.add(("." * node.level) + (node.module or ""))
        elif isinstance(node, ast.Import):
            imported |= {a.name for a in node.names}
    assert not {m for m in imported if m.lstrip(".").split(".")[0] in ("nlp", "spacy")}, imported


def test_a_recorded_verb_inside_the_passage_counts_and_one_outside_does_not():
    text = "Crews cleared the road overnight"
    ctx = summary._Ctx(Dossier(), {"a1": [13]})  # "cleared" starts at offset 6 of the passage at 7
    assert summary._has_verb(ctx, text, [(7, 7 + len(text))], "a1") is True
    assert summary._has_verb(ctx, text, [(20, 40)], "a1") is False


def test_without_verb_records_a_word_shape_guess_is_used():
    ctx = summary._Ctx(Dossier())
    assert summary._has_verb(ctx, "the road was closed", [(0, 19)], "a1") is True
    assert summary._has_verb(ctx, "a road to the north", [(0, 19)], "a1") is False
