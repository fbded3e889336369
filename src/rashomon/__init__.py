"""rashomon: read one news event through many sources.

Public API::

    import rashomon
    dossier = rashomon.analyze(["examples/kursk"])      # -> rashomon.Dossier
    dossier = rashomon.analyze([{"id": "a1", "text": "..."}], texts=["..."])  # records and plain texts
    rashomon.write_dossier(dossier, "out/dossier.json")
"""
__version__ = "0.1.0"

from .api import analyze, load_dossier, write_dossier  # noqa: E402
from .models import Article, Dossier, dossier_schema  # noqa: E402
from .settings import Settings  # noqa: E402

__all__ = ["analyze", "write_dossier", "load_dossier", "Article", "Dossier", "dossier_schema", "Settings", "__version__"]
