"""The web app and API of a workspace (``rashomon serve``): FastAPI served by uvicorn, every asset
from this package (no CDN; the pages work offline).

``create_app(store, token=None, host="127.0.0.1", public=False, settings=None) -> FastAPI`` and
``serve(db=None, host="127.0.0.1", port=8000, token=None, public=False)``, which opens the store,
builds the app and runs uvicorn until stopped. The modules, one job each:

- ``app``: the app factory, error answers and security headers;
- ``access``: who may read and write (token, loopback, ``--public``, cross-site checks);
- ``limits``: the request-size middleware; ``intake``: request bodies and files to articles;
- ``jobs``: the background worker that adds articles to the store; ``cache``: rendered pages;
- ``routes``: the JSON API; ``pages``: the HTML pages; ``claimpage``/``highlight``: the claim
  page's marked evidence; ``docs``: the offline API page; ``render``: templates and static files.
"""
from __future__ import annotations

from typing import Optional

from .app import create_app

__all__ = ["create_app", "serve"]


def serve(db: Optional[str] = None, *, host: str = "127.0.0.1", port: int = 8000, token: Optional[str] = None, public: bool = False,
          settings=None, log_level: str = "info") -> None:
    """Open the store at ``db`` (None: ./rashomon.db), and serve it until interrupted."""
    import uvicorn

    from ..store import open_store

    store = open_store(db)
    try:
        app = create_app(store, token=token, host=host, public=public, settings=settings)
        uvicorn.run(app, host=host, port=port, log_level=log_level, proxy_headers=False, server_header=False)
    finally:
        store.close()
