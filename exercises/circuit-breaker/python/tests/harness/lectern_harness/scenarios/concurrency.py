"""Production hardening: probe admission, stale outcomes, overlapping calls."""

from ..context import Gate
from .registry import scenario


async def _half_open(run, **fields):
    breaker = run.breaker(failure_threshold=1, **fields)
    await run.fail(breaker)
    run.at(60)
    return breaker


async def _probe_burst(run, breaker, callers: int):
    gate = Gate()
    tasks = [run.spawn(breaker, gate) for _ in range(callers)]
    await run.settle()
    run.note("entered", gate.entered)
    run.note("rejected_at_once", sum(
        1 for task in tasks if task.done() and task.result().kind == "CircuitBreakerError"
    ))
    gate.open()
    run.note("outcomes", [(await run.finish(task)).kind for task in tasks])
    run.note_state("state", breaker.state)


@scenario
async def half_open_probe_limit(run):
    breaker = await _half_open(run, success_threshold=3)
    await _probe_burst(run, breaker, 5)


@scenario
async def single_probe(run):
    breaker = await _half_open(run, success_threshold=1)
    await _probe_burst(run, breaker, 10)


@scenario
async def cancelled_probe_frees_slot(run):
    breaker = await _half_open(run, success_threshold=1)
    gate = Gate()
    task = run.spawn(breaker, gate)
    await run.settle()
    run.note("entered", gate.entered)
    task.cancel()
    run.note("cancelled.outcome", (await run.finish(task)).kind)
    run.note_stats(breaker, "stats.")
    run.note("next.outcome", (await run.succeed(breaker)).kind)
    run.note_state("next.state", breaker.state)


@scenario
async def stale_failure_ignored(run):
    breaker = run.breaker(failure_threshold=1)
    first, second = Gate(ValueError("first")), Gate(ValueError("second"))
    first_task, second_task = run.spawn(breaker, first), run.spawn(breaker, second)
    await run.settle()
    run.note("entered", first.entered + second.entered)
    first.open()
    run.note("first.outcome", (await run.finish(first_task)).kind)
    run.at(10)
    second.open()
    late = await run.finish(second_task)
    run.note("second.outcome", late.kind)
    run.note("second.same_object", late.error is second.result)
    run.note_stats(breaker, "stats.")


@scenario
async def stale_success_ignored(run):
    breaker = run.breaker(failure_threshold=1, success_threshold=2)
    gate = Gate("late")
    task = run.spawn(breaker, gate)
    await run.settle()
    await run.fail(breaker)
    run.at(60)
    run.note_state("before.state", breaker.state)
    gate.open()
    late = await run.finish(task)
    run.note("late.outcome", late.kind)
    run.note("late.value", late.value)
    run.note_stats(breaker, "stats.")
    await run.succeed(breaker)
    run.note_stats(breaker, "fresh.")


@scenario
async def closed_calls_overlap(run):
    breaker = run.breaker()
    gate = Gate()
    tasks = [run.spawn(breaker, gate) for _ in range(5)]
    await run.settle()
    run.note("inside_at_once", gate.peak)
    gate.open()
    run.note("outcomes", [(await run.finish(task)).kind for task in tasks])
