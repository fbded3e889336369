"""PLACEHOLDER: stage `cross_check` not built yet (does nothing)."""


def cross_check(state) -> None:  # PLACEHOLDER
    return None
