"""Timeouts: event-loop deadlines that fail the call with CircuitBreakerError."""

from ..context import Gate, raising
from .registry import scenario

TIMEOUT = 0.002
"""A real deadline, kept tiny: the gate it guards never opens, so its length is no factor."""


def _cause(run, outcome):
    cause = getattr(outcome.error, "__cause__", None)
    return None if cause is None else run.kind(cause)


@scenario
async def timeout_default_config(run):
    breaker = run.breaker(timeout=TIMEOUT)
    outcome = await run.attempt(breaker, Gate())
    run.note("outcome", outcome.kind)
    run.note("cause", _cause(run, outcome))
    run.note_stats(breaker, "stats.")


@scenario
async def timeout_not_expected(run):
    breaker = run.breaker(timeout=TIMEOUT, expected_exceptions=(ValueError,))
    outcome = await run.attempt(breaker, Gate())
    run.note("outcome", outcome.kind)
    run.note_stats(breaker, "stats.")


@scenario
async def timeout_cancels_func(run):
    breaker = run.breaker(timeout=TIMEOUT)
    gate = Gate()
    outcome = await run.attempt(breaker, gate)
    run.note("cleanups_when_raised", gate.cleanups)
    run.note("outcome", outcome.kind)


@scenario
async def timeout_fake_stamps(run):
    breaker = run.breaker(failure_threshold=1, timeout=TIMEOUT)
    run.at(0.25)
    outcome = await run.attempt(breaker, Gate())
    run.note("outcome", outcome.kind)
    run.note_stats(breaker, "stats.")


@scenario
async def own_timeouterror_raw(run):
    breaker = run.breaker()
    error = TimeoutError("the service said: timed out")
    outcome = await run.attempt(breaker, raising(error))
    run.note("outcome", outcome.kind)
    run.note("same_object", outcome.error is error)
    run.note_stats(breaker, "stats.")


@scenario
async def timeout_in_half_open(run):
    breaker = run.breaker(failure_threshold=1, timeout=TIMEOUT)
    await run.fail(breaker)
    run.at(60)
    run.note("probe.outcome", (await run.attempt(breaker, Gate())).kind)
    run.note_stats(breaker, "stats.")
