"""``render_csv(dossier) -> str``: ``claims.csv``, one row per claim."""
from __future__ import annotations

import csv
import io

COLUMNS = ["id", "article", "article_name", "outlet", "speaker", "cue", "kind", "polarity", "hedged", "cluster", "start", "end", "text"]


def render_csv(dossier) -> str:
    """CSV (RFC 4180, header row) with the columns of ``COLUMNS``; outlet empty when unknown;
    ``article_name`` the article's short readable name (``ingest.names``)."""
    from ..ingest.names import name_of

    outlets = {a.id: a.outlet or "" for a in dossier.articles}
    names = {a.id: name_of(a) for a in dossier.articles}
    buf = io.StringIO()
    w = csv.writer(buf)
    w.writerow(COLUMNS)
    for c in dossier.claims:
        w.writerow([c.id, c.article, names.get(c.article, ""), outlets.get(c.article, ""), c.speaker.name if c.speaker else "", c.cue or "", c.kind, c.polarity,
                    "true" if c.hedged else "false", c.cluster or "", c.start, c.end, c.text])
    return buf.getvalue()
