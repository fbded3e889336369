"""Analyses over the linked dossier: framing, timeline, summary."""
