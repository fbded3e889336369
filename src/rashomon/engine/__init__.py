"""How the per-article half runs: the ``Engine`` interface, in this process or over a process pool."""
from .base import Engine, InlineEngine
from .pool import ProcessPoolEngine, annotate_articles, pick_engine

__all__ = ["Engine", "InlineEngine", "ProcessPoolEngine", "annotate_articles", "pick_engine"]
