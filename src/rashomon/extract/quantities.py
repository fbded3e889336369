"""PLACEHOLDER: stage `extract_quantities` not built yet (does nothing)."""


def extract_quantities(state) -> None:  # PLACEHOLDER
    return None
