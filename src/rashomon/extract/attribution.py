"""PLACEHOLDER: stage `extract_attributions` not built yet (does nothing)."""


def extract_attributions(state) -> None:  # PLACEHOLDER
    return None
