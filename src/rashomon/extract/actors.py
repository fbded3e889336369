"""PLACEHOLDER: stage `extract_actors` not built yet (does nothing)."""


def extract_actors(state) -> None:  # PLACEHOLDER
    return None
