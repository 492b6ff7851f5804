# Bug: every exception counts as a failure; expected_exceptions is ignored.
"""A circuit breaker for asyncio services (reference solution).

A breaker wraps calls to a dependency that may fail. After `failure_threshold`
consecutive failures it opens and rejects calls at once, for `recovery_timeout`
seconds of the injected clock; then it lets a few probe calls through (half-open)
and closes again after `success_threshold` of them succeed.
"""

from __future__ import annotations

import asyncio
import math
import time
from dataclasses import dataclass
from enum import Enum
from typing import Any, Awaitable, Callable

__all__ = [
    "CircuitBreaker",
    "CircuitBreakerConfig",
    "CircuitBreakerError",
    "CircuitState",
]


class CircuitState(str, Enum):
    """The three states of a breaker; each compares equal to its string value."""

    CLOSED = "closed"
    OPEN = "open"
    HALF_OPEN = "half_open"


def _require_count(name: str, value: object) -> None:
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError(f"{name} must be an int, got {value!r}")
    if value < 1:
        raise ValueError(f"{name} must be at least 1, got {value}")


def _require_seconds(name: str, value: object, *, zero_allowed: bool) -> None:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise TypeError(f"{name} must be a number of seconds, got {value!r}")
    if not math.isfinite(value):
        raise ValueError(f"{name} must be finite, got {value!r}")
    if value < 0 or (value == 0 and not zero_allowed):
        bound = ">= 0" if zero_allowed else "> 0"
        raise ValueError(f"{name} must be {bound}, got {value!r}")


def _exception_tuple(value: object) -> tuple[type[BaseException], ...]:
    if isinstance(value, type):
        value = (value,)
    if not isinstance(value, tuple):
        raise TypeError(f"expected_exceptions must be a tuple of exception classes, got {value!r}")
    if not value:
        raise ValueError("expected_exceptions must name at least one exception class")
    for item in value:
        if not (isinstance(item, type) and issubclass(item, BaseException)):
            raise TypeError(f"expected_exceptions holds {item!r}, which is not an exception class")
    return value


@dataclass
class CircuitBreakerConfig:
    """How a breaker counts and waits. Checked when created."""

    failure_threshold: int = 5
    recovery_timeout: float = 60
    success_threshold: int = 3
    timeout: float = 30.0
    expected_exceptions: tuple[type[BaseException], ...] = (Exception,)

    def __post_init__(self) -> None:
        _require_count("failure_threshold", self.failure_threshold)
        _require_count("success_threshold", self.success_threshold)
        _require_seconds("recovery_timeout", self.recovery_timeout, zero_allowed=True)
        _require_seconds("timeout", self.timeout, zero_allowed=False)
        self.expected_exceptions = _exception_tuple(self.expected_exceptions)


class CircuitBreakerError(Exception):
    """Raised instead of calling the function (open, or half-open and full) or on a timeout."""


_SUCCESS = "success"
_FAILURE = "failure"
_NEUTRAL = "neutral"


class CircuitBreaker:
    """Guards calls to one dependency. Safe for many tasks on one event loop."""

    def __init__(
        self,
        config: CircuitBreakerConfig | None = None,
        *,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._config = config if config is not None else CircuitBreakerConfig()
        self._clock = clock
        self._state = CircuitState.CLOSED
        self._failure_count = 0
        self._success_count = 0
        self._last_failure_time: float | None = None
        self._next_attempt_time: float | None = None
        # Every transition starts a new period; outcomes of calls admitted in an
        # earlier period are stale and change nothing.
        self._period = 0
        # Half-open probes admitted in the current period and not finished yet.
        self._probes = 0

    @property
    def config(self) -> CircuitBreakerConfig:
        """The configuration this breaker was made with."""
        return self._config

    @property
    def state(self) -> CircuitState:
        """The current state (an open circuit whose wait is over reads as half-open)."""
        self._recover_if_due()
        return self._state

    async def call(self, func: Callable[..., Awaitable[Any]], *args: Any, **kwargs: Any) -> Any:
        """Run `await func(*args, **kwargs)` under the breaker's rules and return its result."""
        period = self._admit()
        deadline = asyncio.timeout(self._config.timeout)
        try:
            async with deadline:
                result = await func(*args, **kwargs)
        except asyncio.CancelledError:
            self._settle(period, _NEUTRAL)
            raise
        except BaseException as error:
            if isinstance(error, TimeoutError) and deadline.expired():
                self._settle(period, _FAILURE)
                raise CircuitBreakerError(
                    f"call timed out after {self._config.timeout} s"
                ) from error
            expected = True
            self._settle(period, _FAILURE if expected else _NEUTRAL)
            raise
        self._settle(period, _SUCCESS)
        return result

    def get_stats(self) -> dict[str, Any]:
        """A fresh snapshot of the state and the counters."""
        self._recover_if_due()
        return {
            "state": self._state,
            "failure_count": self._failure_count,
            "success_count": self._success_count,
            "last_failure_time": self._last_failure_time,
            "next_attempt_time": self._next_attempt_time,
        }

    def _recover_if_due(self) -> None:
        if self._state is CircuitState.OPEN and self._clock() >= self._next_attempt_time:
            self._enter(CircuitState.HALF_OPEN)
            self._success_count = 0
            self._next_attempt_time = None

    def _admit(self) -> int:
        self._recover_if_due()
        if self._state is CircuitState.OPEN:
            wait = self._next_attempt_time - self._clock()
            raise CircuitBreakerError(f"circuit is open; next attempt in {wait:.3f} s")
        if self._state is CircuitState.HALF_OPEN:
            if self._probes + self._success_count >= self._config.success_threshold:
                raise CircuitBreakerError("circuit is half-open and all probe slots are taken")
            self._probes += 1
        return self._period

    def _settle(self, period: int, outcome: str) -> None:
        if period != self._period:
            return
        if self._state is CircuitState.HALF_OPEN:
            self._probes -= 1
        if outcome == _SUCCESS:
            self._record_success()
        elif outcome == _FAILURE:
            self._record_failure(self._clock())

    def _record_success(self) -> None:
        if self._state is CircuitState.CLOSED:
            self._failure_count = 0
            return
        self._success_count += 1
        if self._success_count >= self._config.success_threshold:
            self._enter(CircuitState.CLOSED)
            self._failure_count = 0
            self._success_count = 0

    def _record_failure(self, now: float) -> None:
        self._failure_count += 1
        self._last_failure_time = now
        if (
            self._state is CircuitState.HALF_OPEN
            or self._failure_count >= self._config.failure_threshold
        ):
            self._enter(CircuitState.OPEN)
            self._success_count = 0
            self._next_attempt_time = now + self._config.recovery_timeout

    def _enter(self, state: CircuitState) -> None:
        self._state = state
        self._period += 1
        self._probes = 0
