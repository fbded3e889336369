"""PLACEHOLDER: stage `summarize` not built yet (does nothing)."""


def summarize(state) -> None:  # PLACEHOLDER
    return None
