"""What a run left out or warned about, in one list for the terminal and the reports.

``run_notices(dossier) -> Notices``: ``left_out`` (inputs not analysed: each unreadable input
from ``run.errors`` and each exact duplicate, with the path and the reason), ``copies`` (near
copies kept but counted as one source with their original) and ``notes`` (warnings such as a
text that does not read as English, skipped subdirectories, renamed ids). ``headline(n)`` is
the "Left out: 2 inputs" line.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from ..ingest.names import name_of


@dataclass
class Notice:
    what: str  # the input, article or path concerned
    why: str  # the reason, in words, with the code in brackets where there is one


@dataclass
class Notices:
    left_out: list[Notice] = field(default_factory=list)
    copies: list[Notice] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def __bool__(self) -> bool:
        return bool(self.left_out or self.copies or self.notes)


def plural(n: int, one: str, many: str = "") -> str:
    """``"1 article"``, ``"2 articles"``."""
    return f"{n} {one if n == 1 else (many or one + 's')}"


def headline(n: int) -> str:
    """The line that opens the list of left-out inputs."""
    return f"Left out: {plural(n, 'input')}"


def run_notices(dossier) -> Notices:
    """Everything the run skipped or warned about (see the module doc)."""
    out = Notices()
    run = dossier.run
    if run:
        for e in run.errors:
            where = f"{e.path}:{e.line}" if e.line else e.path
            out.left_out.append(Notice(where, f"{e.message} [{e.code}]"))
        for d in run.duplicates:
            out.left_out.append(Notice(d.dropped, f"the same text as {d.kept}; analysed once [duplicate]"))
        out.notes = list(run.notes)
    arts = {a.id: a for a in dossier.articles}
    for a in dossier.articles:
        if a.copy_of:
            orig = arts.get(a.copy_of)
            oname = f"{name_of(orig)} ({a.copy_of})" if orig else a.copy_of
            out.copies.append(Notice(f"{name_of(a)} ({a.id})",
                                     f"near copy of {oname}, resemblance {a.copy_similarity:.2f}; counted as one source with it"))
    return out
