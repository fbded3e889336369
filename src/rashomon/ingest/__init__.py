"""Ingestion: read inputs (files, directories, JSON/JSONL, HTML, stdin), decode, take metadata,
clean page furniture (with the reason for each removal), keep an offset map to the original,
and drop exact duplicates (reported).

``read_inputs(inputs, stdin=None) -> IngestResult`` is the whole public surface.
"""
from .readers import IngestResult, read_inputs

__all__ = ["IngestResult", "read_inputs"]
