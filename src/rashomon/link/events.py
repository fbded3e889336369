"""PLACEHOLDER: stage `group_events` not built yet (does nothing)."""


def group_events(state) -> None:  # PLACEHOLDER
    return None
