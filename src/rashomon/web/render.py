"""The web app's pages and static files, all from the package (no CDN, no path from a request):

- ``render_page(name, state, **context) -> str``: a template of ``web/templates`` rendered with
  Jinja's autoescape on (every value is text unless a template marks it otherwise), with the
  site's navigation and the read-only notice;
- ``static_file(name) -> (bytes, media type) | None``: one of the fixed names in ``STATIC``,
  read from ``web/static`` (an unknown name is None, never a file path).
"""
from __future__ import annotations

from functools import lru_cache
from importlib import resources
from typing import Optional

from jinja2 import Environment, PackageLoader, select_autoescape

from .. import __version__

STATIC = {"app.css": "text/css; charset=utf-8", "app.js": "text/javascript; charset=utf-8"}
NAV = (("Events", "/"), ("Search", "/search"), ("Add articles", "/add"), ("API docs", "/docs"))


@lru_cache(maxsize=1)
def _env() -> Environment:
    return Environment(loader=PackageLoader("rashomon.web", "templates"), autoescape=select_autoescape(default=True, default_for_string=True),
                       trim_blocks=True, lstrip_blocks=True)


def site_note(state) -> Optional[str]:
    """The notice every page shows when the server is read-only."""
    return "Read-only: this server was started without a token, so nothing can be added." if state.access.read_only else None


def render_page(name: str, state, **context) -> str:
    return _env().get_template(name).render(nav=NAV, note=site_note(state), version=__version__, **context)


@lru_cache(maxsize=len(STATIC))
def static_file(name: str) -> Optional[tuple[bytes, str]]:
    if name not in STATIC:
        return None
    return resources.files("rashomon.web").joinpath("static", name).read_bytes(), STATIC[name]
