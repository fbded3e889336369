"""No English word list or English-word regex in the code: language lives in ``rashomon/data/<lang>/``.

Every module under ``src/rashomon`` (outside ``data/``) is read with ``ast``. A finding is

- a literal collection (set, list, tuple, dict keys, or ``"...".split()``) holding 5 or more
  lower-case word strings, or
- a string (docstrings aside) holding a regex alternation with 3 or more plain words
  (``is|are|was``), f-string pieces included.

Findings are keyed by module and the name they are assigned to (or the function they sit in), so
the allow-list survives edits elsewhere in a file. Only things that are not language may be
allowed, each with its reason."""
from __future__ import annotations

import ast
import re
from pathlib import Path

PKG = Path(__file__).resolve().parents[2] / "src" / "rashomon"

_WORD = re.compile(r"[a-z][a-z'’\-]+(?: [a-z][a-z'’\-]+)*")
_ALT_PIECE = re.compile(r"[A-Za-z][a-z'’]+(?:(?:\\s\+|\\s\*|\\s| )[a-z'’]+)*")
_GROUP = re.compile(r"[^()|]*(?:\|[^()|]*)+")

SPACY_DEPS = "spaCy dependency labels (the parser's tag set, not words of the text)"
FIELDS = "names of record fields or columns (the output format, not words of the text)"
ALLOWED = {
    ("extract/attribution_features.py", "deps"): SPACY_DEPS,
    ("extract/attribution_source.py", "phrase_tokens"): SPACY_DEPS,
    ("link/dispute_edges.py", "agree"): "reason ids of agreeing pairs mapped to their explanation (output text, not words of the input)",
    ("models.py", "disputetype"): "dispute type ids (the output format)",
    ("link/relations/__init__.py", "signal_order"): "relation signal ids (models.Relation.signal, the output format)",
    ("settings.py", "formats"): "output format ids (json, html, md, csv), not words of the text",
    ("analyse/framing.py", "furniture_reasons"): "removal reason ids (models.Removed.reason)",
    ("analyse/framing.py", "own_name_tokens"): "parts of web addresses (www, com, org ...)",
    ("extract/attribution_speakers.py", "speaker_stop_deps"): SPACY_DEPS,
    ("extract/attribution_partitives.py", "any_deps"): SPACY_DEPS,
    ("extract/attribution_partitives.py", "modifier_deps"): SPACY_DEPS,
    ("extract/lexicon.py", "cues"): "keys of data/en/cues.yaml",
    ("extract/lexicon.py", "actor_lexicon"): "keys of data/en/actors.yaml",
    ("extract/quantity_about.py", "governor"): SPACY_DEPS,
    ("extract/timex_rules.py", "make"): "unit ids of the UNIT block (the keys of duration_units in data/en/timex_words.yaml)",
    ("extract/attribution_cues.py", "cue_clause_span"): SPACY_DEPS,
    ("extract/attribution_cues.py", "name"): SPACY_DEPS,
    ("extract/attribution_speakers.py", "inherited_subject"): SPACY_DEPS,
    ("extract/attribution_speakers.py", "inverted_subject"): SPACY_DEPS,
    ("extract/claims.py", "subordinate_statement_start"): SPACY_DEPS,
    ("extract/quantities.py", "finish"): SPACY_DEPS,
    ("extract/propositions.py", "skip_right"): SPACY_DEPS,
    ("extract/propositions.py", "keep_right"): SPACY_DEPS,
    ("extract/propositions.py", "clauses"): SPACY_DEPS,
    ("extract/quantity_about.py", "dim_noun"): "dimension ids of the unit table (data/en/units.yaml), not words",
    ("extract/timex_rules.py", "mod_kinds"): "names of the pattern table's entries (data/en/timex_patterns.yaml)",
    ("extract/timex_values.py", "describe"): "keys are internal direction codes; the values are English explanation text of "
                                            "the output (output messages are not localised yet)",
    ("ingest/html.py", "looks_like_html"): "HTML tag names",
    ("ingest/metadata.py", "apply"): "field names of the input format (header lines, JSON keys)",
    ("ingest/metadata.py", "header_line"): "field names of the input format (header lines, JSON keys)",
    ("ingest/metadata.py", "inline_date"): "field names of the input format (header lines, JSON keys)",
    ("ingest/metadata.py", "key_aliases"): "field names of the input format (header lines, JSON keys)",
    ("link/actors.py", "s"): "letter pairs of transliterated names (iy/yi/ij), not words",
    ("link/events.py", "features"): "names of the event-grouping signals",
    ("models.py", "actortype"): FIELDS,
    ("models.py", "kind"): FIELDS,
    ("pipeline.py", "*"): FIELDS,
    ("report/csvout.py", "*"): FIELDS,
    ("report/view.py", "*"): FIELDS,
    ("report/markdown.py", "*"): "a Markdown table header",
    ("web/claimpage.py", "claim_context"): FIELDS,
    ("web/docs.py", "docs_context"): FIELDS,
    ("web/docs.py", "params"): FIELDS,
    ("web/intake.py", "fields"): FIELDS,
    ("web/routes.py", "add_articles"): FIELDS,
    ("web/routes.py", "job"): FIELDS,
}


