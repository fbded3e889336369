"""The evaluation gate: compare benchmark results with the floors in ``benchmarks/floors.yaml``.

``python benchmarks/gate.py RESULTS_DIR [--floors benchmarks/floors.yaml]``

In: ``RESULTS_DIR`` holds the ``--json`` outputs of the benchmarks (``NAME.json``, written by
``python benchmarks/NAME.py --json RESULTS_DIR/NAME.json``) and of the cluster evaluation
(``clusters.json``, from ``../shared/tools/eval_clusters.py --json``). The floors file maps each
result name to ``min`` (the value must be at least this) and/or ``max`` (at most this) per metric;
a metric name is looked up under ``"metrics"`` when the file has that key (benchmarks), else as a
dotted path from the top (``mean.claims``, ``clusters.kursk.events`` for the cluster evaluation).
``present`` lists dotted paths to mappings whose every entry must be non-null (the cluster
evaluation writes ``null`` for a cluster that gave no dossier).

Out: one line per check on stdout and exit 0 when every check holds; exit 1 when a metric is below
its floor or above its ceiling, when a result file is missing (its data was absent, or the
benchmark failed: benchmarks exit 0 without data, this gate is what fails), or when a metric is
missing or not a number. Exit 2 when the floors file itself is malformed.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent


def path_value(data: dict, key: str):
    """The value at the dotted path ``key`` (``mean.claims``) in ``data``; ``KeyError`` when absent."""
    node = data
    for part in key.split("."):
        if not isinstance(node, dict):
            raise KeyError(key)
        node = node[part]
    return node


def lookup(data: dict, key: str):
    """The value of metric ``key`` in one result: under ``data["metrics"]`` for a benchmark, else the
    dotted path ``key`` from the top. ``KeyError`` when absent."""
    if isinstance(data.get("metrics"), dict):
        return data["metrics"][key]
    return path_value(data, key)


def check(name: str, spec: dict, results: Path) -> list[tuple[bool, str]]:
    """Check one result against its floors. Returns ``(ok, message)`` pairs, one per metric (or one
    for a missing or unreadable file)."""
    path = results / spec.get("file", f"{name}.json")
    if not path.is_file():
        return [(False, f"{name}: no results at {path} (data missing or the benchmark failed)")]
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as e:
        return [(False, f"{name}: {path} is not readable JSON ({e})")]
    out = []
    for key in spec.get("present") or []:
        try:
            node = path_value(data, key)
        except KeyError:
            out.append((False, f"{name}: {key} missing from {path.name}"))
            continue
        empty = sorted(k for k, v in node.items() if v is None) if isinstance(node, dict) else None
        ok = bool(node) and empty == []
        out.append((ok, f"{name}: {key} {'all present' if ok else 'FAILS: no result for ' + str(empty or 'any entry')}"))
    for bound in ("min", "max"):
        for key, limit in (spec.get(bound) or {}).items():
            try:
                value = lookup(data, key)
            except KeyError:
                out.append((False, f"{name}: {key} missing from {path.name}"))
                continue
            if isinstance(value, bool) or not isinstance(value, (int, float)):
                out.append((False, f"{name}: {key} = {value!r} is not a number"))
                continue
            ok = value >= limit if bound == "min" else value <= limit
            rel = ">=" if bound == "min" else "<="
            out.append((ok, f"{name}: {key} = {value:.4g} ({'ok' if ok else 'FAILS'}: must be {rel} {limit})"))
    return out


def load_floors(path: Path) -> dict:
    """Read and validate the floors file: ``{name: {"file"?, "min"?: {metric: number}, "max"?: ...,
    "present"?: [dotted path], "note"?: text}}``. Raises ``ValueError`` when it is malformed."""
    floors = yaml.safe_load(path.read_text(encoding="utf-8"))
    if not isinstance(floors, dict) or not floors:
        raise ValueError(f"{path}: expected a mapping of result names to floors")
    for name, spec in floors.items():
        if not isinstance(spec, dict) or not (spec.get("min") or spec.get("max")):
            raise ValueError(f"{path}: {name} needs a 'min' or 'max' mapping")
        unknown = set(spec) - {"file", "min", "max", "present", "note"}
        if unknown:
            raise ValueError(f"{path}: {name} has unknown keys {sorted(unknown)}")
        for bound in ("min", "max"):
            for key, limit in (spec.get(bound) or {}).items():
                if isinstance(limit, bool) or not isinstance(limit, (int, float)):
                    raise ValueError(f"{path}: {name}.{bound}.{key} must be a number, not {limit!r}")
    return floors


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="benchmarks/gate.py", description=__doc__.splitlines()[0])
    p.add_argument("results", type=Path, help="folder of NAME.json results")
    p.add_argument("--floors", type=Path, default=HERE / "floors.yaml", help="floors file (default benchmarks/floors.yaml)")
    p.add_argument("--only", default=None, help="check only these names (comma-separated)")
    a = p.parse_args(argv)
    try:
        floors = load_floors(a.floors)
    except (OSError, ValueError, yaml.YAMLError) as e:
        print(f"gate: {e}", file=sys.stderr)
        return 2
    names = list(floors)
    if a.only:
        wanted = a.only.split(",")
        unknown = [n for n in wanted if n not in floors]
        if unknown:
            print(f"gate: no floors for {unknown}", file=sys.stderr)
            return 2
        names = wanted
    failed = 0
    for name in names:
        for ok, msg in check(name, floors[name], a.results):
            print(msg)
            failed += not ok
    print(f"gate: {'FAILED, ' + str(failed) + ' check(s) below floor or missing' if failed else 'all floors hold'}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
