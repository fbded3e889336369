"""How the per-article half runs: in this process, or over a process pool."""
from .pool import annotate_articles

__all__ = ["annotate_articles"]
