"""Errors and warnings with stable codes (like spaCy's ``E088``), so a script or a reader of the
run report can tell them apart without parsing messages.

Every code is listed in ``CODES`` (code -> message template) and in docs/ERRORS.md; codes are
never reused or renumbered. Ranges: R0xx input, R1xx settings, R2xx pipeline assembly and data
files, R3xx optional fast paths that fell back (warnings, recorded in ``run.notes``), R4xx the
workspace store, R6xx the web app (``rashomon serve``: each with its HTTP status), R9xx internal.

| code | class / use | meaning |
|------|-------------|---------|
| R001 | ``InputUnreadable`` | an input cannot be read |
| R002 | ``InputEmpty`` | an input holds no text |
| R003 | ``NotADossier`` | a file given as a dossier is not one |
| R101 | ``UnknownSettingError`` | a setting key does not exist |
| R102 | ``SettingValueError`` | a setting value is invalid |
| R201 | ``StageOrderError`` | a stage reads what no earlier stage writes |
| R205 | ``StageFieldError`` | a stage names something that is not a field of its state |
| R206 | run.errors ``analysis_failed`` | an article's per-article analysis raised; it is left out, the batch goes on |
| R202 | ``DataFileError`` | a package data file is malformed |
| R203 | ``ModelMissingError`` | a shipped model file is missing |
| R204 | ``UnknownFormatError`` | an unknown report format was asked for |
| R301 | warning | the ONNX encoder is unavailable; torch is used |
| R302 | warning | the ONNX graph optimiser failed; the exported graph is used as is |
| R303 | warning | the background claim encoding failed; claims were encoded again |
| R304 | warning | the spaCy parser could not load; a word-shape guess was used |
| R401 | ``StoreVersionError`` | a workspace store was written by a newer rashomon (its schema version is unknown) |
| R402 | ``StoreURLError`` | a workspace store address is neither SQLite nor PostgreSQL |
| R403 | AddResult.errors ``id_taken`` | another writer stored a different text under the article's id while it was analysed; add it again |
| R601 | ``WebError`` 401 | a request needs the server's token and sent none |
| R602 | ``WebError`` 403 | a request sent a wrong token, or came from another site |
| R603 | ``WebError`` 403 | the server has no token, so it is read-only |
| R604 | ``WebError`` 413 | a request, file or batch is over a size limit |
| R605 | ``WebError`` 400 | a request body is not valid JSON or multipart |
| R606 | ``WebError`` 422 | an article or file in a request cannot be used |
| R607 | ``WebError`` 404 | no such event, claim or job |
| R901 | ``InternalError`` | an unexpected failure (a bug) |

Inputs that cannot be read are not raised but listed in ``dossier.run.errors`` with a short
code of their own (``InputError.code``, a documented dossier field); ``INPUT_CODES`` maps each to
its stable code (R001 cannot be read, R002 no text), which the command line prints with it.

``warn(code, **fields)`` records a coded warning for the run report (``drain_warnings()`` hands
them to ``api.analyze``, which adds them to ``dossier.run.notes``; each distinct one once).
"""
from __future__ import annotations

import threading

CODES: dict[str, str] = {
    "R001": "{path}: cannot be read: {reason}",
    "R002": "{path}: no text: {reason}",
    "R003": "{path}: not a rashomon dossier: {reason}",
    "R101": "unknown setting {key!r} in {where}{hint}",
    "R102": "bad value for setting {key!r} in {where}: {problem}",
    "R201": "stage {stage!r} reads {missing}, which no earlier stage writes (and which the {scope} half is not given)",
    "R205": "stage {stage!r} names {name!r}, which is not a field of {state}",
    "R206": "article {article!r} could not be analysed and is left out ({reason})",
    "R202": "data file {name}: {problem}",
    "R203": "{path} is missing: {remedy}",
    "R204": "unknown report format(s): {unknown}; known: {known}",
    "R301": "the ONNX encoder is unavailable ({reason}); the torch encoder was used (same vectors, slower)",
    "R302": "the ONNX graph optimiser failed ({reason}); the exported graph was used unoptimised",
    "R303": "the background claim encoding failed ({reason}); the claims were encoded at the corpus stage",
    "R304": "the spaCy parser could not load ({reason}); verbs were guessed from word shapes",
    "R401": "the workspace store has schema version {found}, newer than this rashomon knows ({known}); upgrade rashomon",
    "R402": "cannot open workspace store {url!r}: {reason}",
    "R403": "article id {article!r} was taken by another text while this one was analysed; add it again",
    "R601": "this server needs its token for {what}: send it as 'Authorization: Bearer TOKEN'",
    "R602": "{reason}",
    "R603": "this server is read-only: it was started without a token (--token or RASHOMON_TOKEN), so nothing can be added",
    "R604": "{what} is too large: {size} over the limit of {limit} (setting {setting})",
    "R605": "bad request body: {reason}",
    "R606": "{where}: {reason}",
    "R607": "no {kind} {id!r} in this workspace",
    "R901": "internal error: {reason}",
}


