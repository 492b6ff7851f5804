"""Circuit breaker exercise: your solution goes here.

Keep the public names and signatures below; the grader imports them from this file.
README.md (next to the exercise) states every behaviour the hidden tests check.
Python 3.11+, standard library only.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from enum import Enum
from typing import Any, Awaitable, Callable


class CircuitState(str, Enum):
    """The three states of a breaker; each member compares equal to its string value."""

    CLOSED = "closed"        # normal operation: calls go through, failures are counted
    OPEN = "open"            # failing fast: calls are rejected until the recovery timeout is over
    HALF_OPEN = "half_open"  # a few probe calls test whether the dependency has recovered


@dataclass
class CircuitBreakerConfig:
    """How a breaker counts and waits.

    failure_threshold: consecutive failures (in CLOSED) that open the circuit.
    recovery_timeout: seconds of the breaker's clock to stay OPEN before probing.
    success_threshold: successful probes (in HALF_OPEN) that close the circuit; also the
        most probes admitted at once.
    timeout: seconds of event-loop time each admitted call may take.
    expected_exceptions: exception classes that count as failures; a single class is
        accepted and becomes a one-element tuple.
    """

    failure_threshold: int = 5
    recovery_timeout: float = 60
    success_threshold: int = 3
    timeout: float = 30.0
    expected_exceptions: tuple[type[BaseException], ...] = (Exception,)

    def __post_init__(self) -> None:
        """Validate every field: ValueError for a value out of range, TypeError for a wrong type."""
        raise NotImplementedError("validate the configuration")


class CircuitBreakerError(Exception):
    """Raised when the breaker rejects a call (OPEN, or HALF_OPEN with no free probe slot)
    and when an admitted call runs past config.timeout."""


class CircuitBreaker:
    """Guards calls to one dependency; safe for many tasks on one event loop."""

    def __init__(
        self,
        config: CircuitBreakerConfig | None = None,
        *,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        """Start CLOSED with zero counts. `config=None` means CircuitBreakerConfig().
        `clock` is read for every timestamp and every recovery check."""
        raise NotImplementedError("set up the breaker")

    @property
    def config(self) -> CircuitBreakerConfig:
        """The configuration this breaker uses."""
        raise NotImplementedError("return the configuration")

    @property
    def state(self) -> CircuitState:
        """The current state; an OPEN circuit whose recovery time has come reads as HALF_OPEN."""
        raise NotImplementedError("return the current state")

    async def call(self, func: Callable[..., Awaitable[Any]], *args: Any, **kwargs: Any) -> Any:
        """Await func(*args, **kwargs) if the breaker admits the call, record the outcome
        and return func's result unchanged (or re-raise its exception)."""
        raise NotImplementedError("guard the call")

    def get_stats(self) -> dict[str, Any]:
        """A new dict with exactly: state, failure_count, success_count, last_failure_time,
        next_attempt_time."""
        raise NotImplementedError("report the statistics")
