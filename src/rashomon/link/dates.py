"""PLACEHOLDER: stage `infer_dates` not built yet (does nothing)."""


def infer_dates(state) -> None:  # PLACEHOLDER
    return None
