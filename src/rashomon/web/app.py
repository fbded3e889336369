"""``create_app(store, ...)``: the FastAPI application of ``rashomon serve``.

In: an open workspace store (``rashomon.store.open_store``), the token (None: read-only), the
host the server is bound to, ``public`` (reads without the token off loopback), the settings.
Out: a FastAPI app with the JSON API (``routes``), the pages (``pages``), the offline docs at
``/docs`` and the OpenAPI document at ``/openapi.json``; a ``BodyLimit`` middleware in front; a
``JobRunner`` started and stopped with the app (its lifespan). Every refusal is a ``WebError``
answered as ``{"error": code, "detail": message}`` under ``/api`` and as a small page elsewhere.
Every response carries a Content-Security-Policy that allows nothing from another origin.
"""
from __future__ import annotations

from contextlib import asynccontextmanager
from typing import Optional

from fastapi import FastAPI, Request
from fastapi.responses import HTMLResponse, JSONResponse

from .. import __version__
from ..errors import WebError
from ..settings import Settings, validate
from .access import Access
from .cache import PageCache
from .jobs import JobRunner
from .limits import BodyLimit
from .pages import router as pages_router
from .render import render_page
from .routes import router as api_router

#: pages are self-contained: scripts and styles from this origin only (the event page, the
#: report's one file, sets its own stricter policy with inline script and style)
CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
       "frame-ancestors 'none'; form-action 'self'; base-uri 'none'")


class WebState:
    """What the routes share: the store, the access policy, settings, the job runner and the page cache."""

    def __init__(self, store, access: Access, settings: Settings):
        self.store = store
        self.access = access
        self.settings = settings
        self.cache = PageCache(settings.web.cache_seconds)
        self.jobs = JobRunner(store, settings=settings, on_write=self.cache.clear)


def create_app(store, *, token: Optional[str] = None, host: str = "127.0.0.1", public: bool = False,
               settings: Settings | dict | None = None) -> FastAPI:
    """The app for ``store`` (see the module docstring); the job worker starts with the app's lifespan."""
    settings = validate(settings, "create_app(settings=...)")
    state = WebState(store, Access.for_server(token, host, public), settings)

    @asynccontextmanager
    async def lifespan(_app):
        state.jobs.start()
        try:
            yield
        finally:
            state.jobs.stop()

    app = FastAPI(title="rashomon", version=__version__, docs_url=None, redoc_url=None, openapi_url="/openapi.json",
                  lifespan=lifespan,
                  description="The workspace of rashomon: events, their dossiers, claims and a search; "
                              "POST /api/articles adds articles in a background job (needs the server's token).")
    app.state.web = state

    @app.exception_handler(WebError)
    async def web_error(request: Request, err: WebError):
        if request.url.path.startswith("/api/") or request.url.path == "/openapi.json":
            return JSONResponse({"error": err.code, "detail": err.message}, status_code=err.status)
        return HTMLResponse(render_page("message.html.j2", state, title=f"Error {err.status}", message=err.message, code=err.code),
                            status_code=err.status)

    app.include_router(api_router)
    app.include_router(pages_router)
    app.add_middleware(Guard, access=state.access, refuse=web_error)
    app.add_middleware(BodyLimit, limit=settings.web.max_request_bytes)
    return app


OPEN_PATHS = ("/login", "/api/health")
HEADERS = [(b"x-content-type-options", b"nosniff"), (b"referrer-policy", b"no-referrer"), (b"x-frame-options", b"DENY")]


class Guard:
    """ASGI middleware (cheaper per request than ``@app.middleware``): refuses a read the access
    policy does not allow (``/login``, ``/api/health`` and ``/static/`` stay open, so a reader can
    sign in), and adds the security headers, the default Content-Security-Policy included unless
    the route set its own."""

    def __init__(self, app, access: Access, refuse):
        self.app, self.access, self.refuse = app, access, refuse

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        path = scope.get("path", "")
        if path not in OPEN_PATHS and not path.startswith("/static/"):
            request = Request(scope)
            try:
                self.access.check_read(request)
            except WebError as err:
                await (await self.refuse(request, err))(scope, receive, send)
                return

        async def with_headers(msg):
            if msg["type"] == "http.response.start":
                headers = list(msg.get("headers", []))
                if not any(k.lower() == b"content-security-policy" for k, _ in headers):
                    headers.append((b"content-security-policy", CSP.encode()))
                msg = {**msg, "headers": headers + HEADERS}
            await send(msg)

        await self.app(scope, receive, with_headers)
