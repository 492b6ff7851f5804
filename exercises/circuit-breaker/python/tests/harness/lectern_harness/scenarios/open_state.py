"""OPEN: rejecting without calling, and the lazy switch to HALF_OPEN."""

from ..context import returning
from .registry import scenario


@scenario
async def open_no_invoke(run):
    breaker = run.breaker(failure_threshold=1)
    await run.fail(breaker)
    created = 0

    def func():
        nonlocal created
        created += 1
        return returning("ok")()

    outcome = await run.attempt(breaker, func)
    run.note("outcome", outcome.kind)
    run.note("func_called", created)


@scenario
async def rejection_no_side_effects(run):
    breaker = run.breaker(failure_threshold=2)
    await run.fail(breaker, times=2)
    kinds = []
    for second in (10, 20, 30, 40, 50):
        run.at(second)
        kinds.append((await run.succeed(breaker)).kind)
    run.note("outcomes", kinds)
    run.note_stats(breaker, "stats.")


@scenario
async def recovery_boundary(run):
    breaker = run.breaker(failure_threshold=1)
    await run.fail(breaker)
    run.at(59.999)
    run.note("early.outcome", (await run.succeed(breaker)).kind)
    run.at(60.0)
    run.note("due.outcome", (await run.succeed(breaker)).kind)


@scenario
async def half_open_stats(run):
    breaker = run.breaker(failure_threshold=2)
    await run.fail(breaker, times=2)
    run.at(60)
    run.note_state("state", breaker.state)
    run.note_stats(breaker, "stats.")
