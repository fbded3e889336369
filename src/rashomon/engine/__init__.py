"""How the per-article half runs: the ``Engine`` interface, in this process, over a process pool, or on
dask.distributed (``engine.dask_engine``, imported when used)."""
from .base import Engine, InlineEngine
from .pool import ProcessPoolEngine, annotate_articles, pick_engine

__all__ = ["Engine", "InlineEngine", "ProcessPoolEngine", "annotate_articles", "pick_engine"]
