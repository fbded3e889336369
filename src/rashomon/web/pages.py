"""The pages of ``rashomon serve`` (HTML, every value escaped by Jinja's autoescape):

- ``/``: the events of the workspace (dates, outlets, article and dispute counts);
- ``/events/{id}``: the event's dossier, drawn by the report writer (``report.render_html``) with
  the site's navigation and a link from each quote to its claim's page;
- ``/claims/{cluster_id}``: a claim, its history and every evidence span marked in its article;
- ``/search?q=``: claims and articles matching a query;
- ``/add``: drop files, paste text or JSONL; a progress bar follows the job (``static/app.js``);
- ``/login``: a form that stores the token in a same-site cookie, for reading a protected server;
- ``/docs``: the API, listed from the OpenAPI document (no CDN);
- ``/static/{name}``: one of the fixed files of ``render.STATIC``.

The event, claim and search pages are served from the page cache (``cache.PageCache``), cleared
whenever a job of this server writes; a WebError raised while making a page is not cached.
"""
from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from ..errors import WebError
from ..report import render_html
from .access import COOKIE, same_origin
from .claimpage import claim_context
from .docs import docs_context
from .render import NAV, render_page, site_note, static_file
from .routes import claim_view, event_dossier

router = APIRouter(include_in_schema=False)

#: the event page is the report's one self-contained file: its inline script and style, nothing else
EVENT_CSP = ("default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:; font-src data:; "
             "frame-ancestors 'none'; form-action 'self'; base-uri 'none'")


def _web(request: Request):
    return request.app.state.web


def _page(request: Request, name: str, **context) -> HTMLResponse:
    return HTMLResponse(render_page(name, _web(request), **context))


@router.get("/")
def events_page(request: Request) -> HTMLResponse:
    events = _web(request).store.events()
    return _page(request, "events.html.j2", title="Events", events=events)


def _event_html(web, event_id: str):
    """The event page, or a redirect when ``event_id`` was merged into another event."""
    current = web.store.resolve_event(event_id)
    if current is not None and current != event_id:  # the event was merged into another: its page moved
        return ("moved", current)
    # claim pages are linked by the clusters' stable ids, which outlive the next add
    site = {"nav": NAV, "claims": "/claims/", "note": site_note(web), "cluster_ids": web.store.cluster_ids()}
    return ("page", render_html(event_dossier(web, event_id), site=site))


@router.get("/events/{event_id}")
async def event_page(request: Request, event_id: str) -> Response:
    web = _web(request)
    kind, value = await web.cache.aget(("event", event_id), lambda: _event_html(web, event_id))
    if kind == "moved":
        return RedirectResponse(f"/events/{value}", status_code=301)
    return HTMLResponse(value, headers={"Content-Security-Policy": EVENT_CSP})


@router.get("/claims/{cluster_id}")
async def claim_page(request: Request, cluster_id: str) -> HTMLResponse:
    web = _web(request)
    body = await web.cache.aget(("claim", cluster_id), lambda: render_page(
        "claim.html.j2", web, **claim_context(web.store, claim_view(web, cluster_id))))
    return HTMLResponse(body)


def _search_html(web, q: str, kind: str) -> str:
    hits = web.store.search(q.strip(), kind=kind, limit=web.settings.web.search_limit) if q.strip() else []
    clusters = {}
    ids = web.store.cluster_ids()
    for h in hits:  # a claim hit links to its claim's page: its cluster's stable id, from the event's dossier
        if h.kind == "claim" and h.event:
            d = web.store.dossier(h.event)
            clusters.update({c.id: ids.get(c.cluster, c.cluster) for c in d.claims if c.cluster})
    return render_page("search.html.j2", web, title="Search", q=q, kind=kind, hits=hits, clusters=clusters)


@router.get("/search")
async def search_page(request: Request, q: str = "", kind: str = "all") -> HTMLResponse:
    web = _web(request)
    kind = kind if kind in ("all", "claims", "articles") else "all"
    return HTMLResponse(await web.cache.aget(("search-page", q, kind), lambda: _search_html(web, q, kind)))


@router.get("/add")
def add_page(request: Request) -> HTMLResponse:
    lim = _web(request).settings.web
    return _page(request, "add.html.j2", title="Add articles", limits=lim)


@router.get("/login")
def login_page(request: Request) -> HTMLResponse:
    return _page(request, "login.html.j2", title="Sign in", failed=False)


@router.post("/login")
async def login(request: Request) -> Response:
    web = _web(request)
    if not same_origin(request):
        raise WebError("R602", reason="cross-site request refused: the Origin header names another site")
    form = await request.form(max_fields=4, max_files=0)
    if not web.access.token_ok(str(form.get("token", ""))):
        return HTMLResponse(render_page("login.html.j2", web, title="Sign in", failed=True), status_code=403)
    resp = RedirectResponse("/", status_code=303)
    resp.set_cookie(COOKIE, str(form["token"]), httponly=True, samesite="strict", secure=request.url.scheme == "https")
    return resp


@router.get("/docs")
def docs_page(request: Request) -> HTMLResponse:
    return _page(request, "docs.html.j2", title="API", **docs_context(request.app.openapi()))


@router.get("/static/{name}")
def static(name: str) -> Response:
    got = static_file(name)
    if got is None:
        raise WebError("R607", kind="static file", id=name)
    data, media = got
    return Response(data, media_type=media, headers={"Cache-Control": "public, max-age=3600"})
