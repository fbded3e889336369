"""PLACEHOLDER: stage `compare_framing` not built yet (does nothing)."""


def compare_framing(state) -> None:  # PLACEHOLDER
    return None
