"""``BodyLimit``: an ASGI middleware that refuses a request body over ``web.max_request_bytes``
with 413 (R604) before the app sees it: at once when ``Content-Length`` says so, else as soon as
the streamed bytes pass the limit (the body, at most the limit, is then handed to the app in one piece)."""
from __future__ import annotations

import json

from ..errors import WebError


def error_body(err: WebError) -> bytes:
    """The JSON body of a refused request: ``{"error": code, "detail": message}``."""
    return json.dumps({"error": err.code, "detail": err.message}).encode("utf-8")


class BodyLimit:
    """Wraps an ASGI ``app``; ``limit`` in bytes."""

    def __init__(self, app, limit: int):
        self.app = app
        self.limit = limit

    def _error(self):
        return WebError("R604", what="the request body", size=f"more than {self.limit:,} bytes", limit=f"{self.limit:,} bytes",
                        setting="web.max_request_bytes")

    async def _refuse(self, send) -> None:
        body = error_body(self._error())
        await send({"type": "http.response.start", "status": 413,
                    "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode()),
                                (b"connection", b"close")]})
        await send({"type": "http.response.body", "body": body})

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        length = dict(scope.get("headers") or []).get(b"content-length")
        if length is not None and length.isdigit() and int(length) > self.limit:
            await self._refuse(send)
            return
        if scope.get("method") not in ("POST", "PUT", "PATCH"):
            await self.app(scope, receive, send)
            return
        # read the body here (up to the limit), then hand it to the app in one message
        chunks, seen = [], 0
        while True:
            msg = await receive()
            if msg["type"] != "http.request":  # the client went away
                return
            chunks.append(msg.get("body", b""))
            seen += len(chunks[-1])
            if seen > self.limit:
                await self._refuse(send)
                return
            if not msg.get("more_body"):
                break
        body, done = b"".join(chunks), False

        async def replay():
            nonlocal done
            if done:
                return await receive()
            done = True
            return {"type": "http.request", "body": body, "more_body": False}

        await self.app(scope, replay, send)