#: ``InputError.code`` of the run report -> stable code
INPUT_CODES: dict[str, str] = {
    "not_found": "R001", "unreadable": "R001", "binary": "R001", "undecodable": "R001", "bad_json": "R001",
    "unsupported_format": "R001", "not_an_article": "R001", "not_an_input": "R001", "orphan_sidecar": "R001",
    "empty": "R002", "no_main_text": "R002", "empty_after_cleaning": "R002", "no_text": "R002", "empty_dir": "R002",
    "analysis_failed": "R206", "id_taken": "R403",
}


def input_code(code: str) -> str:
    """The stable code of an ``InputError.code`` ("empty" -> "R002"); R001 for a code not listed."""
    return INPUT_CODES.get(code, "R001")


class RashomonError(Exception):
    """Base class: ``code`` (stable), ``fields`` (the template's values), ``str()`` = "[code] message"."""

    code = "R901"

    def __init__(self, **fields):
        self.fields = fields
        self.message = CODES[self.code].format(**fields)
        super().__init__(f"[{self.code}] {self.message}")


class InputUnreadable(RashomonError, OSError):
    code = "R001"


class InputEmpty(RashomonError, ValueError):
    code = "R002"


class NotADossier(RashomonError, ValueError):
    code = "R003"


class SettingsError(RashomonError, ValueError):
    """Any problem with the settings (R1xx)."""


class UnknownSettingError(SettingsError, KeyError):
    code = "R101"

    def __str__(self) -> str:  # KeyError would quote the message
        return f"[{self.code}] {self.message}"


class SettingValueError(SettingsError):
    code = "R102"


class StageOrderError(RashomonError, ValueError):
    code = "R201"


class StageFieldError(RashomonError, ValueError):
    code = "R205"


class DataFileError(RashomonError, ValueError):
    code = "R202"


class ModelMissingError(RashomonError, FileNotFoundError):
    code = "R203"


class UnknownFormatError(RashomonError, ValueError):
    code = "R204"


class StoreVersionError(RashomonError, RuntimeError):
    code = "R401"


class StoreURLError(RashomonError, ValueError):
    code = "R402"
class WebError(RashomonError):
    """A refused web request (``rashomon serve``): ``status`` is the HTTP status it answers with."""

    STATUS = {"R601": 401, "R602": 403, "R603": 403, "R604": 413, "R605": 400, "R606": 422, "R607": 404}

    def __init__(self, code: str, **fields):
        self.code = code
        self.status = self.STATUS[code]
        super().__init__(**fields)


class InternalError(RashomonError, RuntimeError):
    code = "R901"


_LOCK = threading.Lock()
_WARNINGS: dict[str, None] = {}


def warn(code: str, **fields) -> str:
    """Record the coded warning ``code`` for the run report; return its text ("[R301] ...")."""
    text = f"[{code}] " + CODES[code].format(**fields)
    with _LOCK:
        _WARNINGS.setdefault(text, None)
    return text


def drain_warnings() -> list[str]:
    """The warnings recorded since the last call, in order, each once; the record is emptied."""
    with _LOCK:
        out = list(_WARNINGS)
        _WARNINGS.clear()
    return out