def _context(parents: list[ast.AST]) -> str:
    """The name a literal is assigned to, else the function it sits in, else ``module``."""
    for node in reversed(parents):
        if isinstance(node, (ast.Assign, ast.AnnAssign)):
            t = node.targets[0] if isinstance(node, ast.Assign) else node.target
            if isinstance(t, ast.Name):
                return t.id.strip("_").lower()
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            return node.name.strip("_").lower()
    return "module"


def _words(node: ast.AST) -> list[str]:
    if isinstance(node, (ast.Set, ast.List, ast.Tuple)):
        elts = node.elts
    elif isinstance(node, ast.Dict):
        elts = [k for k in node.keys if k is not None]
    elif (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "split"
          and isinstance(node.func.value, ast.Constant) and isinstance(node.func.value.value, str)):
        return [w for w in node.func.value.value.split() if _WORD.fullmatch(w)]
    else:
        return []
    return [e.value for e in elts if isinstance(e, ast.Constant) and isinstance(e.value, str) and _WORD.fullmatch(e.value)]


def alternation_words(s: str) -> int:
    """The most plain words in one alternation group of the regex ``s``."""
    best = 0
    for group in _GROUP.findall(s):
        pieces = [re.sub(r"^(?:\?:|\?P<\w+>|\^|\\b)+|(?:\\b|\$|\?)+$", "", p) for p in group.split("|")]
        best = max(best, sum(bool(_ALT_PIECE.fullmatch(p)) for p in pieces))
    return best


def findings(pkg: Path = PKG) -> dict[tuple[str, str], str]:
    out: dict[tuple[str, str], str] = {}
    for path in sorted(pkg.rglob("*.py")):
        rel = path.relative_to(pkg).as_posix()
        if rel.startswith("data/"):
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        docstrings = {id(n.body[0].value) for n in ast.walk(tree)
                      if isinstance(n, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef))
                      and n.body and isinstance(n.body[0], ast.Expr) and isinstance(n.body[0].value, ast.Constant)}

        def visit(node: ast.AST, parents: list[ast.AST]) -> None:
            words = _words(node)
            if len(words) >= 5:
                out.setdefault((rel, _context(parents)), f"line {node.lineno}: {' '.join(words[:6])} ...")
            elif (isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings
                  and alternation_words(node.value) >= 3):
                out.setdefault((rel, _context(parents)), f"line {node.lineno}: {node.value[:60]}")
            for child in ast.iter_child_nodes(node):
                visit(child, parents + [node])

        visit(tree, [])
    return out


def _allowed(key: tuple[str, str]) -> bool:
    return key in ALLOWED or (key[0], "*") in ALLOWED


def test_the_scan_finds_a_word_list_and_a_word_regex(tmp_path):
    (tmp_path / "mod.py").write_text(
        'import re\nHEDGES = {"maybe", "perhaps", "reportedly", "allegedly", "apparently"}\n'
        'def f(t):\n    return re.search(r"\\b(?:is|are|was|were)\\b", t)\n'
        'TAGS = ("VERB", "AUX", "NOUN", "ADJ", "ADV")\n', encoding="utf-8")
    assert set(findings(tmp_path)) == {("mod.py", "hedges"), ("mod.py", "f")}


def test_no_english_word_list_or_regex_in_code():
    bad = {k: v for k, v in findings().items() if not _allowed(k)}
    assert not bad, "move these into rashomon/data/<lang>/:\n" + "\n".join(f"{k[0]} [{k[1]}] {v}" for k, v in sorted(bad.items()))


def test_every_allowed_entry_is_still_found():
    found = set(findings())
    stale = [k for k in ALLOWED if k[1] != "*" and k not in found]
    assert not stale, f"allow-list entries with nothing left to allow: {stale}"
