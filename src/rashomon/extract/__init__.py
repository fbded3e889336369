"""Per-article extractors: each a pipeline stage taking an ``ArticleState``."""
