"""PLACEHOLDER: stage `extract_claims` not built yet (does nothing)."""


def extract_claims(state) -> None:  # PLACEHOLDER
    return None
