"""FNC stories: real news articles that agree with one claim or dispute it, several stories mixed in
one batch; how well rashomon's contradictions, claim clusters and events follow them.

    python benchmarks/fnc_stories.py [--data DIR] [--split dev|test] [--tool PATH] [--max-stories N]
        [--seed S] [--jobs N] [--keep DIR] [--json OUT.json]

It wraps the shared tool ``../shared/tools/fnc_stories.py`` (or ``--tool``), called as a
subprocess and never copied here: ``build`` turns the FNC-1 stance files of the split into
``WORK/input.jsonl`` (one article a line) and ``WORK/stories.json`` (which articles agree, disagree
or discuss); ``rashomon.analyze`` reads ``WORK/input.jsonl`` in this process and the dossier goes to
``WORK/dossier.json``; ``score`` grades it. ``WORK`` is a temporary folder, or ``--keep DIR``.

Splits: ``dev`` = ``9_1_train_test_stances.csv`` + ``train_bodies.csv`` (the stance model trains on
``9_1_train_train_stances.csv``, whose bodies differ); ``test`` = ``competition_test_stances.csv`` +
``competition_test_bodies.csv`` (held out: absent here, the command says so and exits 0).

Metrics (article pairs inside one story, see the tool): ``contra_recall`` (agree x disagree pairs
joined by a contradiction), ``contra_false_rate`` (agree x agree pairs joined by one; lower is
better), ``support_recall`` (agree x agree pairs sharing a claim cluster or a ``supports``
relation), ``event_pair_f1`` (articles of one story in one event, of different stories apart), and
the counts ``stories``, ``articles``, ``agree_disagree_pairs``, ``agree_agree_pairs``,
``contradicts_relations``.
"""
from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from pathlib import Path

from _common import ROOT, bench_args, finish

SPLITS = {
    "dev": ("9_1_train_test_stances.csv", "train_bodies.csv"),
    "test": ("competition_test_stances.csv", "competition_test_bodies.csv"),
}
TOOL = ROOT.parent / "shared" / "tools" / "fnc_stories.py"
METRICS = ("contra_recall", "contra_false_rate", "support_recall", "event_pair_f1", "stories", "articles",
           "agree_disagree_pairs", "agree_agree_pairs", "contradicts_relations")


def run_tool(tool: Path, *args: str) -> str:
    """Run ``tool`` with ``args`` in a subprocess of this Python; returns its stdout. Raises
    ``RuntimeError`` with the tool's stderr when it fails."""
    p = subprocess.run([sys.executable, str(tool), *args], capture_output=True, text=True)
    if p.returncode != 0:
        raise RuntimeError(f"{tool.name} {args[0]} failed ({p.returncode}): {p.stderr.strip() or p.stdout.strip()}")
    return p.stdout


def build(tool: Path, stances: Path, bodies: Path, work: Path, max_stories: int, seed: int) -> None:
    """Write ``work/input.jsonl`` and ``work/stories.json`` with the tool's ``build``."""
    run_tool(tool, "build", str(stances), str(bodies), str(work), "--max-stories", str(max_stories), "--seed", str(seed))


def analyse(work: Path, jobs: int) -> Path:
    """Analyse ``work/input.jsonl`` with ``rashomon.analyze``; returns the path of the dossier JSON."""
    import rashomon

    dossier = rashomon.analyze([work / "input.jsonl"], jobs=jobs)
    out = work / "dossier.json"
    rashomon.write_dossier(dossier, out)
    return out


def score(tool: Path, work: Path, dossier: Path) -> dict:
    """The tool's ``score --json`` of ``dossier`` against ``work/stories.json``, as
    ``{metric: value}`` in the order of ``METRICS`` (rates rounded to 4 places; a rate the stories
    cannot give, with no pair of its kind, is left out)."""
    raw = json.loads(run_tool(tool, "score", str(work / "stories.json"), str(dossier), "--json"))
    values = {k: (v.get("value") if isinstance(v, dict) else v) for k, v in raw.items()}
    return {k: round(values[k], 4) if isinstance(values[k], float) else values[k]
            for k in METRICS if values.get(k) is not None}


def measure(tool: Path, stances: Path, bodies: Path, work: Path, *, max_stories: int = 40, seed: int = 13,
            analyse_fn=None) -> dict:
    """Build the stories in ``work``, analyse them (``analyse_fn(work) -> dossier path``; default
    ``rashomon.analyze`` on one process) and score them. Returns the metrics."""
    build(tool, stances, bodies, work, max_stories, seed)
    dossier = (analyse_fn or (lambda w: analyse(w, 1)))(work)
    return score(tool, work, dossier)


def main() -> int:
    def extra(p):
        p.add_argument("--tool", type=Path, default=TOOL, help="the shared tool (default ../shared/tools/fnc_stories.py)")
        p.add_argument("--max-stories", type=int, default=40, help="stories mixed in the batch (the tool's default 40)")
        p.add_argument("--seed", type=int, default=13, help="the tool's shuffle seed (default 13)")
        p.add_argument("--jobs", type=int, default=1, help="worker processes for the per-article stages")
        p.add_argument("--keep", type=Path, default=None, help="build and analyse in this folder and keep it")

    args = bench_args("fnc_stories", "fnc1", extra=extra,
                      description="FNC-1 stories mixed in one batch: contradictions, claim clusters, events")
    if args.split not in SPLITS:
        print(f"fnc_stories: unknown split {args.split!r}; choose from {', '.join(SPLITS)}")
        return 2
    stances, bodies = (args.data / f for f in SPLITS[args.split])
    if not stances.exists() or not bodies.exists():
        print(f"fnc_stories: {stances.name} / {bodies.name} not in {args.data} (held out here); nothing to measure.")
        return 0
    if not args.tool.is_file():
        print(f"fnc_stories: the story tool {args.tool} is absent; nothing to measure.")
        return 0
    if args.keep:
        args.keep.mkdir(parents=True, exist_ok=True)
        metrics = measure(args.tool, stances, bodies, args.keep, max_stories=args.max_stories, seed=args.seed,
                          analyse_fn=lambda w: analyse(w, args.jobs))
    else:
        with tempfile.TemporaryDirectory(prefix="fnc-stories-") as tmp:
            metrics = measure(args.tool, stances, bodies, Path(tmp), max_stories=args.max_stories, seed=args.seed,
                              analyse_fn=lambda w: analyse(w, args.jobs))
    finish(args, metrics, metrics.get("articles", 0),
           title=f"FNC stories ({args.split}): {metrics.get('stories')} stories, {metrics.get('articles')} articles in one batch")
    return 0


if __name__ == "__main__":
    sys.exit(main())
