"""PLACEHOLDER: stage `find_relations` not built yet (does nothing)."""


def find_relations(state) -> None:  # PLACEHOLDER
    return None
