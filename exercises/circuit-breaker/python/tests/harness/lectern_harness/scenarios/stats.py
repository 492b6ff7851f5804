"""get_stats() snapshots, the injected clock, and cancellation."""

import time as _time

from ..context import Gate
from .registry import scenario

_monotonic = _time.monotonic


@scenario
async def clock_only(run):
    breaker = run.breaker(failure_threshold=1)
    run.at(12.5)
    await run.fail(breaker)
    run.note_stats(breaker, "fake.")
    run.at(72.5)
    run.note_state("fake.recovered.state", breaker.state)

    default = run.m.CircuitBreaker(run.m.CircuitBreakerConfig(failure_threshold=1))
    before = _monotonic()
    await run.fail(default)
    after = _monotonic()
    stats = default.get_stats()
    stamp = dict.get(stats, "last_failure_time") if type(stats) is dict else None
    within = type(stamp) in (int, float) and before <= stamp <= after
    run.note("default.stamp_within_monotonic", within)


@scenario
async def stats_snapshot(run):
    breaker = run.breaker()
    await run.fail(breaker)
    first = breaker.get_stats()
    if type(first) is dict:
        keys = list(first)
        run.note("keys", sorted(keys) if all(type(key) is str for key in keys) else keys)
    else:
        run.note("keys", first)
    try:
        first["failure_count"] = 99
        first["state"] = "open"
        first["next_attempt_time"] = 0.0
    except TypeError:
        pass
    run.note_stats(breaker, "after_mutation.")
    run.note_state("after_mutation.breaker_state", breaker.state)


@scenario
async def cancel_never_counted(run):
    breaker = run.breaker(failure_threshold=1, expected_exceptions=(BaseException,))
    gate = Gate()
    task = run.spawn(breaker, gate)
    await run.settle()
    task.cancel()
    run.note("cancelled.outcome", (await run.finish(task)).kind)
    run.note_stats(breaker, "stats.")
    run.note("next.outcome", (await run.succeed(breaker)).kind)
