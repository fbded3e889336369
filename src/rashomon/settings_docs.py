"""The settings documented: ``describe()`` lists every setting (dotted key, type, default,
description) in model order and ``settings_markdown()`` renders them as docs/SETTINGS.md
(``rashomon settings --markdown``); both read the ``Settings`` model and the shipped data file of
``rashomon.settings``."""
from __future__ import annotations

from typing import Any, Literal, Mapping, Union, get_args, get_origin

import yaml
from pydantic import BaseModel

from .settings import DATA_FILE, Settings, defaults_dict, validate


def describe() -> list[tuple[str, str, Any, str]]:
    """(dotted key, type, default, description) for every setting, in model order."""
    raw = defaults_dict()
    validate(raw, DATA_FILE)  # the data file itself must be complete and well typed
    rows = []

    def walk(model: type[BaseModel], prefix: str, node: Mapping):
        for name, f in model.model_fields.items():
            ann = f.annotation
            key = prefix + name
            if isinstance(ann, type) and issubclass(ann, BaseModel):
                walk(ann, key + ".", node.get(name) or {})
            else:
                tname = _type_name(ann)
                rows.append((key, tname, node.get(name), f.description or ""))

    walk(Settings, "", raw)
    return rows


def _type_name(ann: Any) -> str:
    """A reader's name for a field type: "float", "int or null", "one of auto, torch", "list of ..."."""
    origin, args = get_origin(ann), get_args(ann)
    if origin is Literal:
        return "one of " + ", ".join(str(a) for a in args)
    if origin in (list, tuple, set):
        return "list of " + (_type_name(args[0]).removeprefix("one of ") if args else "values")
    if origin is Union:
        named = [_type_name(a) for a in args if a is not type(None)]
        return " or ".join(named) + (" or null" if type(None) in args else "")
    return getattr(ann, "__name__", str(ann))


def settings_markdown() -> str:
    """docs/SETTINGS.md: every setting with its type, default and description."""
    lines = ["# Settings", "",
             "Generated from `rashomon.settings.Settings` and `src/rashomon/data/settings.yaml` by",
             "`rashomon settings --markdown > docs/SETTINGS.md`; do not edit by hand. The data file says",
             "on which public data each threshold was chosen.", "",
             "Precedence (lowest first): `data/settings.yaml` < environment `RASHOMON_<GROUP>__<NAME>`",
             "(and `RASHOMON_PREFETCH`, `RASHOMON_ENCODER`, `RASHOMON_CACHE_DIR`) < `rashomon analyze",
             "--settings FILE` (YAML or TOML) < `--set KEY=VALUE` and the named options (`--jobs`,",
             "`--format`, `--quiet`) < `rashomon.analyze(..., settings=...)`.", ""]
    group = None
    for key, tname, default, doc in describe():
        g = key.split(".")[0]
        if g != group:
            group = g
            gdoc = Settings.model_fields[g].description or ""
            lines += ["", f"## {g}", "", gdoc[:1].upper() + gdoc[1:] + ".", "", "| setting | type | default | what it does |",
                      "|---|---|---|---|"]
        shown = "null" if default is None else yaml.safe_dump(default, default_flow_style=True).strip().removesuffix("...").strip()
        lines.append(f"| `{key}` | {tname} | `{shown}` | {doc} |")
    return "\n".join(lines) + "\n"
