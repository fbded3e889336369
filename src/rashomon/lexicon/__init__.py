"""Shared lexicon layer: language data compiled into tables that several stages read (unit tables,
word forms). Sits below the stages (ingest, extract, link, analyse, report) and imports only
``rashomon.data`` and ``rashomon.models``."""
