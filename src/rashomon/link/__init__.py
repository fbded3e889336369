"""Cross-article linking: each a corpus stage taking a ``CorpusState``; reads records, never re-parses."""
