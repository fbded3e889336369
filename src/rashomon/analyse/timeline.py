"""PLACEHOLDER: stage `build_timeline` not built yet (does nothing)."""


def build_timeline(state) -> None:  # PLACEHOLDER
    return None
