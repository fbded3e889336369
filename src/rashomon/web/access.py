"""Who may do what on a ``rashomon serve`` server.

In: the server's token (``--token`` or ``RASHOMON_TOKEN``; None = read-only server), the address
it is bound to and ``--public``. Out: ``Access.check_read(request)`` and
``Access.check_write(request)``, which return nothing or raise ``WebError``:

- writes need the token: none configured -> 403 R603 (read-only); none sent -> 401 R601; a wrong
  one -> 403 R602 (compared with ``hmac.compare_digest``);
- reads are open on a loopback address or with ``--public``; otherwise they need the token too;
- cross-site requests: a write must carry the token in a header (``Authorization: Bearer T`` or
  ``X-Rashomon-Token``), which a form of another site cannot send; and a write whose ``Origin``
  header names another host than the one the request was sent to is refused (403 R602) even with
  the token. Reads of pages may also carry the token in the ``rashomon_token`` cookie that the
  login form sets (``SameSite=Strict``, ``HttpOnly``), so a browser can read a protected server.
"""
from __future__ import annotations

import hmac
import ipaddress
from dataclasses import dataclass
from typing import Optional
from urllib.parse import urlsplit

from ..errors import WebError

COOKIE = "rashomon_token"


def is_loopback(host: str) -> bool:
    """True for 127.0.0.0/8, ::1 and ``localhost``; False for any other name or address (0.0.0.0 included)."""
    if host.strip("[]").lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def sent_token(request, *, cookie: bool) -> Optional[str]:
    """The token a request carries: ``Authorization: Bearer``, ``X-Rashomon-Token``, and (when
    ``cookie``) the login cookie; None when it carries none."""
    auth = request.headers.get("authorization", "")
    if auth[:7].lower() == "bearer ":
        return auth[7:].strip()
    if request.headers.get("x-rashomon-token"):
        return request.headers["x-rashomon-token"].strip()
    if cookie and request.cookies.get(COOKIE):
        return request.cookies[COOKIE]
    return None


def same_origin(request) -> bool:
    """False when the request has an ``Origin`` header whose host:port differs from its ``Host``
    header (a request from another site's page); True otherwise (no ``Origin``: not a browser form)."""
    origin = request.headers.get("origin")
    if not origin:
        return True
    if origin == "null":
        return False
    return urlsplit(origin).netloc.lower() == request.headers.get("host", "").lower()


@dataclass(frozen=True)
class Access:
    """The server's access policy: ``token`` (None = read-only), ``reads_open`` (loopback or ``--public``)."""

    token: Optional[str]
    reads_open: bool

    @classmethod
    def for_server(cls, token: Optional[str], host: str, public: bool) -> "Access":
        return cls(token=token or None, reads_open=public or is_loopback(host))

    @property
    def read_only(self) -> bool:
        return self.token is None

    def _match(self, sent: Optional[str], what: str) -> None:
        if sent is None:
            raise WebError("R601", what=what)
        if not hmac.compare_digest(sent.encode("utf-8"), (self.token or "").encode("utf-8")):
            raise WebError("R602", reason="wrong token")

    def check_read(self, request) -> None:
        if self.reads_open:
            return
        if self.token is None:  # bound to the network without a token and without --public: nobody reads
            raise WebError("R601", what="reading (start the server with --token, or --public)")
        self._match(sent_token(request, cookie=True), "reading")

    def check_write(self, request) -> None:
        if self.token is None:
            raise WebError("R603")
        if not same_origin(request):
            raise WebError("R602", reason="cross-site request refused: the Origin header names another site")
        self._match(sent_token(request, cookie=False), "adding articles")

    def token_ok(self, candidate: str) -> bool:
        """Whether ``candidate`` is the token (for the login form); False on a read-only server."""
        return self.token is not None and hmac.compare_digest(candidate.encode("utf-8"), self.token.encode("utf-8"))
