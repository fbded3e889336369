"""PLACEHOLDER: stage `extract_times` not built yet (does nothing)."""


def extract_times(state) -> None:  # PLACEHOLDER
    return None
