"""The JSON API of ``rashomon serve`` (every route under ``/api``):

- ``GET /api/health`` -> ``{"status": "ok", "version", "read_only", "jobs_idle"}``;
- ``POST /api/articles`` (token): a JSON body ``{"articles": [{id, text or html, title, outlet,
  url, published}]}`` or multipart files (field ``files``) -> 202 ``{"job": ID}``;
- ``GET /api/jobs/{id}`` -> ``{"id", "state": queued|running|done|failed, "done", "total", "errors", "reason"}``;
- ``GET /api/events`` -> the events with dates, outlets, article and dispute counts;
- ``GET /api/events/{id}/dossier`` -> the event's ``rashomon.dossier/1`` JSON;
- ``GET /api/claims?q=...`` -> claims (and, with ``kind=all``/``articles``, articles) matching ``q``;

Reads of the dossier and the search are served from the page cache (``cache.PageCache``),
cleared whenever a job of this server writes.
- ``GET /api/claims/{cluster_id}`` -> one claim cluster with its claims, evidence and history.
"""
from __future__ import annotations

import json
from typing import Any, Literal

from fastapi import APIRouter, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import JSONResponse, Response

from .. import __version__
from ..errors import WebError
from .intake import articles_from_files, articles_from_json

router = APIRouter(prefix="/api", tags=["api"])


def _web(request: Request):
    return request.app.state.web


def plain(obj: Any) -> Any:
    """A pydantic record (or a list of them) as JSON-ready data."""
    if isinstance(obj, list):
        return [plain(o) for o in obj]
    return obj.model_dump(mode="json") if hasattr(obj, "model_dump") else obj


def event_dossier(web, event_id: str):
    """The ``Dossier`` of ``event_id`` (a stable id, or the id of an event merged into another);
    404 (R607) when the store has no such event."""
    try:
        return web.store.dossier(event_id)
    except KeyError:
        raise WebError("R607", kind="event", id=event_id) from None


@router.get("/health", summary="Is the server up?")
def health(request: Request) -> dict:
    web = _web(request)
    return {"status": "ok", "version": __version__, "read_only": web.access.read_only, "jobs_idle": web.jobs.idle()}


@router.post("/articles", status_code=202, summary="Add articles (a background job; needs the token)",
             responses={202: {"description": '{"job": ID}'}, 400: {"description": "not JSON / not multipart"},
                        401: {"description": "no token"}, 403: {"description": "wrong token, cross-site, or read-only server"},
                        413: {"description": "over a size limit"}, 422: {"description": "an article or file cannot be used (named)"}},
             openapi_extra={"requestBody": {"content": {
                 "application/json": {"schema": {"type": "object", "required": ["articles"], "properties": {"articles": {
                     "type": "array", "items": {"type": "object", "properties": {k: {"type": "string"} for k in (
                         "id", "text", "html", "title", "outlet", "url", "published")}}}}}},
                 "multipart/form-data": {"schema": {"type": "object", "properties": {"files": {
                     "type": "array", "items": {"type": "string", "format": "binary"}}}}}}}})
async def add_articles(request: Request) -> JSONResponse:
    web = _web(request)
    web.access.check_write(request)
    lim = web.settings.web
    ctype = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if ctype == "multipart/form-data":
        try:
            form = await request.form(max_files=lim.max_articles, max_fields=16, max_part_size=lim.max_file_bytes)
        except Exception as e:  # noqa: BLE001 - python-multipart's and starlette's parse errors
            raise WebError("R605", reason=f"not readable multipart data ({type(e).__name__}: {e})") from None
        files = [(f.filename, await f.read()) for f in form.getlist("files") if hasattr(f, "read")]
        articles = articles_from_files(files, max_chars=lim.max_text_chars, max_file_bytes=lim.max_file_bytes, max_articles=lim.max_articles)
    elif ctype in ("application/json", ""):
        articles = articles_from_json(await request.body(), max_chars=lim.max_text_chars, max_articles=lim.max_articles)
    else:
        raise WebError("R605", reason=f"content type {ctype!r}: send application/json or multipart/form-data")
    job = await run_in_threadpool(web.jobs.submit, articles)
    return JSONResponse({"job": job}, status_code=202)


@router.get("/jobs/{job_id}", summary="A job's state and progress")
def job(request: Request, job_id: str) -> dict:
    got = _web(request).store.get_job(job_id)
    if got is None:
        raise WebError("R607", kind="job", id=job_id)
    return {k: got.get(k) for k in ("id", "state", "done", "total", "errors", "reason")}


@router.get("/events", summary="The events of the workspace")
def events(request: Request) -> list:
    return plain(_web(request).store.events())


@router.get("/events/{event_id}/dossier", summary="An event's dossier (rashomon.dossier/1)")
async def dossier(request: Request, event_id: str) -> Response:
    web = _web(request)
    body = await web.cache.aget(("dossier", event_id), lambda: event_dossier(web, event_id).model_dump_json().encode("utf-8"))
    return Response(body, media_type="application/json")


@router.get("/claims", summary="Search claims (and articles)")
async def claims(request: Request, q: str, kind: Literal["claims", "articles", "all"] = "claims", limit: int = 20) -> Response:
    web = _web(request)
    q = q.strip()
    if not q:
        raise WebError("R606", where="q", reason="the search is empty")
    limit = max(1, min(limit, web.settings.web.search_limit))
    body = await web.cache.aget(("search", q, kind, limit), lambda: json.dumps(plain(web.store.search(q, kind=kind, limit=limit))).encode("utf-8"))
    return Response(body, media_type="application/json")


@router.get("/claims/{cluster_id}", summary="One claim cluster: its claims, evidence and history")
def claim(request: Request, cluster_id: str) -> dict:
    return plain(claim_view(_web(request), cluster_id))


def claim_view(web, cluster_id: str):
    """The store's ``ClusterView`` of ``cluster_id``; 404 (R607) when there is none."""
    try:
        view = web.store.cluster(cluster_id)
    except KeyError:
        view = None
    if view is None:
        raise WebError("R607", kind="claim", id=cluster_id)
    return view
