"""Ingestion: read inputs (files, directories, JSON/JSONL, HTML, stdin), decode, take metadata,
clean page furniture (with the reason for each removal), keep an offset map to the original,
and drop exact duplicates (reported).

``read_inputs(inputs, stdin=None) -> IngestResult(articles, errors, duplicates, notes)`` is the
public surface; ``iter_inputs(inputs, stdin=None)`` the same as a stream (articles, errors,
duplicates and notes yielded as they are read, in bounded memory). The modules, one job each:

- ``readers``: inputs to articles, errors, duplicates, unique ids;
- ``stream``: the stream (JSONL and JSONL.gz line by line, directories by scandir chunks);
- ``warc``: web archives (``.warc``, ``.warc.gz``) record by record through the HTML extractor;
- ``decode``: bytes to text (BOM, UTF-8, UTF-16, legacy encodings; binary/empty refused);
- ``normalize``: Unicode normalisation with a per-character origin map;
- ``metadata``: JSON/sidecar/front-matter/header-line metadata and date normalisation;
- ``html``: main text and metadata of HTML pages through trafilatura;
- ``rules`` + ``data/en/boilerplate.yaml``: the page-furniture patterns;
- ``headline``: headline / standfirst / body tests for the first lines;
- ``clean``: headers, furniture, title, dek and outlet evidence out of the text, recorded;
- ``offsets``: cleaned offsets to the decoded original and to the original bytes.
"""
from .readers import IngestResult, read_inputs
from .stream import iter_inputs

__all__ = ["IngestResult", "iter_inputs", "read_inputs"]
