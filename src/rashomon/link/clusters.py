"""PLACEHOLDER: stage `cluster_claims` not built yet (does nothing)."""


def cluster_claims(state) -> None:  # PLACEHOLDER
    return None
