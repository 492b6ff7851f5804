"""The scenario table: id → async function taking a Run, in definition order."""

SCENARIOS: dict = {}


def scenario(func):
    """Register `func` under its own name as a scenario id."""
    SCENARIOS[func.__name__] = func
    return func
