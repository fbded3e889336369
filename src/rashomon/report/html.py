"""``render_html(dossier) -> str``: the self-contained HTML report.

Jinja2 with autoescape on renders ``templates/report.html.j2``; ``static/report.css`` and
``static/report.js`` are inlined; the data the script needs (article texts, claim spans) is
embedded as JSON in ``<script type="application/json">`` with ``<`` escaped as ``\\u003c`` so no
text can close the block. Article bodies are rendered by the script on demand with text nodes
only, which keeps the page light for large dossiers and runs nothing an article contains.
"""
from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources

from jinja2 import Environment, PackageLoader, select_autoescape

from .. import __version__
from ..models import FORMAT
from .view import build_view


@lru_cache(maxsize=1)
def _env() -> Environment:
    env = Environment(loader=PackageLoader("rashomon.report", "templates"), autoescape=select_autoescape(default=True, default_for_string=True),
                      trim_blocks=True, lstrip_blocks=True)
    return env


@lru_cache(maxsize=4)
def _static(name: str) -> str:
    return resources.files("rashomon.report").joinpath("static", name).read_text(encoding="utf-8")


def json_for_script(data) -> str:
    """JSON safe inside a ``<script>`` element: ``<``, ``>``, ``&`` and the line separators escaped."""
    s = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return (s.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
            .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"))


def render_html(dossier, site: dict | None = None) -> str:
    """The report page for ``dossier`` as one string. ``site`` (the web app's event page only):
    ``{"nav": [(label, href), ...], "claims": "/claims/", "note": str}`` adds a navigation bar
    and, after each quote, a link to its claim's page (``claims`` + the cluster id, or its
    lasting id from ``site["cluster_ids"]``, dossier cluster id -> stable id, when given)."""
    from markupsafe import Markup

    view = build_view(dossier)
    tpl = _env().get_template("report.html.j2")
    return tpl.render(v=view, version=__version__, format=FORMAT, css=Markup(_static("report.css")), js=Markup(_static("report.js")),
                      data_json=Markup(json_for_script(view["data"])), site=site)
