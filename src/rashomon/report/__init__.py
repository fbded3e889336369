"""PLACEHOLDER reports (to be replaced by the report work)."""
from pathlib import Path


def write_reports(dossier, out_dir, formats) -> list:  # PLACEHOLDER
    return []
