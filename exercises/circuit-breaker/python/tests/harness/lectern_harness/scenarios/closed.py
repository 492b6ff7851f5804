"""CLOSED: the initial state, pass-through, and counting failures up to the threshold."""

from ..context import raising
from .registry import scenario


@scenario
async def initial_stats(run):
    breaker = run.breaker()
    run.note_state("state", breaker.state)
    run.note_stats(breaker, "stats.")


@scenario
async def passthrough(run):
    breaker = run.breaker()
    result = object()
    seen = {"calls": 0, "args": None, "kwargs": None}

    async def func(*args, **kwargs):
        seen["calls"] += 1
        seen["args"], seen["kwargs"] = args, kwargs
        return result

    outcome = await run.attempt(breaker, func, 1, "two", three=3)
    run.note("outcome", outcome.kind)
    run.note("same_result", outcome.value is result)
    run.note("calls", seen["calls"])
    run.note("args", seen["args"])
    run.note("kwargs", seen["kwargs"])


@scenario
async def failure_same_object(run):
    breaker = run.breaker()
    error = ValueError("boom")
    outcome = await run.attempt(breaker, raising(error))
    run.note("outcome", outcome.kind)
    run.note("same_object", outcome.error is error)
    run.note_stats(breaker, "stats.")


@scenario
async def below_threshold(run):
    breaker = run.breaker(failure_threshold=4)
    for second in (0, 1, 2):
        run.at(second)
        await run.fail(breaker)
    run.note_stats(breaker, "stats.")


@scenario
async def trip_at_threshold(run):
    breaker = run.breaker(failure_threshold=3)
    for second in (0, 1):
        run.at(second)
        await run.fail(breaker)
    run.note_state("before.state", breaker.state)
    run.at(2)
    error = ValueError("third")
    outcome = await run.attempt(breaker, raising(error))
    run.note("outcome", outcome.kind)
    run.note("same_object", outcome.error is error)
    run.note_stats(breaker, "stats.")


@scenario
async def threshold_one(run):
    breaker = run.breaker(failure_threshold=1)
    outcome = await run.fail(breaker)
    run.note("outcome", outcome.kind)
    run.note_stats(breaker, "stats.")


@scenario
async def success_resets(run):
    breaker = run.breaker(failure_threshold=3)
    await run.fail(breaker, times=2)
    await run.succeed(breaker)
    run.note_stats(breaker, "after_success.")
    await run.fail(breaker, times=2)
    run.note_stats(breaker, "stats.")


@scenario
async def unexpected_not_counted(run):
    breaker = run.breaker(failure_threshold=3, expected_exceptions=(ValueError,))
    same = 0
    for _ in range(10):
        error = KeyError("unexpected")
        outcome = await run.attempt(breaker, raising(error))
        same += outcome.error is error
    run.note("reraised_same_object", same)
    run.note_stats(breaker, "stats.")


@scenario
async def unexpected_no_reset(run):
    breaker = run.breaker(failure_threshold=3, expected_exceptions=(ValueError,))
    await run.fail(breaker, times=2)
    outcome = await run.fail(breaker, KeyError)
    run.note("unexpected.outcome", outcome.kind)
    await run.fail(breaker)
    run.note_stats(breaker, "stats.")


@scenario
async def subclass_counted(run):
    breaker = run.breaker(failure_threshold=2, expected_exceptions=(LookupError,))
    await run.fail(breaker, KeyError)
    run.note_stats(breaker, "first.")
    await run.fail(breaker, KeyError)
    run.note_stats(breaker, "second.")
