"""PLACEHOLDER: stage `link_actors` not built yet (does nothing)."""


def link_actors(state) -> None:  # PLACEHOLDER
    return None
