"""What a scenario works with: the learner's module, a fake clock, and an observation log."""

import asyncio as _asyncio

from .plain import opaque, plain, state_value

T0 = -5000.0
"""The fake clock's start: negative, so 0 is no safe sentinel and wall clocks never match."""

STATS_KEYS = ("state", "failure_count", "success_count", "last_failure_time", "next_attempt_time")

_CancelledError = _asyncio.CancelledError
_current_task = _asyncio.current_task
_sleep = _asyncio.sleep
_type = type


class Hang(BaseException):
    """Raised by the SIGALRM backstop when learner code blocks the event loop."""


class FakeClock:
    """The clock injected into breakers: it moves only when a scenario moves it."""

    __slots__ = ("now",)

    def __init__(self, now: float) -> None:
        self.now = now

    def __call__(self) -> float:
        return self.now


class Outcome:
    """How one call ended: kind is "returned" or the name of what it raised."""

    __slots__ = ("kind", "value", "error")

    def __init__(self, kind: str, value=None, error=None) -> None:
        self.kind = kind
        self.value = value
        self.error = error


class Gate:
    """An async function that waits until opened, counting who is inside.

    `result` is what it returns once opened; if it is an exception, it is raised instead.
    """

    def __init__(self, result="released") -> None:
        self.event = _asyncio.Event()
        self.result = result
        self.entered = 0
        self.inside = 0
        self.peak = 0
        self.cleanups = 0

    def open(self) -> None:
        self.event.set()

    async def __call__(self, *args, **kwargs):
        self.entered += 1
        self.inside += 1
        self.peak = max(self.peak, self.inside)
        try:
            await self.event.wait()
        except _CancelledError:
            self.cleanups += 1
            raise
        finally:
            self.inside -= 1
        if isinstance(self.result, BaseException):
            raise self.result
        return self.result


class Run:
    """One scenario's run: fresh objects, a fresh fake clock, its own observations."""

    def __init__(self, module) -> None:
        self.m = module
        self.clock = FakeClock(T0)
        self.obs: dict = {}

    # time

    def at(self, offset: float) -> None:
        """Set the fake clock to T0 + offset."""
        self.clock.now = T0 + offset

    async def settle(self, rounds: int = 20) -> None:
        """Let every runnable task run until it waits on something."""
        for _ in range(rounds):
            await _sleep(0)

    # building

    def config(self, **fields):
        return self.m.CircuitBreakerConfig(**fields)

    def breaker(self, **fields):
        return self.m.CircuitBreaker(self.m.CircuitBreakerConfig(**fields), clock=self.clock)

    # calling

    def kind(self, error: BaseException) -> str:
        breaker_error = getattr(self.m, "CircuitBreakerError", None)
        if isinstance(breaker_error, type) and isinstance(error, breaker_error):
            return "CircuitBreakerError"
        return _type.__dict__["__name__"].__get__(_type(error))

    async def attempt(self, breaker, func, *args, **kwargs) -> Outcome:
        """`await breaker.call(func, ...)`, with whatever it raises caught and classified."""
        try:
            value = await breaker.call(func, *args, **kwargs)
        except BaseException as error:
            if isinstance(error, Hang):
                raise
            if isinstance(error, _CancelledError) and _current_task().cancelling():
                raise
            return Outcome(self.kind(error), error=error)
        return Outcome("returned", value=value)

    def spawn(self, breaker, func, *args, **kwargs):
        """attempt() in a task of its own, started now."""
        return _asyncio.ensure_future(self.attempt(breaker, func, *args, **kwargs))

    async def finish(self, task) -> Outcome:
        """Wait for a spawned attempt; a cancelled one ends as "CancelledError"."""
        await _asyncio.wait([task])
        if task.cancelled():
            return Outcome("CancelledError")
        return task.result()

    async def fail(self, breaker, error_type=ValueError, times: int = 1) -> Outcome:
        """`times` calls whose function raises a fresh error_type; the last outcome."""
        outcome = None
        for _ in range(times):
            outcome = await self.attempt(breaker, raising(error_type("failure")))
        return outcome

    async def succeed(self, breaker, times: int = 1) -> Outcome:
        """`times` calls whose function returns "ok"; the last outcome."""
        outcome = None
        for _ in range(times):
            outcome = await self.attempt(breaker, returning("ok"))
        return outcome

    # observing

    def note(self, key: str, value) -> None:
        self.obs[key] = plain(value)

    def note_state(self, key: str, value) -> None:
        self.obs[key] = state_value(value)

    def note_stats(self, breaker, prefix: str = "") -> None:
        """get_stats() flattened into `prefix + key` entries (state as its string value)."""
        stats = breaker.get_stats()
        if _type(stats) is not dict:
            stand_in = opaque(stats)
            for key in STATS_KEYS:
                self.obs[prefix + key] = stand_in
            return
        for key in STATS_KEYS:
            if key in stats:
                value = dict.__getitem__(stats, key)
                self.obs[prefix + key] = state_value(value) if key == "state" else plain(value)


def raising(error: BaseException):
    """An async function that raises exactly `error`."""

    async def func(*args, **kwargs):
        raise error

    return func


def returning(value):
    """An async function that returns exactly `value`."""

    async def func(*args, **kwargs):
        return value

    return func
