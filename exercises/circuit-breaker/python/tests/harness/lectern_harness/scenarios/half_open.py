"""HALF_OPEN: closing after enough successes, reopening on a failure, and reuse."""

from .registry import scenario


@scenario
async def success_threshold_closes(run):
    breaker = run.breaker(failure_threshold=1, success_threshold=3)
    await run.fail(breaker)
    run.at(60)
    for n in (1, 2, 3):
        await run.succeed(breaker)
        run.note_stats(breaker, f"after_{n}.")


@scenario
async def reopen_restarts_timer(run):
    breaker = run.breaker(failure_threshold=1)
    await run.fail(breaker)
    run.at(70)
    run.note("probe.outcome", (await run.fail(breaker)).kind)
    run.note_stats(breaker, "stats.")
    run.at(129)
    run.note("early.outcome", (await run.succeed(breaker)).kind)
    run.at(130)
    run.note("due.outcome", (await run.succeed(breaker)).kind)


@scenario
async def partial_successes_dropped(run):
    breaker = run.breaker(failure_threshold=1, success_threshold=3)
    await run.fail(breaker)
    run.at(60)
    await run.succeed(breaker, times=2)
    await run.fail(breaker)
    run.note_stats(breaker, "reopened.")
    run.at(120)
    await run.succeed(breaker, times=2)
    run.note_stats(breaker, "two_more.")
    await run.succeed(breaker)
    run.note_stats(breaker, "third.")


@scenario
async def half_open_ignores_failure_threshold(run):
    breaker = run.breaker(failure_threshold=5)
    await run.fail(breaker, times=5)
    run.at(60)
    await run.fail(breaker)
    run.note_stats(breaker, "stats.")


@scenario
async def half_open_neutral(run):
    breaker = run.breaker(failure_threshold=1, success_threshold=1, expected_exceptions=(ValueError,))
    await run.fail(breaker)
    run.at(60)
    run.note("neutral.outcome", (await run.fail(breaker, KeyError)).kind)
    run.note_stats(breaker, "stats.")
    run.note("next.outcome", (await run.succeed(breaker)).kind)
    run.note_state("next.state", breaker.state)


@scenario
async def reuse_after_close(run):
    breaker = run.breaker(failure_threshold=3, success_threshold=1)
    await run.fail(breaker, times=3)
    run.at(60)
    await run.succeed(breaker)
    run.note_state("closed.state", breaker.state)
    for second in (61, 62):
        run.at(second)
        await run.fail(breaker)
    run.note_stats(breaker, "two_failures.")
    run.at(63)
    await run.fail(breaker)
    run.note_stats(breaker, "third_failure.")
    run.at(123)
    await run.succeed(breaker)
    run.note_state("second_cycle.state", breaker.state)
