"""PLACEHOLDER: stage `assess_independence` not built yet (does nothing)."""


def assess_independence(state) -> None:  # PLACEHOLDER
    return None
