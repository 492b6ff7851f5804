"""A circuit breaker written from exercises/circuit-breaker/README.md alone.

The base of the independent-bugs corpus: each NN_*.py beside it is this file with one rule of
the README broken. It is not the exercise's reference; it was written to the contract only.
"""

from __future__ import annotations

import asyncio
import math
import time
from dataclasses import dataclass
from enum import Enum
from typing import Any, Callable


class CircuitState(str, Enum):
    CLOSED = "closed"
    OPEN = "open"
    HALF_OPEN = "half_open"


def _check_count(name, value):
    if type(value) is bool or not isinstance(value, int):
        raise TypeError(f"{name} must be an int")
    if value < 1:
        raise ValueError(f"{name} must be >= 1")


def _check_seconds(name, value, allow_zero):
    if type(value) is bool or not isinstance(value, (int, float)):
        raise TypeError(f"{name} must be a number")
    if math.isnan(value) or math.isinf(value):
        raise ValueError(f"{name} must be finite")
    if value < 0 or (value == 0 and not allow_zero):
        raise ValueError(f"{name} out of range")


@dataclass
class CircuitBreakerConfig:
    failure_threshold: int = 5
    recovery_timeout: float = 60
    success_threshold: int = 3
    timeout: float = 30.0
    expected_exceptions: tuple[type[BaseException], ...] = (Exception,)

    def __post_init__(self) -> None:
        _check_count("failure_threshold", self.failure_threshold)
        _check_count("success_threshold", self.success_threshold)
        _check_seconds("recovery_timeout", self.recovery_timeout, True)
        _check_seconds("timeout", self.timeout, False)
        expected = self.expected_exceptions
        if isinstance(expected, type):
            expected = (expected,)
        if type(expected) is not tuple or len(expected) == 0:
            raise TypeError("expected_exceptions must be a non-empty tuple")
        for cls in expected:
            if not isinstance(cls, type) or not issubclass(cls, BaseException):
                raise TypeError("expected_exceptions must hold exception classes")
        self.expected_exceptions = expected


class CircuitBreakerError(Exception):
    pass


class CircuitBreaker:
    def __init__(self, config: CircuitBreakerConfig | None = None, *,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.config = config if config is not None else CircuitBreakerConfig()
        self._clock = clock
        self._state = CircuitState.CLOSED
        self._failures = 0
        self._successes = 0
        self._last_failure = None
        self._next_attempt = None
        self._generation = 0
        self._running_probes = 0

    @property
    def state(self) -> CircuitState:
        self._refresh()
        return self._state

    def get_stats(self) -> dict[str, Any]:
        self._refresh()
        return {
            "state": self._state,
            "failure_count": self._failures,
            "success_count": self._successes,
            "last_failure_time": self._last_failure,
            "next_attempt_time": self._next_attempt,
        }

    def _refresh(self):
        if self._state == CircuitState.OPEN and self._clock() >= self._next_attempt:
            self._move_to(CircuitState.HALF_OPEN)
            self._successes = 0
            self._next_attempt = None

    def _move_to(self, state):
        self._state = state
        self._generation += 1
        self._running_probes = 0

    async def call(self, func, *args, **kwargs):
        self._refresh()
        if self._state == CircuitState.OPEN:
            raise CircuitBreakerError("circuit open")
        probe = self._state == CircuitState.HALF_OPEN
        if probe:
            if self._running_probes + self._successes >= self.config.success_threshold:
                raise CircuitBreakerError("no free probe slot")
            self._running_probes += 1
        generation = self._generation
        try:
            async with asyncio.timeout(self.config.timeout) as scope:
                result = await func(*args, **kwargs)
        except asyncio.CancelledError:
            self._done(generation, probe, None)
            raise
        except TimeoutError as error:
            if scope.expired():
                self._done(generation, probe, False)
                raise CircuitBreakerError("call timed out") from error
            self._done(generation, probe, False if isinstance(error, self.config.expected_exceptions) else None)
            raise
        except BaseException as error:
            self._done(generation, probe, False if isinstance(error, self.config.expected_exceptions) else None)
            raise
        self._done(generation, probe, True)
        return result

    def _done(self, generation, probe, succeeded):
        """Records an outcome: True success, False failure, None neutral."""
        if generation != self._generation:
            return
        if probe:
            self._running_probes -= 1
        if succeeded is None:
            return
        if succeeded:
            if self._state == CircuitState.HALF_OPEN:
                self._successes += 1
                if self._successes >= self.config.success_threshold:
                    self._move_to(CircuitState.CLOSED)
                    self._failures = 0
                    self._successes = 0
                    self._next_attempt = None
            else:
                self._failures = 0
            return
        now = self._clock()
        self._failures += 1
        self._last_failure = now
        if self._state == CircuitState.HALF_OPEN or self._failures >= self.config.failure_threshold:
            self._move_to(CircuitState.OPEN)
            self._successes = 0
            self._next_attempt = now + self.config.recovery_timeout
