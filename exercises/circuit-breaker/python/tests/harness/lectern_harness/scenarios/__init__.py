"""The hidden scenarios, one module per part of the contract, registered in order."""

from . import config, closed, open_state, half_open, timeouts, concurrency, stats  # noqa: F401
from .registry import SCENARIOS

__all__ = ["SCENARIOS"]
